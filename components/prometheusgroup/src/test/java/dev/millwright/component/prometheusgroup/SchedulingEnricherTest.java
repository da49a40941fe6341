package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.simulators.maximo.MaximoSimulator;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/**
 * Maximo work orders enriched with their schedule from Prometheus Group: the host read through the maximo
 * component's URI, the schedule through this component's client, matched by work order number.
 */
class SchedulingEnricherTest extends CamelTestSupport {

    private static final String WO = PrometheusGroupSimulator.WORK_ORDERS;

    private MaximoSimulator maximo;
    private PrometheusGroupSimulator pg;
    private SchedulingEnricher enricher;
    private final List<WorkOrder> canonical = new ArrayList<>();

    @Override
    protected void doPreSetup() {
        // Maximo has work orders 1000 to 1079; Prometheus Group schedules 1000 to 1059
        maximo = MaximoSimulator.builder().apiKey("mx-key").seed(5).workOrders(80).assets(30).vendors(1)
                .purchaseOrders(1).inventoryItems(1).build().start();
        pg = PrometheusGroupSimulator.builder().oauthClient("planner", "planner-secret").seed(6).workOrders(60)
                .assets(30).build().start();
    }

    @AfterEach
    void stopSimulators() {
        maximo.close();
        pg.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("connections", new InMemoryConnectionRegistry()
                .register(new ConnectionSettings("plant-7", "maximo", Map.of("baseUrl", maximo.baseUrl(),
                        "apiKey", "mx-key")))
                .register(new ConnectionSettings("pg-1", "prometheusgroup", Map.of("baseUrl", pg.baseUrl(),
                        "clientId", "planner", "clientSecret", "planner-secret", "hostConnection", "plant-7",
                        "hostSystem", "maximo")))
                .register(new ConnectionSettings("pg-alone", "prometheusgroup", Map.of("baseUrl", pg.baseUrl(),
                        "clientId", "planner", "clientSecret", "planner-secret"))));
        enricher = new SchedulingEnricher("pg-1");
        enricher.setCamelContext(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enriched").bean(enricher, "readChanges");
                from("direct:canonical")
                        .bean(enricher, "readChanges")
                        .split(body()).streaming()
                            .to("canonical:maximo/work-orders")
                            .process(exchange -> canonical.add(exchange.getMessage().getBody(WorkOrder.class)))
                        .end();
                from("direct:one").process(enricher);
            }
        };
    }

    private List<ObjectNode> readEnriched() {
        Exchange reply = template.request("direct:enriched", exchange ->
                exchange.getMessage().setHeader("MillwrightModifiedAfter", "2000-01-01T00:00:00Z"));
        assertThat(reply.getException()).isNull();
        List<ObjectNode> records = new ArrayList<>();
        reply.getMessage().getBody(Iterator.class).forEachRemaining(record -> records.add((ObjectNode) record));
        return records;
    }

    @Test
    void maximoWorkOrdersComeOutWithTheirScheduleFromPrometheusGroup() {
        List<ObjectNode> records = readEnriched();

        assertThat(records).hasSize(80);
        assertThat(maximo.requestLog()).anyMatch(r -> r.path().equals("/maximo/oslc/os/mxapiwodetail"));
        for (ObjectNode record : records) {
            String wonum = record.get("wonum").asText();
            ObjectNode schedule = pg.recordByNumber(WO, wonum);
            if (schedule == null) {
                assertThat(record.has("prometheusgroup")).as("work order %s", wonum).isFalse();
                continue;
            }
            JsonNode enriched = record.get("prometheusgroup");
            assertThat(enriched).as("work order %s", wonum).isNotNull();
            assertThat(enriched.get("planned_start")).isEqualTo(schedule.get("plannedStart"));
            assertThat(enriched.get("planned_finish")).isEqualTo(schedule.get("plannedFinish"));
            assertThat(enriched.get("schedule_week")).isEqualTo(schedule.get("scheduleWeek"));
            assertThat(enriched.get("crew")).isEqualTo(schedule.get("crew"));
            assertThat(enriched.get("planner")).isEqualTo(schedule.get("planner"));
        }
        assertThat(records.stream().filter(r -> r.has("prometheusgroup"))).hasSize(60);
    }

    @Test
    void theCanonicalWorkOrderCarriesTheScheduleInCustomFields() {
        template.sendBodyAndHeader("direct:canonical", null, "MillwrightModifiedAfter", "2000-01-01T00:00:00Z");

        WorkOrder order = canonical.stream().filter(w -> w.number().equals("1003")).findFirst().orElseThrow();
        ObjectNode schedule = pg.recordByNumber(WO, "1003");
        ObjectNode host = maximo.records("MXAPIWODETAIL").stream().filter(w -> w.get("wonum").asText().equals("1003"))
                .findFirst().orElseThrow();
        assertThat(order.customFields())
                .containsEntry("crew", schedule.get("crew").textValue())
                .containsEntry("planner", schedule.get("planner").textValue())
                .containsEntry("schedule_week", schedule.get("scheduleWeek").textValue())
                .containsEntry("planned_start", schedule.get("plannedStart").textValue())
                .containsEntry("planned_finish", schedule.get("plannedFinish").textValue());
        assertThat(order.remoteId()).isEqualTo(maximo.restIdOf(host));
        assertThat(order.status()).isNotNull();
    }

    @Test
    void numbersAreLookedUpInBatches() {
        enricher.setBatchSize(25);
        pg.clearRequestLog();

        readEnriched();

        List<String> lookups = pg.requestLog().stream().filter(r -> r.path().equals("/api/v1/workorders"))
                .map(r -> r.queryParam("workOrderNumber")).collect(Collectors.toList());
        assertThat(lookups).hasSize(4).allMatch(numbers -> numbers.split(",").length <= 25);
    }

    @Test
    void aSingleHostRecordIsEnriched() {
        ObjectNode host = maximo.records("MXAPIWODETAIL").get(7);

        ObjectNode enriched = template.requestBody("direct:one", host.toString(), ObjectNode.class);

        assertThat(enriched.at("/prometheusgroup/crew"))
                .isEqualTo(pg.recordByNumber(WO, host.get("wonum").asText()).get("crew"));
    }

    @Test
    void theHostConnectionsOwnCustomFieldsAreKept() {
        Exchange reply = template.request("direct:one", exchange -> {
            exchange.getMessage().setBody(maximo.records("MXAPIWODETAIL").get(2));
            exchange.getMessage().setHeader(PrometheusGroupConstants.CUSTOM_FIELDS, Map.of("cf_lead", "lead"));
        });

        assertThat(reply.getMessage().getHeader(PrometheusGroupConstants.CUSTOM_FIELDS, Map.class))
                .containsEntry("cf_lead", "lead").containsEntry("crew", "prometheusgroup.crew");
    }

    @Test
    void aConnectionWithoutAHostCannotEnrich() {
        SchedulingEnricher alone = new SchedulingEnricher("pg-alone");
        alone.setCamelContext(context);

        assertThatThrownBy(alone::start).hasMessageContaining("connection 'pg-alone' names no host EAM")
                .hasMessageContaining("hostConnection");
    }
}
