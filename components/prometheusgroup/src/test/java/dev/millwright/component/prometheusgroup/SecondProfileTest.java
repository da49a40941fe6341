package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.core.connection.InMemoryConnectionRegistry;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/**
 * A third REST-profile system without Java: the profile {@code profiles/minicmms.yaml} (another path with a
 * variable, offset paging with a has-more flag, an exclusive epoch-millisecond change filter, a token header, its
 * own error body) and the mapping file {@code mappings/minicmms/work-orders.yaml}, read through the same component
 * bound under the name {@code minicmms}.
 */
class SecondProfileTest extends CamelTestSupport {

    private static final String JOBS = PrometheusGroupSimulator.JOBS;

    private PrometheusGroupSimulator simulator;
    private final List<WorkOrder> mapped = new ArrayList<>();

    @Override
    protected void doPreSetup() {
        simulator = PrometheusGroupSimulator.builder().apiKey("shop-key").seed(12).jobs(45).workOrders(1).assets(1)
                .build().start();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the configuration a deployment writes instead: camel.beans.minicmms = #class:...PrometheusGroupComponent
        // and camel.beans.minicmms.profile = classpath:profiles/minicmms.yaml
        PrometheusGroupComponent minicmms = new PrometheusGroupComponent();
        minicmms.setProfile("classpath:profiles/minicmms.yaml");
        context.getRegistry().bind("minicmms", minicmms);
        InMemoryConnectionRegistry connections = new InMemoryConnectionRegistry().register(new ConnectionSettings(
                "shop-1", "minicmms", Map.of("baseUrl", simulator.jobsBaseUrl(), "apiKey", "shop-key",
                        "pathVariables", "account:acme")));
        context.getRegistry().bind("connections", connections);
        context.getRegistry().bind("mappings", MappingRegistry.builder().system("minicmms").build());
        context.getRegistry().bind("customFields", new ProfileCustomFieldSource(minicmms, connections, null));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:canonical")
                        .to("minicmms:work-orders?connection=shop-1&initialHistory=all&pageSize=15")
                        .split(body()).streaming()
                            .setHeader("MillwrightConnectionId", constant("shop-1"))
                            .to("canonical:minicmms/work-orders")
                            .process(exchange -> mapped.add(exchange.getMessage().getBody(WorkOrder.class)))
                        .end();
            }
        };
    }

    private List<ObjectNode> readAll(Map<String, Object> headers) {
        Exchange reply = template.request("minicmms:work-orders?connection=shop-1&initialHistory=all&pageSize=20",
                exchange -> exchange.getMessage().getHeaders().putAll(headers));
        assertThat(reply.getException()).isNull();
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void everyJobIsReadThroughTheSameComponentAsTheProfileSays() {
        List<ObjectNode> jobs = readAll(Map.of());

        assertThat(jobs).hasSize(45);
        List<RecordedRequest> pages = simulator.requestLog();
        assertThat(pages).hasSize(3).allSatisfy(page -> {
            assertThat(page.path()).isEqualTo("/minicmms/v2/accounts/acme/jobs");
            assertThat(page.header("authorization")).isEqualTo("Token shop-key");
            assertThat(page.queryParam("limit")).isEqualTo("20");
        });
        assertThat(pages).extracting(page -> page.queryParam("offset")).containsExactly("0", "20", "40");
    }

    @Test
    void anExclusiveChangeFilterIsAskedFromJustBeforeTheWatermark() {
        ObjectNode job = simulator.records(JOBS).get(20);
        long changed = job.get("updated_at").asLong();

        List<ObjectNode> jobs = readAll(Map.of(SourceHeaders.MODIFIED_AFTER,
                java.time.Instant.ofEpochMilli(changed).toString()));

        assertThat(simulator.requestLog().get(0).queryParam("updated_after")).isEqualTo(Long.toString(changed - 1));
        assertThat(jobs).anyMatch(j -> j.get("job_id").asLong() == job.get("job_id").asLong())
                .allMatch(j -> j.get("updated_at").asLong() >= changed);
    }

    @Test
    void jobsMapToCanonicalWorkOrdersWithTheProfilesCustomFields() {
        template.sendBody("direct:canonical", null);

        assertThat(mapped).hasSize(45);
        ObjectNode job = simulator.records(JOBS).get(0);
        WorkOrder order = mapped.stream().filter(w -> w.remoteId().equals(job.get("job_id").asText())).findFirst()
                .orElseThrow();
        assertThat(order.number()).isEqualTo(job.get("ref").asText());
        assertThat(order.status()).isEqualTo(switch (job.get("state").asText()) {
            case "open" -> WorkOrderStatus.APPROVED;
            case "in_work" -> WorkOrderStatus.IN_PROGRESS;
            case "done" -> WorkOrderStatus.COMPLETED;
            default -> WorkOrderStatus.CANCELLED;
        });
        assertThat(order.customFields()).containsEntry("crew_code", job.get("crew_code").asText());
    }

    @Test
    void aJobIsCreatedAsTheProfileSays() {
        Exchange reply = template.request("minicmms:work-orders?connection=shop-1&operation=create", exchange ->
                exchange.getMessage().setBody(Map.of("ref", "J-70001", "summary", "Replace fan belt", "state", "open")));

        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        assertThat(simulator.record(JOBS, id).get("ref").asText()).isEqualTo("J-70001");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo("1");
    }

    @Test
    void itsErrorsAreReadInItsOwnDialect() {
        assertThatThrownBy(() -> template.requestBody("minicmms:work-orders?connection=shop-1&operation=create",
                Map.of("ref", "J-70002", "summary", "x", "state", "lost")))
                .hasCauseInstanceOf(ValidationFailedException.class)
                .cause().hasMessageContaining("MiniCMMS refused the record").hasMessageContaining("state")
                .hasMessageContaining("connection 'shop-1'");
    }
}
