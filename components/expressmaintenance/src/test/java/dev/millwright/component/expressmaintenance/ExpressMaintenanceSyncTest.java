package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/** The sync template end to end: CMMS database → readChanges → canonical (the mapping files) → canonical store. */
class ExpressMaintenanceSyncTest extends SyncTestSupport {

    private ExpressMaintenanceSimulator cmms;

    protected ExpressMaintenanceSimulator.Builder simulator() {
        return ExpressMaintenanceSimulator.builder();
    }

    @Override
    protected void startSystem() {
        cmms = simulator().seed(21).workOrders(157).vendors(12).assets(20).purchaseOrders(15).inventoryItems(10)
                .historyDays(10).build().start();
    }

    @Override
    protected void stopSystem() {
        cmms.close();
    }

    @Override
    protected String system() {
        return "expressmaintenance";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return Map.of("dataSource", "#cmms", "retryDelay", "10", "maxRetryDelay", "50");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        // the mapping files as they are in the source tree (this module does not build the mappings module)
        context.getRegistry().bind("mappings", MappingRegistry.builder().system("expressmaintenance")
                .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build());
        return context;
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    private JdbcCanonicalStore.StoredRecord stored(String entity, String remoteId) {
        return store().find(CanonicalIds.stableId(CONNECTION, entity, remoteId));
    }

    /** Every work order row is stored exactly at its current version. */
    private void assertStoreMirrorsTheDatabase() {
        List<Map<String, Object>> rows = cmms.rows("WORK_ORDERS");
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(rows.size());
        for (Map<String, Object> row : rows) {
            JdbcCanonicalStore.StoredRecord record = stored("work_order", row.get("WO_ID").toString());
            assertThat(record).as("work order %s", row.get("WO_ID")).isNotNull();
            assertThat(record.remoteVersion()).as("version of %s", row.get("WO_ID"))
                    .isEqualTo(row.get("ROW_VERSION").toString());
        }
    }

    @Test
    void everyStandardCollectionSyncsIntoTheCanonicalStore() throws Exception {
        for (String collection : List.of("work-orders", "purchase-orders", "inventory-items", "vendors", "assets")) {
            addSync(collection, Map.of("pageSize", "20", "batchSize", "25", "batchTimeout", "200"));
        }

        assertThat(sync("work-orders", "work_order").recordsWritten()).isEqualTo(157);
        assertThat(sync("purchase-orders", "purchase_order").recordsWritten()).isEqualTo(15);
        assertThat(sync("inventory-items", "inventory_item").recordsWritten()).isEqualTo(10);
        assertThat(sync("vendors", "vendor").recordsWritten()).isEqualTo(12);
        assertThat(sync("assets", "asset").recordsWritten()).isEqualTo(20);
        assertStoreMirrorsTheDatabase();
        assertThat(stored("purchase_order", "1").json()).contains("\"lines\":[{\"line_number\":1");
        Map<String, Object> part = cmms.rows("PARTS").get(0);
        assertThat(stored("inventory_item", part.get("PART_NO") + "|" + part.get("STOREROOM"))).isNotNull();
    }

    @Test
    void aChangedRecordIsPickedUpByTheNextSync() throws Exception {
        addSync("work-orders", Map.of("pageSize", "50", "batchSize", "50"));
        sync("work-orders", "work_order");
        cmms.modify("WORK_ORDERS", 42L, Map.of("TITLE", "Changed in the CMMS"));

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsWritten()).isEqualTo(1);
        assertThat(stored("work_order", "42").json()).contains("Changed in the CMMS");
        assertStoreMirrorsTheDatabase();
    }

    @Test
    void recordsSharingTheWatermarkAcrossPagesAndBatchesAreNeitherMissedNorDuplicated() throws Exception {
        // the newest change time of all, so that the watermark ends exactly on it
        LocalDateTime tie = cmms.now().withNano(0);
        for (long id = 1; id <= 60; id++) {
            cmms.modify("WORK_ORDERS", id, Map.of("LAST_MODIFIED", tie));
        }
        addSync("work-orders", Map.of("pageSize", "7", "batchSize", "5", "batchTimeout", "200"));
        SyncRunRecord first = sync("work-orders", "work_order");

        // more rows arrive at the very same time, after the first sync committed it
        for (long id = 61; id <= 70; id++) {
            cmms.modify("WORK_ORDERS", id, Map.of("LAST_MODIFIED", tie));
        }
        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(first.recordsWritten()).isEqualTo(157);
        assertThat(second.recordsWritten()).isEqualTo(10);
        assertStoreMirrorsTheDatabase();
    }

    @Test
    void aSoftDeletedVendorIsStoredAsDeleted() throws Exception {
        addSync("vendors", Map.of());
        sync("vendors", "vendor");
        cmms.modify("VENDORS", "V10003", Map.of("DELETED_FLAG", "Y"));

        sync("vendors", "vendor");

        assertThat(stored("vendor", "V10003").deleted()).isTrue();
        assertThat(stored("vendor", "V10004").deleted()).isFalse();
    }

    @Test
    void aRevokedUserFailsTheRunWithAuthRequired() throws Exception {
        addSync("work-orders", Map.of());
        sync("work-orders", "work_order");
        cmms.revokeUser();

        SyncRunRecord run = sync("work-orders", "work_order");

        cmms.restoreUser();
        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection 'plant-7'").contains("work_order");
    }
}
