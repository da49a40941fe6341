package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

/** Writes: CSRF tokens, ETags, deep inserts, SAP's checks and what a delete does. */
class S4HanaWriteTest {

    private S4HanaSimulator s4;
    private TestHttp http;
    private String service;

    @BeforeEach
    void start() {
        s4 = S4HanaSimulator.builder().basicUser("U", "P").seed(9).purchaseOrders(10).maintenanceOrders(20)
                .equipment(5).suppliers(5).stockRecords(4).build().start();
        http = TestHttp.basic("U", "P");
        service = s4.serviceUrl("API_PURCHASEORDER_PROCESS_SRV");
    }

    @AfterEach
    void stop() {
        s4.close();
    }

    private String purchaseOrder() {
        String supplier = s4.records("A_Supplier").get(0).get("Supplier").asText();
        return "{\"CompanyCode\":\"1010\",\"PurchaseOrderType\":\"NB\",\"Supplier\":\"" + supplier + "\","
                + "\"PurchasingOrganization\":\"1010\",\"PurchasingGroup\":\"001\",\"to_PurchaseOrderItem\":"
                + "{\"results\":[{\"Material\":\"TG11\",\"Plant\":\"1010\",\"OrderQuantity\":\"5\"},"
                + "{\"PurchaseOrderItemText\":\"Service call\",\"Plant\":\"1010\",\"OrderQuantity\":1}]}}";
    }

    @Test
    void aWriteWithoutCsrfTokenIsRefusedWithXCsrfTokenRequired() {
        HttpResponse<String> response = http.send("POST", service + "/A_PurchaseOrder", purchaseOrder());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-csrf-token")).contains("Required");
    }

    @Test
    void aFetchedTokenWithItsSessionCookieAllowsACreateAnsweredWith201AndTheDeepEntity() {
        String token = http.csrfToken(service);

        HttpResponse<String> response = http.send("POST", service + "/A_PurchaseOrder", purchaseOrder(),
                "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response).path("d");
        assertThat(created.get("PurchaseOrder").asText()).isEqualTo("4500000011");
        assertThat(created.get("PurchasingProcessingStatus").asText()).isEqualTo("02");
        assertThat(created.path("to_PurchaseOrderItem").path("results")).extracting(i -> i.get("PurchaseOrderItem").asText())
                .containsExactly("00010", "00020");
        assertThat(response.headers().firstValue("Location")).contains(service + "/A_PurchaseOrder('4500000011')");
        assertThat(response.headers().firstValue("ETag")).isPresent();
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() {
        String token = TestHttp.basic("U", "P").csrfToken(service);
        http.csrfToken(service);

        assertThat(http.send("POST", service + "/A_PurchaseOrder", purchaseOrder(), "X-CSRF-Token", token + "x")
                .statusCode()).isEqualTo(403);
    }

    @Test
    void missingRequiredPropertiesAreNamedInErrorDetails() {
        String token = http.csrfToken(service);

        HttpResponse<String> response = http.send("POST", service + "/A_PurchaseOrder", "{\"CompanyCode\":\"1010\"}",
                "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode details = json(response).path("error").path("innererror").path("errordetails");
        assertThat(details).extracting(d -> d.get("propertyref").asText()).contains("Supplier", "PurchasingGroup");
        assertThat(details).allSatisfy(d -> assertThat(d.get("code").asText()).isEqualTo("00/055"));
    }

    @Test
    void anUpdateNeedsIfMatch() {
        String token = http.csrfToken(service);
        String number = s4.records("A_PurchaseOrder").get(0).get("PurchaseOrder").asText();

        HttpResponse<String> response = http.send("PATCH", service + "/A_PurchaseOrder('" + number + "')",
                "{\"PurchasingGroup\":\"002\"}", "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(428);
    }

    @Test
    void anUpdateWithAStaleEtagIsA412AndWithTheCurrentOneA204WithTheNewEtag() {
        String token = http.csrfToken(service);
        ObjectNode order = s4.records("A_PurchaseOrder").get(1);
        String number = order.get("PurchaseOrder").asText();
        String url = service + "/A_PurchaseOrder('" + number + "')";
        HttpResponse<String> applied = http.send("MERGE", url, "{\"PurchasingGroup\":\"003\"}", "X-CSRF-Token", token,
                "If-Match", S4HanaSimulator.etagOf(order));

        HttpResponse<String> stale = http.send("PATCH", url, "{\"PurchasingGroup\":\"002\"}", "X-CSRF-Token", token,
                "If-Match", S4HanaSimulator.etagOf(order));

        assertThat(applied.statusCode()).isEqualTo(204);
        assertThat(applied.headers().firstValue("ETag")).contains(S4HanaSimulator.etagOf(s4.record("A_PurchaseOrder", number)));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(s4.record("A_PurchaseOrder", number).get("PurchasingGroup").asText()).isEqualTo("003");
    }

    @Test
    void aReadOnlyPropertyCannotBeChanged() {
        String token = http.csrfToken(service);
        ObjectNode order = s4.records("A_PurchaseOrder").get(2);

        HttpResponse<String> response = http.send("PATCH", service + "/A_PurchaseOrder('"
                + order.get("PurchaseOrder").asText() + "')", "{\"PurchasingProcessingStatus\":\"99\"}",
                "X-CSRF-Token", token, "If-Match", S4HanaSimulator.etagOf(order));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("innererror").path("errordetails").get(0).get("propertyref").asText())
                .isEqualTo("PurchasingProcessingStatus");
    }

    @Test
    void deletingAPurchaseOrderSetsDeletionCodeLAndKeepsIt() {
        String token = http.csrfToken(service);
        ObjectNode order = s4.records("A_PurchaseOrder").get(3);
        String number = order.get("PurchaseOrder").asText();

        HttpResponse<String> response = http.send("DELETE", service + "/A_PurchaseOrder('" + number + "')", null,
                "X-CSRF-Token", token, "If-Match", S4HanaSimulator.etagOf(order));

        assertThat(response.statusCode()).isEqualTo(204);
        ObjectNode deleted = s4.record("A_PurchaseOrder", number);
        assertThat(deleted.get("PurchasingDocumentDeletionCode").asText()).isEqualTo("L");
        assertThat(deleted.path("to_PurchaseOrderItem").path("results"))
                .allSatisfy(item -> assertThat(item.get("PurchasingDocumentDeletionCode").asText()).isEqualTo("L"));
    }

    @Test
    void stockCannotBeCreated() {
        String stock = s4.serviceUrl("API_MATERIAL_STOCK_SRV");
        String token = http.csrfToken(stock);

        HttpResponse<String> response = http.send("POST", stock + "/A_MatlStkInAcctMod", "{\"Material\":\"TG11\"}",
                "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("/IWBEP/CM_MGW_RT/021");
    }

    @Test
    void aTechnicallyCompletedMaintenanceOrderCannotBeChanged() {
        String orders = s4.serviceUrl("API_MAINTENANCEORDER");
        String token = http.csrfToken(orders);
        ObjectNode order = s4.records("MaintenanceOrder").stream()
                .filter(o -> o.get("SystemStatusText").asText().startsWith("TECO")).findFirst().orElseThrow();

        HttpResponse<String> response = http.send("PATCH", orders + "/MaintenanceOrder('"
                + order.get("MaintenanceOrder").asText() + "')", "{\"MaintPriority\":\"1\"}", "X-CSRF-Token", token,
                "If-Match", S4HanaSimulator.etagOf(order));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("IW/035");
    }

    @Test
    void newEquipmentIsNumberedAndValidUntilTheEndOfTime() {
        String equipment = s4.serviceUrl("API_EQUIPMENT");
        String token = http.csrfToken(equipment);

        HttpResponse<String> response = http.send("POST", equipment + "/Equipment", "{\"EquipmentName\":\"Spare pump\","
                + "\"EquipmentCategory\":\"M\",\"MaintenancePlant\":\"1010\"}", "X-CSRF-Token", token);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode created = json(response).path("d");
        assertThat(created.get("Equipment").asText()).isEqualTo("10000006");
        assertThat(created.get("ValidityEndDate").asText()).isEqualTo("/Date(253402214400000)/");
        assertThat(created.get("EquipmentIsAvailable").asBoolean()).isTrue();
    }
}
