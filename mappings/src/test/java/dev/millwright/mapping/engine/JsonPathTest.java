package dev.millwright.mapping.engine;

import static dev.millwright.mapping.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

    private final JsonNode record = json("""
            {'wonum': '1000', 'companies': [{'name': 'ACME'}, {'name': 'GLOBEX'}],
             'address': {'city': 'Bedford', 'geo': {'lat': 42.49}}, '@odata.etag': 'W/1', 'empty': null}""");

    @Test
    void readsATopLevelName() {
        assertThat(JsonPath.compile("wonum").read(record).textValue()).isEqualTo("1000");
    }

    @Test
    void readsNestedNamesAndIndexes() {
        assertThat(JsonPath.compile("companies[1].name").read(record).textValue()).isEqualTo("GLOBEX");
        assertThat(JsonPath.compile("address.geo.lat").read(record).decimalValue()).isEqualByComparingTo("42.49");
    }

    @Test
    void readsQuotedNamesThatContainDots() {
        assertThat(JsonPath.compile("['@odata.etag']").read(record).textValue()).isEqualTo("W/1");
    }

    @Test
    void missingValuesAndJsonNullReadAsNull() {
        assertThat(JsonPath.compile("status").read(record)).isNull();
        assertThat(JsonPath.compile("companies[5].name").read(record)).isNull();
        assertThat(JsonPath.compile("wonum.inner").read(record)).isNull();
        assertThat(JsonPath.compile("empty").read(record)).isNull();
    }

    @Test
    void writeCreatesTheObjectsAndArraysOnTheWay() {
        ObjectNode target = JsonNodeFactory.instance.objectNode();

        JsonPath.compile("companies[1].name").write(target, TextNode.valueOf("GLOBEX"));
        JsonPath.compile("address.city").write(target, TextNode.valueOf("Bedford"));

        assertThat(target).isEqualTo(json("{'companies': [null, {'name': 'GLOBEX'}], 'address': {'city': 'Bedford'}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a..b", ".a", "a.", "a[", "a[x]", "[0]", "a]b", "a b", "a[0]b", "a[-1]", "['']"})
    void malformedPathsAreRejected(String path) {
        assertThatThrownBy(() -> JsonPath.compile(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("path");
    }
}
