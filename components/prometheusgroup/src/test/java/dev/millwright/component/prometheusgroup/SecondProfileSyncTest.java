package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The third REST-profile system through the sync route template, like any other system. */
class SecondProfileSyncTest extends SyncTestSupport {

    private PrometheusGroupSimulator simulator;

    @Override
    protected void startSystem() {
        simulator = PrometheusGroupSimulator.builder().apiKey("shop-key").seed(13).jobs(64).workOrders(1).assets(1)
                .historyDays(10).build().start();
    }

    @Override
    protected void stopSystem() {
        simulator.close();
    }

    @Override
    protected String system() {
        return "minicmms";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return Map.of("baseUrl", simulator.jobsBaseUrl(), "apiKey", "shop-key", "pathVariables", "account:acme");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        PrometheusGroupComponent minicmms = new PrometheusGroupComponent();
        minicmms.setProfile("classpath:profiles/minicmms.yaml");
        context.getRegistry().bind("minicmms", minicmms);
        context.getRegistry().bind("mappings", MappingRegistry.builder().system("minicmms").build());
        return context;
    }

    @Test
    void jobsSyncIntoTheCanonicalStoreAndAChangedOneFollows() throws Exception {
        addSync("work-orders", Map.of("pageSize", "25", "batchSize", "10", "batchTimeout", "200"));

        SyncRunRecord first = sync("work-orders", "work_order");
        String id = simulator.records(PrometheusGroupSimulator.JOBS).get(5).get("job_id").asText();
        simulator.modify(PrometheusGroupSimulator.JOBS, id, Map.of("state", "done"));
        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(first.recordsWritten()).isEqualTo(64);
        assertThat(second.recordsWritten()).isEqualTo(1);
        assertThat(coordinator.canonicalStore().count(CONNECTION, "work_order")).isEqualTo(64);
        assertThat(coordinator.canonicalStore().find(CanonicalIds.stableId(CONNECTION, "work_order", id)).json())
                .contains("\"status\":\"completed\"");
    }
}
