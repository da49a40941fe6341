package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.s4hana.S4HanaSimulator;

/** The sync template end to end: S/4HANA simulator → readChanges → canonical (s4hana mappings) → canonical store. */
class S4HanaSyncTest extends SyncTestSupport {

    private static final String USER = "SYNC_USER";
    private static final String PASSWORD = "sync-pw";

    private S4HanaSimulator s4;

    @Override
    protected void startSystem() {
        s4 = S4HanaSimulator.builder().basicUser(USER, PASSWORD).seed(21).purchaseOrders(57).maintenanceOrders(43)
                .stockRecords(18).suppliers(12).equipment(20).historyDays(10).serverPageSize(9).build().start();
    }

    @Override
    protected void stopSystem() {
        s4.close();
    }

    @Override
    protected String system() {
        return "s4hana";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return Map.of("baseUrl", s4.baseUrl(), "user", USER, "password", PASSWORD, "retryDelay", "10",
                "maxRetryDelay", "50");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // the s4hana mapping files from their source folder (the installed mappings jar may predate them)
        context.getRegistry().bind("mappings", MappingRegistry.builder().system("s4hana")
                .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build());
        return context;
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    private String id(String entity, String remoteId) {
        return CanonicalIds.stableId(CONNECTION, entity, remoteId);
    }

    /** Every simulator record of the set is stored at its current version. */
    private void assertStoreMirrors(String entitySet, String entity) {
        List<ObjectNode> records = s4.records(entitySet);
        assertThat(store().count(CONNECTION, entity)).isEqualTo(records.size());
        for (ObjectNode record : records) {
            JdbcCanonicalStore.StoredRecord stored = store().find(id(entity, s4.remoteIdOf(record)));
            assertThat(stored).as("%s %s", entity, s4.remoteIdOf(record)).isNotNull();
            assertThat(stored.remoteVersion()).isEqualTo(S4HanaSimulator.etagOf(record));
        }
    }

    @Test
    void everyStandardCollectionSyncsIntoTheCanonicalStore() throws Exception {
        for (String collection : List.of("purchase-orders", "work-orders", "inventory-items", "vendors", "assets")) {
            addSync(collection, Map.of("pageSize", "10", "batchSize", "8", "batchTimeout", "200"));
        }

        assertThat(sync("purchase-orders", "purchase_order").recordsWritten()).isEqualTo(57);
        assertThat(sync("work-orders", "work_order").recordsWritten()).isEqualTo(43);
        assertThat(sync("inventory-items", "inventory_item").recordsWritten()).isEqualTo(18);
        assertThat(sync("vendors", "vendor").recordsWritten()).isEqualTo(12);
        assertThat(sync("assets", "asset").recordsWritten()).isEqualTo(20);
        assertStoreMirrors("A_PurchaseOrder", "purchase_order");
        assertStoreMirrors("MaintenanceOrder", "work_order");
        assertStoreMirrors("Equipment", "asset");
        ObjectNode firstOrder = s4.records("A_PurchaseOrder").get(0);
        assertThat(store().find(id("purchase_order", s4.remoteIdOf(firstOrder))).json())
                .contains("\"lines\":[{\"line_number\":10").contains("\"entity\":\"purchase_order\"");
    }

    @Test
    void aChangedPurchaseOrderIsPickedUpByTheNextSyncAndNothingElse() throws Exception {
        addSync("purchase-orders", Map.of("pageSize", "10", "batchSize", "10", "batchTimeout", "200"));
        sync("purchase-orders", "purchase_order");
        ObjectNode order = s4.records("A_PurchaseOrder").get(5);
        s4.modify("A_PurchaseOrder", s4.remoteIdOf(order), Map.of("PurchasingProcessingStatus", "05"));

        SyncRunRecord second = sync("purchase-orders", "purchase_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsWritten()).isEqualTo(1);
        assertThat(store().find(id("purchase_order", s4.remoteIdOf(order))).json()).contains("\"status\":\"approved\"");
        assertStoreMirrors("A_PurchaseOrder", "purchase_order");
    }

    @Test
    void recordsChangedWhileASyncRunsAreCaughtByTheNextOne() throws Exception {
        addSync("work-orders", Map.of("pageSize", "10", "batchSize", "10", "batchTimeout", "200"));
        List<ObjectNode> orders = s4.records("MaintenanceOrder");
        AtomicBoolean changed = new AtomicBoolean();
        PageListener changeOnce = (entitySet, page) -> {
            if (changed.compareAndSet(false, true)) {
                s4.modify("MaintenanceOrder", s4.remoteIdOf(orders.get(2)), Map.of("MaintenanceOrderDesc", "changed"));
                s4.modify("MaintenanceOrder", s4.remoteIdOf(orders.get(40)), Map.of("MaintPriority", "1"));
                s4.insert("MaintenanceOrder", Map.of("MaintenanceOrderType", "PM01", "MaintenanceOrderDesc",
                        "created during the sync", "MaintenancePlanningPlant", "1010", "SystemStatusText", "CRTD"));
            }
        };
        s4.onPageServed(changeOnce);
        sync("work-orders", "work_order");
        s4.removePageListener(changeOnce);

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertStoreMirrors("MaintenanceOrder", "work_order");
    }

    @Test
    void stockHasNoChangeTimeSoEverySyncReadsItWholeAndStoresOnlyWhatChanged() throws Exception {
        addSync("inventory-items", Map.of("pageSize", "5"));
        sync("inventory-items", "inventory_item");

        SyncRunRecord second = sync("inventory-items", "inventory_item");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsRead()).isEqualTo(18);
        assertThat(second.recordsWritten()).isZero();
        assertThat(second.recordsUnchanged()).isEqualTo(18);
        assertThat(store().count(CONNECTION, "inventory_item")).isEqualTo(18);
    }

    @Test
    void aFullResyncMarksSuppliersSapNoLongerHasAsDeleted() throws Exception {
        addSync("vendors", Map.of("pageSize", "5"));
        sync("vendors", "vendor");
        ObjectNode gone = s4.records("A_Supplier").get(2);
        s4.delete("A_Supplier", s4.remoteIdOf(gone));

        SyncRunRecord full = sync("vendors", "vendor", true);

        assertThat(full.fullResync()).isTrue();
        assertThat(full.recordsRead()).isEqualTo(11);
        assertThat(store().find(id("vendor", s4.remoteIdOf(gone))).deleted()).isTrue();
        assertThat(store().find(id("vendor", s4.remoteIdOf(s4.records("A_Supplier").get(0)))).deleted()).isFalse();
    }

    @Test
    void revokedCredentialsFailTheRunWithAuthRequired() throws Exception {
        addSync("assets", Map.of());
        s4.revokeCredentials(USER);

        SyncRunRecord run = sync("assets", "asset");

        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection 'plant-7'").contains("asset");
    }

    @Test
    void aRecordFailingMappingIsDeadLetteredWhileTheOthersArrive() throws Exception {
        ObjectNode broken = s4.records("Equipment").get(7);
        s4.garble("Equipment", s4.remoteIdOf(broken), "OperationStartDate", "31.12.2009");
        addSync("assets", Map.of("pageSize", "6"));

        SyncRunRecord run = sync("assets", "asset");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "asset")).isEqualTo(19);
        assertThat(coordinator.deadLetters().pending(CONNECTION, "asset", 10)).singleElement()
                .satisfies(letter -> assertThat(letter.errorMessage()).contains("31.12.2009"));
    }
}
