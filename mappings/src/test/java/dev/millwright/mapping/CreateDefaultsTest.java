package dev.millwright.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import dev.millwright.mapping.engine.MappingCompiler;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.Entity;

/** Source values a create sends where the canonical record gave none; updates never send them. */
class CreateDefaultsTest {

    private static final String YAML = """
            entity: purchase_order
            identity:
              remote_id: PurchaseOrder
              modified_at: { path: Changed, convert: datetime }
            fields:
              company: CompanyCode
              lines:
                path: items
                fields:
                  description: Text
            create_defaults:
              CompanyCode: "1010"
              PurchaseOrderType: NB
              "items[*].Plant": "1010"
            """;

    @SuppressWarnings("unchecked")
    private final Mapping<dev.millwright.mapping.model.CanonicalRecord> mapping =
            (Mapping<dev.millwright.mapping.model.CanonicalRecord>) new MappingCompiler().compile("test.yaml", YAML,
                    "test", Entity.PURCHASE_ORDER);

    @Test
    void aCreateSendsTheDefaultsTheRecordLeftOpenAtTheTopAndInEveryLine() throws Exception {
        ObjectNode canonical = (ObjectNode) CanonicalJson.mapper().readTree(
                "{\"company\": \"2000\", \"lines\": [{\"description\": \"a\"}, {\"description\": \"b\"}]}");

        ObjectNode source = mapping.write(canonical, WriteMode.CREATE);

        assertThat(source.get("CompanyCode").asText()).isEqualTo("2000");
        assertThat(source.get("PurchaseOrderType").asText()).isEqualTo("NB");
        assertThat(source.get("items").findValuesAsText("Plant")).containsExactly("1010", "1010");
    }

    @Test
    void anUpdateSendsNoDefaults() throws Exception {
        ObjectNode patch = (ObjectNode) CanonicalJson.mapper().readTree("{\"company\": \"2000\"}");

        ObjectNode source = mapping.write(patch, WriteMode.UPDATE);

        assertThat(source.has("PurchaseOrderType")).isFalse();
    }

    @Test
    void aDefaultMustBeASingleValue() {
        String bad = YAML.replace("PurchaseOrderType: NB", "PurchaseOrderType: [NB, FO]");

        assertThatThrownBy(() -> new MappingCompiler().compile("bad.yaml", bad, "test", Entity.PURCHASE_ORDER))
                .isInstanceOf(MappingDefinitionException.class).hasMessageContaining("bad.yaml")
                .hasMessageContaining("create_defaults.PurchaseOrderType");
    }
}
