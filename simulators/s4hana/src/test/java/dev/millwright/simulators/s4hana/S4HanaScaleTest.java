package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** 100,000 maintenance orders and 100,000 stock records within the test heap (-Xmx512m), read by change time. */
class S4HanaScaleTest {

    @Test
    void aHundredThousandRecordsAreServedPageByPage() {
        try (S4HanaSimulator s4 = S4HanaSimulator.builder().maintenanceOrders(100_000).stockRecords(100_000)
                .purchaseOrders(10).equipment(10).suppliers(10).build().start()) {
            String orders = s4.serviceUrl("API_MAINTENANCEORDER") + "/MaintenanceOrder?$format=json"
                    + "&$orderby=LastChangeDateTime asc,MaintenanceOrder asc&$top=1000"
                    + "&$filter=LastChangeDateTime ge datetimeoffset'2000-01-01T00:00:00Z'";
            TestHttp http = TestHttp.basic("a", "b");

            JsonNode first = json(http.get(orders + "&$inlinecount=allpages"));
            JsonNode last = json(http.get(orders + "&$skip=99000"));

            assertThat(first.path("d").path("__count").asText()).isEqualTo("100000");
            assertThat(first.path("d").path("results")).hasSize(1000);
            assertThat(last.path("d").path("results")).hasSize(1000);
            assertThat(s4.count("A_MatlStkInAcctMod")).isEqualTo(100_000);
        }
    }
}
