package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.connection.ConnectionRegistry;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The sync route template end to end: simulator → readChanges → canonical (with custom fields) → canonical store. */
class PrometheusGroupSyncTest extends SyncTestSupport {

    private static final String WO = PrometheusGroupSimulator.WORK_ORDERS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PrometheusGroupSimulator pg;

    @Override
    protected void startSystem() {
        pg = PrometheusGroupSimulator.builder().oauthClient("sync", "sync-secret").seed(21).workOrders(157)
                .assets(20).historyDays(10).build().start();
    }

    @Override
    protected void stopSystem() {
        pg.close();
    }

    @Override
    protected String system() {
        return "prometheusgroup";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return Map.of("baseUrl", pg.baseUrl(), "clientId", "sync", "clientSecret", "sync-secret", "retryDelay", "10",
                "maxRetryDelay", "50");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the mapping files of this system live in the mappings module's sources
        context.getRegistry().bind("mappings", MappingRegistry.builder()
                .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build());
        context.getRegistry().bind("profileCustomFields", new ProfileCustomFieldSource(
                context.getComponent(PrometheusGroupComponent.SCHEME, PrometheusGroupComponent.class),
                context.getRegistry().lookupByNameAndType("connections", ConnectionRegistry.class), null));
        return context;
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    private JsonNode stored(String entity, JsonNode record) throws Exception {
        JdbcCanonicalStore.StoredRecord stored = store().find(CanonicalIds.stableId(CONNECTION, entity,
                record.get("id").asText()));
        return stored == null ? null : JSON.readTree(stored.json());
    }

    /** Every simulator work order is stored exactly at its current version. */
    private void assertStoreMirrorsTheSimulator() {
        List<ObjectNode> workOrders = pg.records(WO);
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(workOrders.size());
        for (ObjectNode workOrder : workOrders) {
            JdbcCanonicalStore.StoredRecord stored = store().find(CanonicalIds.stableId(CONNECTION, "work_order",
                    workOrder.get("id").asText()));
            assertThat(stored).as("work order %s", workOrder.get("workOrderNumber")).isNotNull();
            assertThat(stored.remoteVersion()).as("version of work order %s", workOrder.get("workOrderNumber"))
                    .isEqualTo(workOrder.get("version").asText());
        }
    }

    @Test
    void theFirstSyncStoresEveryWorkOrderWithItsScheduleInCustomFields() throws Exception {
        addSync("work-orders", Map.of("pageSize", "20", "batchSize", "25", "batchTimeout", "200"));

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsRead()).isEqualTo(157);
        assertThat(run.recordsWritten()).isEqualTo(157);
        assertStoreMirrorsTheSimulator();
        ObjectNode scheduled = pg.records(WO).stream().filter(w -> w.get("status").asText().equals("SCHEDULED"))
                .findFirst().orElseThrow();
        JsonNode canonical = stored("work_order", scheduled);
        assertThat(canonical.get("status").asText()).isEqualTo("scheduled");
        assertThat(canonical.get("scheduled_start").asText())
                .isEqualTo(Instant.parse(scheduled.get("plannedStart").asText()).toString());
        assertThat(canonical.at("/custom_fields/crew").asText()).isEqualTo(scheduled.get("crew").asText());
        assertThat(canonical.at("/custom_fields/schedule_week").asText())
                .isEqualTo(scheduled.get("scheduleWeek").asText());
        assertThat(canonical.at("/custom_fields/planner").asText()).isEqualTo(scheduled.get("planner").asText());
    }

    @Test
    void aRescheduledWorkOrderIsPickedUpByTheNextSync() throws Exception {
        addSync("work-orders", Map.of("pageSize", "50", "batchSize", "50", "batchTimeout", "200"));
        sync("work-orders", "work_order");
        ObjectNode moved = pg.modify(WO, pg.recordByNumber(WO, "1010").get("id").asText(),
                Map.of("crew", "PIPE-A", "plannedStart", "2030-01-07T07:00:00Z", "plannedFinish", "2030-01-07T11:00:00Z"));

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.recordsWritten()).isEqualTo(1);
        JsonNode canonical = stored("work_order", moved);
        assertThat(canonical.at("/custom_fields/crew").asText()).isEqualTo("PIPE-A");
        assertThat(canonical.at("/custom_fields/schedule_week").asText()).isEqualTo("2030-W02");
        assertThat(canonical.get("remote_version").asText()).isEqualTo(moved.get("version").asText());
    }

    @Test
    void aSyncWithoutChangesReadsNothingAgain() throws Exception {
        addSync("work-orders", Map.of("pageSize", "50", "batchSize", "50", "batchTimeout", "200"));
        sync("work-orders", "work_order");

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsRead()).isZero();
    }

    @Test
    void recordsSharingTheWatermarkAcrossPagesAndBatchesAreNeitherMissedNorDuplicated() throws Exception {
        String tie = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString();
        List<ObjectNode> workOrders = pg.records(WO);
        for (int i = 0; i < 60; i++) {
            pg.modify(WO, workOrders.get(i).get("id").asText(), Map.of("lastModified", tie));
        }
        addSync("work-orders", Map.of("pageSize", "7", "batchSize", "5", "batchTimeout", "200"));
        SyncRunRecord first = sync("work-orders", "work_order");

        // more records arrive at the very same millisecond, after the first sync committed it
        for (int i = 60; i < 70; i++) {
            pg.modify(WO, workOrders.get(i).get("id").asText(), Map.of("lastModified", tie));
        }
        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(first.recordsWritten()).isEqualTo(157);
        assertThat(second.recordsWritten()).isEqualTo(10);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void anInterruptedSyncResumesWhereItsCommitsEndedWithoutDuplicates() throws Exception {
        addSync("work-orders", Map.of("pageSize", "10", "batchSize", "10", "batchTimeout", "200"));
        AtomicBoolean broken = new AtomicBoolean();
        PageListener breakOnce = (resource, page) -> {
            if (page == 6 && broken.compareAndSet(false, true)) {
                pg.faults().failNextRequests(1, 500);
            }
        };
        pg.onPageServed(breakOnce);
        SyncRunRecord interrupted = sync("work-orders", "work_order");
        pg.removePageListener(breakOnce);

        SyncRunRecord resumed = sync("work-orders", "work_order");

        assertThat(interrupted.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(interrupted.error()).contains("REMOTE_ERROR").contains("INTERNAL_ERROR")
                .contains("connection 'plant-7'");
        assertThat(resumed.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(interrupted.recordsWritten() + resumed.recordsWritten()).isEqualTo(157);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void aRecordFailingMappingIsDeadLetteredWhileTheOthersArrive() throws Exception {
        ObjectNode broken = pg.records(WO).get(17);
        pg.garble(WO, broken.get("id").asText(), "plannedStart", "next Tuesday");
        addSync("work-orders", Map.of("pageSize", "20", "batchSize", "20", "batchTimeout", "200"));

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(156);
        assertThat(coordinator.deadLetters().pending(CONNECTION, "work_order", 10)).singleElement()
                .satisfies(letter -> assertThat(letter.errorMessage()).contains("plannedStart").contains("next Tuesday"));
    }

    @Test
    void aRevokedClientFailsTheRunWithAuthRequired() throws Exception {
        addSync("assets", Map.of());
        pg.revokeClient("sync");

        SyncRunRecord run = sync("assets", "asset");

        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection 'plant-7'").contains("invalid_client");
    }

    @Test
    void assetsSyncIntoTheCanonicalStore() throws Exception {
        addSync("assets", Map.of("pageSize", "6"));

        SyncRunRecord run = sync("assets", "asset");

        assertThat(run.recordsWritten()).isEqualTo(20);
        ObjectNode asset = pg.records(PrometheusGroupSimulator.ASSETS).get(0);
        JsonNode canonical = stored("asset", asset);
        assertThat(canonical.get("number").asText()).isEqualTo(asset.get("assetNumber").asText());
        assertThat(canonical.get("entity").asText()).isEqualTo("asset");
    }
}
