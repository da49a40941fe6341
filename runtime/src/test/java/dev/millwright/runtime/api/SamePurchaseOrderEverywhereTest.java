package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.millwright.runtime.demo.DemoEnvironment;

/**
 * The same code creates the same purchase order in SAP S/4HANA, NetSuite and Business Central through the canonical
 * model, and the same canonical record comes back from each: only the references each system gives (number,
 * vendor and item ids) differ.
 */
@QuarkusTest
class SamePurchaseOrderEverywhereTest {

    /** How each system names a line's item: by an inventory item's number or its remote id. */
    private static final Map<String, Function<JsonPath, String>> ITEM_REFERENCE = Map.of(
            "s4hana", item -> item.getString("item_number"),
            "netsuite", item -> item.getString("remote_id"),
            "dynamics", item -> item.getString("item_number"));

    @Inject
    DemoEnvironment demo;

    @ParameterizedTest
    @ValueSource(strings = {"s4hana", "netsuite", "dynamics"})
    void theSamePurchaseOrderComesBackFromEachSystem(String system) {
        String token = Api.admin().contentType(ContentType.JSON).body(Map.of("system", system, "name", "PO " + system,
                "settings", demo.settings("demo-" + system))).post("/connections").then().statusCode(201)
                .extract().path("token");
        SyncApiTest.syncAndWait(token, "vendor", false);
        SyncApiTest.syncAndWait(token, "inventory_item", false);
        JsonPath vendor = Api.as(token).queryParam("page_size", "1").get("/vendors").then().statusCode(200)
                .extract().jsonPath().setRootPath("results[0]");
        JsonPath item = Api.as(token).queryParam("page_size", "1").get("/inventory-items").then().statusCode(200)
                .extract().jsonPath().setRootPath("results[0]");

        Map<String, Object> line = new LinkedHashMap<>();
        line.put("item_number", ITEM_REFERENCE.get(system).apply(item));
        line.put("description", "Hydraulic filter element");
        line.put("quantity", 6);
        line.put("unit_price", 12.5);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("order_date", "2026-11-20");
        order.put("vendor_remote_id", vendor.getString("remote_id"));
        order.put("lines", List.of(line));

        JsonPath created = Api.as(token).contentType(ContentType.JSON).body(order).post("/purchase-orders").then().log().ifValidationFails()
                .statusCode(201).extract().jsonPath();
        JsonPath readBack = Api.as(token).get("/purchase-orders/" + created.getString("id")).then().statusCode(200)
                .extract().jsonPath();

        assertThat(readBack.getString("entity")).isEqualTo("purchase_order");
        assertThat(readBack.getString("order_date")).isEqualTo("2026-11-20");
        assertThat(readBack.getString("vendor_remote_id")).isEqualTo(vendor.getString("remote_id"));
        assertThat(readBack.getString("status")).isNotNull();
        assertThat(readBack.getString("number")).isNotBlank();
        assertThat(readBack.getList("lines")).hasSize(1);
        assertThat(new BigDecimal(readBack.getString("lines[0].quantity"))).isEqualByComparingTo("6");
        assertThat(new BigDecimal(readBack.getString("lines[0].unit_price"))).isEqualByComparingTo("12.5");
        assertThat(readBack.getString("lines[0].description")).isEqualTo("Hydraulic filter element");
        assertThat(readBack.getString("lines[0].item_number")).isEqualTo(line.get("item_number"));
    }
}
