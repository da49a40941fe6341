package dev.millwright.simulators.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The data access tests use: seeded data, modify, insert, delete, garble. */
class NetSuiteDataAccessTest {

    private static final Instant NOW = Instant.parse("2024-06-03T15:00:00Z");
    private NetSuiteSimulator netsuite;

    private static NetSuiteSimulator.Builder seeded() {
        return NetSuiteSimulator.builder().seed(3).vendors(20).inventoryItems(20).purchaseOrders(25).workOrders(8)
                .assets(10).historyDays(10).clock(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @BeforeEach
    void start() {
        netsuite = seeded().build().start();
    }

    @AfterEach
    void stop() {
        netsuite.close();
    }

    @Test
    void theSameSeedGivesTheSameData() {
        try (NetSuiteSimulator twin = seeded().build()) {
            boolean same = twin.records("purchaseOrder").toString().replace(twin.baseUrl(), "")
                    .equals(netsuite.records("purchaseOrder").toString().replace(netsuite.baseUrl(), ""));
            assertThat(same).as("the purchase orders of two simulators with seed 3").isTrue();
        }
    }

    @Test
    void generatedRecordsReferToEachOtherAndSpreadOverTheHistory() {
        for (ObjectNode order : netsuite.records("purchaseOrder")) {
            assertThat(netsuite.record("vendor", order.at("/entity/id").asText())).isNotNull();
            order.at("/item/items").forEach(line ->
                    assertThat(netsuite.record("inventoryItem", line.at("/item/id").asText())).isNotNull());
            Instant modified = Instant.parse(order.get("lastModifiedDate").asText());
            assertThat(modified).isBetween(NOW.minusSeconds(10 * 86_400L), NOW);
            assertThat(Instant.parse(order.get("createdDate").asText())).isBeforeOrEqualTo(modified);
        }
        assertThat(netsuite.count("customrecord_ncfar_asset")).isEqualTo(10);
    }

    @Test
    void modifySetsReadOnlyFieldsAndStampsTheClock() {
        String id = netsuite.records("purchaseOrder").get(3).get("id").asText();

        ObjectNode changed = netsuite.modify("purchaseOrder", id, Map.of("orderStatus", "F", "memo", "All received"));

        assertThat(changed.at("/orderStatus/id").asText()).isEqualTo("F");
        assertThat(changed.get("lastModifiedDate").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void modifyKeepsAGivenModifiedTime() {
        String id = netsuite.records("vendor").get(3).get("id").asText();
        Instant then = Instant.parse("2024-05-30T08:00:00Z");

        ObjectNode changed = netsuite.modify("vendor", id, Map.of("phone", "555-0199", "lastModifiedDate", then));

        assertThat(changed.get("lastModifiedDate").asText()).isEqualTo(then.toString());
    }

    @Test
    void insertNumbersTheRecordAndFillsDefaults() {
        String vendor = netsuite.records("vendor").get(0).get("id").asText();
        String item = netsuite.records("inventoryItem").get(0).get("id").asText();

        ObjectNode order = netsuite.insert("purchaseOrder", Map.of("entity", vendor, "tranDate", LocalDate.of(2024, 6, 1),
                "item", Map.of("items", List.of(Map.of("item", item, "quantity", 3)))));

        assertThat(order.get("tranId").asText()).isEqualTo("PO1026");
        assertThat(order.at("/item/items/0/rate").decimalValue())
                .isEqualByComparingTo(netsuite.record("inventoryItem", item).get("cost").decimalValue());
        assertThat(order.get("total").decimalValue()).isPositive();
        assertThat(order.get("tranDate").asText()).isEqualTo("2024-06-01");
    }

    @Test
    void anInvalidInsertIsRefusedLikeARequest() {
        assertThatThrownBy(() -> netsuite.insert("inventoryItem", Map.of("displayName", "No number")))
                .isInstanceOf(NetSuiteException.class)
                .satisfies(e -> assertThat(((NetSuiteException) e).status()).isEqualTo(400));
    }

    @Test
    void deleteRemovesEvenRecordsOthersReferTo() {
        String vendor = netsuite.records("purchaseOrder").get(0).at("/entity/id").asText();

        assertThat(netsuite.delete("vendor", vendor)).isTrue();
        assertThat(netsuite.delete("vendor", vendor)).isFalse();
    }

    @Test
    void aGarbledFieldIsServedAsGiven() {
        String id = netsuite.records("inventoryItem").get(2).get("id").asText();

        netsuite.garble("inventoryItem", id, "cost", "twelve dollars");

        assertThat(netsuite.record("inventoryItem", id).get("cost").asText()).isEqualTo("twelve dollars");
        assertThat(TestHttp.suiteQl(netsuite, "SELECT cost FROM item WHERE id = " + id, 1, 0).json()
                .at("/items/0/cost").asText()).isEqualTo("twelve dollars");
        netsuite.ungarble("inventoryItem", id);
        assertThat(netsuite.record("inventoryItem", id).get("cost").decimalValue()).isInstanceOf(BigDecimal.class);
    }
}
