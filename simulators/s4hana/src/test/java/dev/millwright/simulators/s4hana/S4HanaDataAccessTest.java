package dev.millwright.simulators.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.millwright.simulators.s4hana.TestHttp.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

/** The data access API tests use: records, modify, insert, delete, garble, faults. */
class S4HanaDataAccessTest {

    private S4HanaSimulator s4;

    @BeforeEach
    void start() {
        s4 = S4HanaSimulator.builder().seed(4).purchaseOrders(6).maintenanceOrders(6).equipment(6).suppliers(6)
                .stockRecords(6).build().start();
    }

    @AfterEach
    void stop() {
        s4.close();
    }

    @Test
    void theSameSeedGeneratesTheSameData() {
        try (S4HanaSimulator twin = S4HanaSimulator.builder().seed(4).purchaseOrders(6).maintenanceOrders(6).equipment(6)
                .suppliers(6).stockRecords(6).build()) {
            assertThat(twin.records("MaintenanceOrder")).extracting(o -> o.get("SystemStatusText").asText())
                    .isEqualTo(s4.records("MaintenanceOrder").stream().map(o -> o.get("SystemStatusText").asText()).toList());
        }
    }

    @Test
    void generatedDataLooksLikeSap() {
        ObjectNode order = s4.records("A_PurchaseOrder").get(0);

        assertThat(order.get("PurchaseOrder").asText()).isEqualTo("4500000001");
        assertThat(order.get("CompanyCode").asText()).isEqualTo("1010");
        assertThat(s4.records("A_MatlStkInAcctMod").get(0).get("Material").asText()).isEqualTo("TG11");
        assertThat(s4.records("Equipment").get(0).get("Equipment").asText()).isEqualTo("10000001");
    }

    @Test
    void modifyBumpsTheChangeTimeAndTheEtag() {
        ObjectNode before = s4.records("Equipment").get(1);
        String id = s4.remoteIdOf(before);

        ObjectNode after = s4.modify("Equipment", id, Map.of("EquipmentName", "Renamed"));

        assertThat(after.get("EquipmentName").asText()).isEqualTo("Renamed");
        assertThat(S4HanaSimulator.etagOf(after)).isNotEqualTo(S4HanaSimulator.etagOf(before));
        assertThat(EdmType.parseDate(after.get("LastChangeDateTime").asText()))
                .isGreaterThanOrEqualTo(Instant.now().minusSeconds(60).toEpochMilli());
    }

    @Test
    void insertNumbersAndDeleteRemoves() {
        ObjectNode inserted = s4.insert("MaintenanceOrder", Map.of("MaintenanceOrderDesc", "Inserted", "SystemStatusText", "CRTD"));

        assertThat(inserted.get("MaintenanceOrder").asText()).isEqualTo("4000007");
        assertThat(s4.delete("MaintenanceOrder", "4000007")).isTrue();
        assertThat(s4.record("MaintenanceOrder", "4000007")).isNull();
    }

    @Test
    void garbleServesARawValueInsteadOfTheStoredOne() {
        String id = s4.remoteIdOf(s4.records("A_Supplier").get(0));

        s4.garble("A_Supplier", id, "CreationDate", "yesterday");

        assertThat(s4.record("A_Supplier", id).get("CreationDate").asText()).isEqualTo("yesterday");
        s4.ungarble("A_Supplier", id);
        assertThat(s4.record("A_Supplier", id).get("CreationDate").asText()).startsWith("/Date(");
    }

    @Test
    void injectedFailuresUseSapsErrorBodyAndRateLimitsCarryRetryAfter() {
        TestHttp http = TestHttp.basic("any", "one");
        String url = s4.serviceUrl("API_EQUIPMENT") + "/Equipment?$format=json";
        s4.faults().failNextRequests(1, 503).rateLimitNextRequests(1, 7);

        var unavailable = http.get(url);
        var limited = http.get(url);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(json(unavailable).path("error").path("code").asText()).isEqualTo("/IWFND/CM_BEC/076");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");
        assertThat(http.get(url).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedPageIsCutInTheMiddle() {
        s4.faults().malformNextPages(1);

        var response = TestHttp.basic("a", "b").get(s4.serviceUrl("API_EQUIPMENT") + "/Equipment?$format=json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotEndWith("}");
    }

    @Test
    void everyApiRequestIsLogged() {
        s4.clearRequestLog();

        TestHttp.basic("a", "b").get(s4.serviceUrl("API_EQUIPMENT") + "/Equipment?$format=json&$top=2");

        assertThat(s4.requestLog()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/sap/opu/odata/sap/API_EQUIPMENT/Equipment");
            assertThat(request.queryParam("$top")).isEqualTo("2");
        });
    }
}
