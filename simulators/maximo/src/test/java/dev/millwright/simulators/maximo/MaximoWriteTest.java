package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.millwright.simulators.maximo.TestHttp.delete;
import static dev.millwright.simulators.maximo.TestHttp.fieldNames;
import static dev.millwright.simulators.maximo.TestHttp.get;
import static dev.millwright.simulators.maximo.TestHttp.patch;
import static dev.millwright.simulators.maximo.TestHttp.post;
import static org.assertj.core.api.Assertions.assertThat;

class MaximoWriteTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private MaximoSimulator maximo;
    private String workOrders;

    @BeforeEach
    void start() {
        maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(3).workOrders(50).clock(clock).build().start();
        workOrders = maximo.baseUrl() + "/oslc/os/mxapiwodetail";
    }

    @AfterEach
    void stop() {
        maximo.close();
    }

    // ---- create ----

    @Test
    void createAnswers201WithLocationAndNoBody() {
        TestHttp.Response response = post(workOrders + "?lean=1",
                "{\"siteid\":\"BEDFORD\",\"description\":\"Replace pump seal\",\"status\":\"WAPPR\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).isEmpty();
        assertThat(response.header("Location")).startsWith(workOrders + "/_");
        JsonNode created = get(response.header("Location")).json();
        assertThat(created.get("description").asText()).isEqualTo("Replace pump seal");
        assertThat(created.get("orgid").asText()).isEqualTo("EAGLENA");
    }

    @Test
    void createWithPropertiesHeaderReturnsTheCreatedRecord() {
        TestHttp.Response response = post(workOrders + "?lean=1",
                "{\"siteid\":\"TEXAS\",\"description\":\"Inspect boiler\",\"wopriority\":2}", "properties", "*");

        assertThat(response.status()).isEqualTo(201);
        JsonNode record = response.json();
        assertThat(record.get("href").asText()).isEqualTo(response.header("Location"));
        assertThat(record.get("siteid").asText()).isEqualTo("TEXAS");
        assertThat(record.get("status").asText()).isEqualTo("WAPPR");
        assertThat(record.get("changedate").asText()).isEqualTo("2024-06-01T12:00:00+00:00");
        assertThat(record.get("_rowstamp").asText()).isNotEmpty();
    }

    @Test
    void createWithoutWonumNumbersItAfterTheLastOne() {
        JsonNode record = post(workOrders, "{\"siteid\":\"BEDFORD\",\"description\":\"a\"}", "properties", "wonum")
                .json();

        assertThat(record.get("wonum").asText()).isEqualTo("1050");
        assertThat(record.get("href").asText()).endsWith(MaximoSimulator.restId("BEDFORD", "1050"));
    }

    @Test
    void createKeepsAGivenWonum() {
        JsonNode record = post(workOrders, "{\"siteid\":\"NASHUA\",\"wonum\":\"T-77\"}", "properties", "wonum").json();

        assertThat(record.get("wonum").asText()).isEqualTo("T-77");
    }

    @Test
    void createWithADuplicateKeyGets400() {
        ObjectNode existing = maximo.records("MXAPIWODETAIL").get(0);
        TestHttp.Response response = post(workOrders, "{\"siteid\":\"" + existing.get("siteid").asText()
                + "\",\"wonum\":\"" + existing.get("wonum").asText() + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/reasonCode").asText()).isEqualTo("BMXAA4129E");
        assertThat(response.json().at("/Error/statusCode").asText()).isEqualTo("400");
    }

    @Test
    void createWithAnUnknownAttributeGets400NamingIt() {
        TestHttp.Response response = post(workOrders, "{\"siteid\":\"BEDFORD\",\"colour\":\"red\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("colour");
    }

    @Test
    void createWithAStatusOutsideTheDomainGets400() {
        TestHttp.Response response = post(workOrders, "{\"siteid\":\"BEDFORD\",\"status\":\"DONE\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("DONE").contains("WOSTATUS");
    }

    @Test
    void createWithoutARequiredKeyGets400() {
        TestHttp.Response response = post(workOrders, "{\"description\":\"no site\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("SITEID");
    }

    @Test
    void createPurchaseOrderComputesLineCostsAndTotal() {
        JsonNode po = post(maximo.baseUrl() + "/oslc/os/mxapipo", "{\"siteid\":\"BEDFORD\",\"vendor\":\"ACME\","
                + "\"poline\":[{\"itemnum\":\"0-0001\",\"orderqty\":4,\"unitcost\":2.5},"
                + "{\"itemnum\":\"0-0002\",\"orderqty\":1,\"unitcost\":10}]}", "properties", "*").json();

        assertThat(po.get("totalcost").asDouble()).isEqualTo(20.0);
        assertThat(po.at("/poline/0/polinenum").asInt()).isEqualTo(1);
        assertThat(po.at("/poline/0/linecost").asDouble()).isEqualTo(10.0);
        assertThat(po.at("/poline/1/polinenum").asInt()).isEqualTo(2);
    }

    // ---- update ----

    @Test
    void updateWithTheCurrentEtagAppliesTheChange() {
        ObjectNode before = maximo.records("MXAPIWODETAIL").get(4);
        String href = before.get("href").asText();
        String etag = get(href).header("ETag");
        clock.advance(Duration.ofHours(1));

        TestHttp.Response response = patch(href, "{\"status\":\"INPRG\",\"wopriority\":1}", "If-Match", etag);

        assertThat(response.status()).isEqualTo(204);
        JsonNode after = get(href).json();
        assertThat(after.get("status").asText()).isEqualTo("INPRG");
        assertThat(after.get("wopriority").asInt()).isEqualTo(1);
        assertThat(after.get("changedate").asText()).isEqualTo("2024-06-01T13:00:00+00:00");
        assertThat(Long.parseLong(after.get("_rowstamp").asText()))
                .isGreaterThan(Long.parseLong(before.get("_rowstamp").asText()));
        assertThat(response.header("ETag")).isEqualTo("\"" + after.get("_rowstamp").asText() + "\"");
    }

    @Test
    void updateAcceptsUnquotedAndWeakEtags() {
        ObjectNode record = maximo.records("MXAPIWODETAIL").get(5);
        String href = record.get("href").asText();

        assertThat(patch(href, "{\"wopriority\":2}", "If-Match", record.get("_rowstamp").asText()).status())
                .isEqualTo(204);
        String rowstamp = maximo.record("MXAPIWODETAIL", maximo.restIdOf(record)).get("_rowstamp").asText();
        assertThat(patch(href, "{\"wopriority\":3}", "If-Match", "W/\"" + rowstamp + "\"").status()).isEqualTo(204);
    }

    @Test
    void updateWithAStaleEtagGets412AndChangesNothing() {
        ObjectNode record = maximo.records("MXAPIWODETAIL").get(6);
        String href = record.get("href").asText();
        maximo.modify("MXAPIWODETAIL", maximo.restIdOf(record), Map.of("description", "someone else"));

        TestHttp.Response response = patch(href, "{\"description\":\"mine\"}",
                "If-Match", "\"" + record.get("_rowstamp").asText() + "\"");

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.json().at("/Error/reasonCode").asText()).isEqualTo("BMXAA8229W");
        assertThat(response.json().at("/Error/message").asText())
                .contains("has been updated by another user. Your changes have not been saved.");
        assertThat(response.json().at("/Error/statusCode").asText()).isEqualTo("412");
        assertThat(get(href).json().get("description").asText()).isEqualTo("someone else");
    }

    @Test
    void updateWithPropertiesHeaderAnswers200WithTheRecord() {
        String href = maximo.records("MXAPIWODETAIL").get(7).get("href").asText();

        TestHttp.Response response = patch(href, "{\"lead\":\"SMITH\"}", "properties", "wonum,lead");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("lead").asText()).isEqualTo("SMITH");
        assertThat(fieldNames(response.json())).containsExactlyInAnyOrder("href", "_rowstamp", "wonum", "lead");
    }

    @Test
    void updateWithAnUnknownAttributeGets400() {
        String href = maximo.records("MXAPIWODETAIL").get(8).get("href").asText();

        TestHttp.Response response = patch(href, "{\"colour\":\"red\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/Error/message").asText()).contains("colour");
    }

    @Test
    void updateCannotChangeAKeyAttribute() {
        String href = maximo.records("MXAPIWODETAIL").get(9).get("href").asText();

        assertThat(patch(href, "{\"siteid\":\"ELSEWHERE\"}").status()).isEqualTo(400);
    }

    @Test
    void updateOfPurchaseOrderLinesReplacesThemWithoutMerge() {
        ObjectNode po = maximo.records("MXAPIPO").get(0);

        patch(po.get("href").asText(), "{\"poline\":[{\"itemnum\":\"0-0003\",\"orderqty\":2,\"unitcost\":5}]}");

        ObjectNode after = maximo.record("MXAPIPO", maximo.restIdOf(po));
        assertThat(after.get("poline")).hasSize(1);
        assertThat(after.get("totalcost").asDouble()).isEqualTo(10.0);
    }

    @Test
    void mergeUpdateOfPurchaseOrderLinesMergesByLineNumber() {
        ObjectNode po = maximo.records("MXAPIPO").get(1);
        int lines = po.get("poline").size();

        patch(po.get("href").asText(), "{\"poline\":[{\"polinenum\":1,\"orderqty\":100},"
                + "{\"itemnum\":\"0-0005\",\"orderqty\":1,\"unitcost\":1}]}", "patchtype", "MERGE");

        ObjectNode after = maximo.record("MXAPIPO", maximo.restIdOf(po));
        assertThat(after.get("poline")).hasSize(lines + 1);
        assertThat(after.at("/poline/0/orderqty").asDouble()).isEqualTo(100.0);
        assertThat(after.at("/poline/0/itemnum").asText()).isEqualTo(po.at("/poline/0/itemnum").asText());
        assertThat(after.at("/poline/" + lines + "/polinenum").asInt()).isEqualTo(lines + 1);
    }

    // ---- delete, not found ----

    @Test
    void deleteAnswers204AndTheRecordIsGone() {
        ObjectNode record = maximo.records("MXAPIWODETAIL").get(10);
        String href = record.get("href").asText();

        assertThat(delete(href).status()).isEqualTo(204);

        assertThat(get(href).status()).isEqualTo(404);
        assertThat(maximo.count("MXAPIWODETAIL")).isEqualTo(49);
    }

    @Test
    void deleteWithAStaleEtagGets412() {
        ObjectNode record = maximo.records("MXAPIWODETAIL").get(11);

        TestHttp.Response response = delete(record.get("href").asText(), "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(412);
        assertThat(maximo.record("MXAPIWODETAIL", maximo.restIdOf(record))).isNotNull();
    }

    @Test
    void unknownRecordGets404WithMaximoErrorBody() {
        TestHttp.Response response = get(workOrders + "/" + MaximoSimulator.restId("BEDFORD", "999999"));

        assertThat(response.status()).isEqualTo(404);
        JsonNode error = response.json().get("Error");
        assertThat(error.get("reasonCode").asText()).isEqualTo("BMXAA8727E");
        assertThat(error.get("statusCode").asText()).isEqualTo("404");
        assertThat(error.get("message").asText()).startsWith("BMXAA8727E - ");
        assertThat(error.at("/extendedError/moreInfo/href").asText()).isNotEmpty();
    }

    @Test
    void replayedTransactionIdGets409() {
        String body = "{\"siteid\":\"BEDFORD\",\"description\":\"once\"}";

        assertThat(post(workOrders, body, "transactionid", "tx-1").status()).isEqualTo(201);
        TestHttp.Response replay = post(workOrders, body, "transactionid", "tx-1");

        assertThat(replay.status()).isEqualTo(409);
        assertThat(maximo.count("MXAPIWODETAIL")).isEqualTo(51);
    }

    @Test
    void rowstampsStrictlyIncreaseAcrossObjectStructures() {
        List<Long> rowstamps = new ArrayList<>();
        rowstamps.add(rowstamp(post(workOrders, "{\"siteid\":\"BEDFORD\"}", "properties", "wonum").json()));
        rowstamps.add(rowstamp(post(maximo.baseUrl() + "/oslc/os/mxapiasset",
                "{\"siteid\":\"BEDFORD\",\"assetnum\":\"NEW1\"}", "properties", "assetnum").json()));
        rowstamps.add(rowstamp(post(workOrders, "{\"siteid\":\"TEXAS\"}", "properties", "wonum").json()));

        assertThat(rowstamps).isSorted().doesNotHaveDuplicates();
    }

    private static long rowstamp(JsonNode record) {
        return Long.parseLong(record.get("_rowstamp").asText());
    }
}
