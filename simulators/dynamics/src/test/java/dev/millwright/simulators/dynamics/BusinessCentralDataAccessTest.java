package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What tests see and change directly: records, modify, insert, delete, garble, and the generated data. */
class BusinessCentralDataAccessTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private BusinessCentralSimulator bc;
    private TestHttp http;

    @BeforeEach
    void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).seed(3).vendors(12).items(20).fixedAssets(8)
                .purchaseOrders(10).historyDays(30).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        http = new TestHttp(bc);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    @Test
    void theSameSeedGeneratesTheSameData() {
        try (BusinessCentralSimulator twin = BusinessCentralSimulator.builder().seed(3).vendors(12).items(20)
                .fixedAssets(8).purchaseOrders(10).historyDays(30).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC))
                .build()) {
            assertThat(twin.records("purchaseOrders")).isEqualTo(bc.records("purchaseOrders"));
            assertThat(twin.companyId()).isEqualTo(bc.companyId());
        }
    }

    @Test
    void generatedRecordsLookLikeCronus() {
        ObjectNode item = bc.records("items").get(0);
        ObjectNode asset = bc.records("fixedAssets").get(0);
        ObjectNode vendor = bc.records("vendors").get(0);

        assertThat(item.get("number").asText()).isEqualTo("1896-S");
        assertThat(item.get("displayName").asText()).isEqualTo("ATHENS Desk");
        assertThat(asset.get("number").asText()).isEqualTo("FA000010");
        assertThat(vendor.get("number").asText()).isEqualTo("V00010");
        assertThat(vendor.get("displayName").asText()).isEqualTo("Fabrikam, Inc.");
    }

    @Test
    void modificationTimesLieWithinTheHistoryAndSomeAreShared() {
        List<Instant> times = bc.records("vendors").stream().map(v -> Instant.parse(v.get("lastModifiedDateTime")
                .asText())).toList();
        try (BusinessCentralSimulator many = BusinessCentralSimulator.builder().vendors(400).items(0).fixedAssets(0)
                .purchaseOrders(0).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
            long distinct = many.records("vendors").stream().map(v -> v.get("lastModifiedDateTime").asText()).distinct()
                    .count();
            assertThat(distinct).isLessThan(400);
        }
        assertThat(times).allMatch(t -> t.isBefore(NOW) && t.isAfter(NOW.minusSeconds(30L * 86_400)));
    }

    @Test
    void modifyChangesTheRecordItsTimeAndItsEtag() {
        ObjectNode vendor = bc.records("vendors").get(2);

        ObjectNode changed = bc.modify("vendors", vendor.get("id").asText(), Map.of("displayName", "Renamed"));

        assertThat(changed.get("displayName").asText()).isEqualTo("Renamed");
        assertThat(changed.get("lastModifiedDateTime").asText()).isEqualTo("2024-06-01T12:00:00Z");
        assertThat(changed.get("@odata.etag").asText()).isNotEqualTo(vendor.get("@odata.etag").asText());
    }

    @Test
    void modifyMaySetTheModificationTimeAndWhatOnlyBcMaintains() {
        ObjectNode order = bc.records("purchaseOrders").get(0);

        ObjectNode changed = bc.modify("purchaseOrders", order.get("id").asText(), Map.of("status", "Open",
                "lastModifiedDateTime", "2024-05-01T08:00:00.123Z"));

        assertThat(changed.get("status").asText()).isEqualTo("Open");
        assertThat(changed.get("lastModifiedDateTime").asText()).isEqualTo("2024-05-01T08:00:00.123Z");
    }

    @Test
    void modifyReplacesTheLinesOfAnOrderAndItsTotals() {
        ObjectNode order = bc.records("purchaseOrders").get(1);

        ObjectNode changed = bc.modify("purchaseOrders", order.get("id").asText(), Map.of("purchaseOrderLines",
                List.of(Map.of("lineType", "Item", "lineObjectNumber", "1900-S", "quantity", 2,
                        "receivedQuantity", 2))));

        assertThat(changed.get("purchaseOrderLines")).hasSize(1);
        assertThat(changed.get("totalAmountExcludingTax").decimalValue()).isEqualByComparingTo("250.2");
        assertThat(changed.get("fullyReceived").asBoolean()).isTrue();
    }

    @Test
    void insertCreatesARecordWithTheNextNumber() {
        ObjectNode asset = bc.insert("fixedAssets", Map.of("displayName", "Forklift Linde H25"));

        assertThat(asset.get("number").asText()).isEqualTo("FA000090");
        assertThat(bc.count("fixedAssets")).isEqualTo(9);
        assertThat(http.get(http.company("/fixedAssets(" + asset.get("id").asText() + ")")).status()).isEqualTo(200);
    }

    @Test
    void insertOfAnOrderTakesTheVendorsData() {
        ObjectNode vendor = bc.records("vendors").get(5);

        ObjectNode order = bc.insert("purchaseOrders", Map.of("vendorNumber", vendor.get("number").asText(),
                "purchaseOrderLines", List.of(Map.of("lineType", "Item", "lineObjectNumber", "1896-S", "quantity", 1))));

        assertThat(order.get("vendorName").asText()).isEqualTo(vendor.get("displayName").asText());
        assertThat(order.get("buyFromCity").asText()).isEqualTo(vendor.get("city").asText());
        assertThat(order.get("status").asText()).isEqualTo("Draft");
    }

    @Test
    void deleteRemovesARecord() {
        String id = bc.records("items").get(7).get("id").asText();

        assertThat(bc.delete("items", id)).isTrue();
        assertThat(bc.delete("items", id)).isFalse();
        assertThat(http.get(http.company("/items(" + id + ")")).status()).isEqualTo(404);
    }

    @Test
    void garbleServesARawValueUntilUngarbled() {
        String id = bc.records("vendors").get(0).get("id").asText();
        bc.garble("vendors", id, "lastModifiedDateTime", "31/12/2024 8h");

        JsonNode garbled = http.get(http.company("/vendors(" + id + ")")).json();
        bc.ungarble("vendors", id);
        JsonNode restored = http.get(http.company("/vendors(" + id + ")")).json();

        assertThat(garbled.get("lastModifiedDateTime").asText()).isEqualTo("31/12/2024 8h");
        assertThat(restored.get("lastModifiedDateTime").asText()).isNotEqualTo("31/12/2024 8h");
    }

    @Test
    void garbleReachesPurchaseOrderLines() {
        ObjectNode order = bc.records("purchaseOrders").get(0);
        String lineId = order.get("purchaseOrderLines").get(0).get("id").asText();

        bc.garble("purchaseOrderLines", lineId, "quantity", "three");

        assertThat(bc.record("purchaseOrders", order.get("id").asText()).at("/purchaseOrderLines/0/quantity").asText())
                .isEqualTo("three");
    }

    @Test
    void anUnknownEntitySetOrPropertyIsRefused() {
        assertThatThrownBy(() -> bc.records("workOrders")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workOrders");
        String id = bc.records("vendors").get(0).get("id").asText();
        assertThatThrownBy(() -> bc.modify("vendors", id, Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void ordersNeedVendorsAndItems() {
        assertThatThrownBy(() -> BusinessCentralSimulator.builder().vendors(0).purchaseOrders(1).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
