package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.error.ConflictException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** get, create, update and delete through the record API of the NetSuite simulator. */
class NetSuiteWriteTest extends NetSuiteCamelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void startSimulator() {
        netsuite = TestAccount.simulator().seed(29).vendors(12).inventoryItems(15).purchaseOrders(20).workOrders(6)
                .assets(8).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        netsuite.close();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    private static String uri(String collection, String operation) {
        return "netsuite:" + collection + "?connection=" + TestAccount.OAUTH2 + "&operation=" + operation;
    }

    private static ObjectNode openPurchaseOrder() {
        return netsuite.records("purchaseOrder").stream()
                .filter(order -> order.at("/orderStatus/id").asText().equals("B")).findFirst().orElseThrow();
    }

    @Test
    void getReturnsTheRecordWithItsLinesAndItsModifiedTimeAsVersion() {
        ObjectNode order = openPurchaseOrder();

        Exchange reply = request(uri("purchase-orders", "get"), Map.of(SourceHeaders.REMOTE_ID, order.get("id").asText()),
                null);

        ObjectNode body = reply.getMessage().getBody(ObjectNode.class);
        assertThat(body.get("tranId").asText()).isEqualTo(order.get("tranId").asText());
        assertThat(body.at("/item/items").size()).isEqualTo(order.at("/item/items").size());
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION))
                .isEqualTo(order.get("lastModifiedDate").asText());
    }

    @Test
    void createPostsTheRecordAndReadsItBackFromItsLocation() throws Exception {
        String vendor = netsuite.records("vendor").get(1).get("id").asText();
        String item = netsuite.records("inventoryItem").get(2).get("id").asText();
        ObjectNode order = (ObjectNode) JSON.readTree("{\"entity\":{\"id\":\"" + vendor + "\"},\"memo\":\"Pump seals\","
                + "\"tranDate\":\"2024-06-03\",\"item\":{\"items\":[{\"item\":{\"id\":\"" + item + "\"},\"quantity\":6,"
                + "\"rate\":31.5}]}}");

        Exchange reply = request(uri("purchase-orders", "create"), Map.of(), order);

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        ObjectNode stored = netsuite.record("purchaseOrder", id);
        assertThat(stored.get("memo").asText()).isEqualTo("Pump seals");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(stored.get("lastModifiedDate").asText());
        assertThat(reply.getMessage().getBody(ObjectNode.class).get("total").decimalValue()).isEqualByComparingTo("189.00");
        RecordedRequest post = netsuite.requestLog().stream().filter(r -> r.method().equals("POST")
                && r.path().endsWith("/record/v1/purchaseOrder")).reduce((a, b) -> b).orElseThrow();
        assertThat(post.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void updatePatchesTheFieldsAndAnswersTheNewVersion() {
        ObjectNode vendor = netsuite.records("vendor").get(3);
        String id = vendor.get("id").asText();

        Exchange reply = request(uri("vendors", "update"), Map.of(SourceHeaders.REMOTE_ID, id),
                Map.of("phone", "(617) 555-0142"));

        assertThat(reply.getException()).isNull();
        assertThat(netsuite.record("vendor", id).get("phone").asText()).isEqualTo("(617) 555-0142");
        RecordedRequest patch = netsuite.requestLog().stream().filter(r -> r.method().equals("PATCH")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(patch.path()).endsWith("/record/v1/vendor/" + id);
        assertThat(patch.rawQuery()).isNull();
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION))
                .isEqualTo(netsuite.record("vendor", id).get("lastModifiedDate").asText());
    }

    @Test
    void anUpdateOfTheLinesReplacesTheSublist() throws Exception {
        ObjectNode order = openPurchaseOrder();
        String id = order.get("id").asText();
        String item = order.at("/item/items/0/item/id").asText();
        ObjectNode changes = (ObjectNode) JSON.readTree("{\"item\":{\"items\":[{\"item\":{\"id\":\"" + item
                + "\"},\"quantity\":2}]}}");

        Exchange reply = request(uri("purchase-orders", "update"), Map.of(SourceHeaders.REMOTE_ID, id), changes);

        assertThat(reply.getException()).isNull();
        assertThat(netsuite.record("purchaseOrder", id).at("/item/items")).hasSize(1);
        RecordedRequest patch = netsuite.requestLog().stream().filter(r -> r.method().equals("PATCH")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(patch.queryParam("replace")).isEqualTo("item");
    }

    @Test
    void anUpdateWithTheCurrentVersionIsApplied() {
        ObjectNode item = netsuite.records("inventoryItem").get(4);

        Exchange reply = request(uri("inventory-items", "update"), Map.of(SourceHeaders.REMOTE_ID, item.get("id").asText(),
                SourceHeaders.REMOTE_VERSION, item.get("lastModifiedDate").asText()), Map.of("reorderPoint", 40));

        assertThat(reply.getException()).isNull();
        assertThat(netsuite.record("inventoryItem", item.get("id").asText()).get("reorderPoint").intValue()).isEqualTo(40);
    }

    @Test
    void anUpdateWithAStaleVersionIsAConflictAndChangesNothing() {
        ObjectNode vendor = netsuite.records("vendor").get(5);
        String id = vendor.get("id").asText();
        netsuite.modify("vendor", id, Map.of("email", "ap@changed-meanwhile.example.com",
                "lastModifiedDate", java.time.Instant.parse(vendor.get("lastModifiedDate").asText()).plusSeconds(60)));

        Exchange reply = request(uri("vendors", "update"), Map.of(SourceHeaders.REMOTE_ID, id,
                SourceHeaders.REMOTE_VERSION, vendor.get("lastModifiedDate").asText()), Map.of("email", "late@example.com"));

        assertThat(reply.getException()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("record '" + id + "'").hasMessageContaining("entity 'vendor'");
        assertThat(netsuite.record("vendor", id).get("email").asText()).isEqualTo("ap@changed-meanwhile.example.com");
    }

    @Test
    void deleteRemovesTheRecord() {
        ObjectNode vendor = netsuite.insert("vendor", Map.of("companyName", "Temporary Supply Co"));
        String id = vendor.get("id").asText();

        Exchange reply = request(uri("vendors", "delete"), Map.of(SourceHeaders.REMOTE_ID, id), null);

        assertThat(reply.getException()).isNull();
        assertThat(netsuite.record("vendor", id)).isNull();
    }

    @Test
    void aDeleteWithAStaleVersionIsAConflict() {
        ObjectNode vendor = netsuite.insert("vendor", Map.of("companyName", "Stale Supply Co",
                "lastModifiedDate", "2024-01-01T00:00:00Z"));
        String id = vendor.get("id").asText();
        netsuite.modify("vendor", id, Map.of("phone", "555-0100"));

        Exchange reply = request(uri("vendors", "delete"), Map.of(SourceHeaders.REMOTE_ID, id,
                SourceHeaders.REMOTE_VERSION, "2024-01-01T00:00:00Z"), null);

        assertThat(reply.getException()).isInstanceOf(ConflictException.class);
        assertThat(netsuite.record("vendor", id)).isNotNull();
    }

    @Test
    void aCustomRecordOfAConfiguredTypeIsWritten() {
        ObjectNode asset = netsuite.records("customrecord_ncfar_asset").get(2);

        Exchange reply = request(uri("assets", "update"), Map.of(SourceHeaders.REMOTE_ID, asset.get("id").asText()),
                Map.of("custrecord_assetserialno", "SN-REPLACED-01"));

        assertThat(reply.getException()).isNull();
        assertThat(netsuite.record("customrecord_ncfar_asset", asset.get("id").asText()).get("custrecord_assetserialno")
                .asText()).isEqualTo("SN-REPLACED-01");
        assertThat(List.of(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION, String.class)))
                .containsExactly(netsuite.record("customrecord_ncfar_asset", asset.get("id").asText()).get("lastModified")
                        .asText());
    }
}
