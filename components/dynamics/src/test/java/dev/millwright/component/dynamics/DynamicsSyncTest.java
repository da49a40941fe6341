package dev.millwright.component.dynamics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/**
 * The sync route template end to end: Business Central simulator → dynamics readChanges → canonical:dynamics → batches
 * → JDBC canonical store, for every collection. The mapping files come from the mappings module's source folder.
 */
class DynamicsSyncTest extends SyncTestSupport {

    private BusinessCentralSimulator bc;

    @Override
    protected void startSystem() {
        bc = BusinessCentralSimulator.builder().client(TestBusinessCentral.CLIENT_ID, TestBusinessCentral.SECRET)
                .seed(21).purchaseOrders(57).vendors(14).items(18).fixedAssets(22).historyDays(10).build().start();
    }

    @Override
    protected void stopSystem() {
        bc.close();
    }

    @Override
    protected String system() {
        return "dynamics";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return TestBusinessCentral.connectionOptions(bc);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("dynamicsMappings", DynamicsMappings.REGISTRY);
        return context;
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    /** Every record of the entity set is stored exactly at its current version. */
    private void assertStoreMirrors(String entitySet, String entity) {
        List<ObjectNode> records = bc.records(entitySet);
        assertThat(store().count(CONNECTION, entity)).isEqualTo(records.size());
        for (ObjectNode record : records) {
            JdbcCanonicalStore.StoredRecord stored = store().find(CanonicalIds.stableId(CONNECTION, entity,
                    record.get("id").asText()));
            assertThat(stored).as("%s %s", entity, record.get("number")).isNotNull();
            assertThat(stored.remoteVersion()).as("version of %s %s", entity, record.get("number"))
                    .isEqualTo(record.get("@odata.etag").asText());
        }
    }

    @Test
    void everyCollectionSyncsIntoTheCanonicalStore() throws Exception {
        for (String collection : List.of("purchase-orders", "inventory-items", "vendors", "assets")) {
            addSync(collection, Map.of("pageSize", "10", "batchSize", "8", "batchTimeout", "200"));
        }

        assertThat(sync("purchase-orders", "purchase_order").recordsWritten()).isEqualTo(57);
        assertThat(sync("inventory-items", "inventory_item").recordsWritten()).isEqualTo(18);
        assertThat(sync("vendors", "vendor").recordsWritten()).isEqualTo(14);
        assertThat(sync("assets", "asset").recordsWritten()).isEqualTo(22);
        assertStoreMirrors("purchaseOrders", "purchase_order");
        assertStoreMirrors("items", "inventory_item");
        assertStoreMirrors("vendors", "vendor");
        assertStoreMirrors("fixedAssets", "asset");
    }

    @Test
    void purchaseOrdersArriveWithTheirLinesStatusAndCurrency() throws Exception {
        ObjectNode order = bc.records("purchaseOrders").get(0);
        bc.modify("purchaseOrders", order.get("id").asText(), Map.of("status", "Open", "fullyReceived", true));
        addSync("purchase-orders", Map.of());

        sync("purchase-orders", "purchase_order");

        String json = store().find(CanonicalIds.stableId(CONNECTION, "purchase_order", order.get("id").asText())).json();
        assertThat(json).contains("\"status\":\"received\"").contains("\"lines\":[{\"line_number\":10000")
                .contains("\"number\":\"" + order.get("number").asText() + "\"");
        assertThat(json).containsPattern("\"currency\":\"[A-Z]{3}\"");
    }

    @Test
    void aChangedRecordIsPickedUpByTheNextSync() throws Exception {
        addSync("vendors", Map.of("pageSize", "5"));
        sync("vendors", "vendor");
        ObjectNode vendor = bc.records("vendors").get(3);
        bc.modify("vendors", vendor.get("id").asText(), Map.of("displayName", "Renamed Bearing & Seal Co.",
                "blocked", "All"));

        SyncRunRecord second = sync("vendors", "vendor");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsWritten()).isEqualTo(1);
        String json = store().find(CanonicalIds.stableId(CONNECTION, "vendor", vendor.get("id").asText())).json();
        assertThat(json).contains("\"name\":\"Renamed Bearing & Seal Co.\"").contains("\"status\":\"blocked\"");
        assertStoreMirrors("vendors", "vendor");
    }

    @Test
    void aSyncWithoutChangesReadsNothingAgain() throws Exception {
        addSync("assets", Map.of());
        sync("assets", "asset");

        SyncRunRecord second = sync("assets", "asset");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsRead()).isZero();
    }

    @Test
    void recordsSharingTheWatermarkAcrossPagesAreNeitherMissedNorDuplicated() throws Exception {
        // later than every generated change, so that the tie is where the watermark stops
        Instant tie = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        List<ObjectNode> orders = bc.records("purchaseOrders");
        for (int i = 0; i < 20; i++) {
            bc.modify("purchaseOrders", orders.get(i).get("id").asText(), Map.of("lastModifiedDateTime", tie.toString()));
        }
        addSync("purchase-orders", Map.of("pageSize", "7", "batchSize", "5"));
        SyncRunRecord first = sync("purchase-orders", "purchase_order");

        // more records arrive at the very same millisecond, after the first sync committed it
        for (int i = 20; i < 26; i++) {
            bc.modify("purchaseOrders", orders.get(i).get("id").asText(), Map.of("lastModifiedDateTime", tie.toString()));
        }
        SyncRunRecord second = sync("purchase-orders", "purchase_order");

        assertThat(first.recordsWritten()).isEqualTo(57);
        assertThat(second.recordsWritten()).isEqualTo(6);
        assertStoreMirrors("purchaseOrders", "purchase_order");
    }

    @Test
    void recordsChangedWhileASyncRunsAreCaughtByTheNextOne() throws Exception {
        addSync("purchase-orders", Map.of("pageSize", "10", "batchSize", "10"));
        List<ObjectNode> orders = bc.records("purchaseOrders");
        AtomicBoolean changed = new AtomicBoolean();
        PageListener changeOnce = (entitySet, page) -> {
            if (page == 3 && changed.compareAndSet(false, true)) {
                bc.modify("purchaseOrders", orders.get(2).get("id").asText(), Map.of("purchaser", "RB"));
                bc.modify("purchaseOrders", orders.get(50).get("id").asText(), Map.of("purchaser", "MH"));
                bc.insert("purchaseOrders", Map.of("vendorNumber", "V00010", "purchaseOrderLines",
                        List.of(Map.of("lineType", "Item", "lineObjectNumber", "1896-S", "quantity", 1))));
            }
        };
        bc.onPageServed(changeOnce);
        sync("purchase-orders", "purchase_order");
        bc.removePageListener(changeOnce);

        SyncRunRecord second = sync("purchase-orders", "purchase_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertStoreMirrors("purchaseOrders", "purchase_order");
    }

    @Test
    void aRefusedTokenFailsTheRunWithAuthRequired() throws Exception {
        addSync("vendors", Map.of());
        bc.revokeClientSecret(TestBusinessCentral.SECRET);

        SyncRunRecord run = sync("vendors", "vendor");

        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection 'plant-7'").contains("AADSTS7000215");
    }

    @Test
    void aMalformedPageFailsTheRunKeepsWhatCameBeforeAndTheNextSyncCompletes() throws Exception {
        addSync("purchase-orders", Map.of("pageSize", "30", "batchSize", "10"));
        AtomicBoolean once = new AtomicBoolean();
        PageListener malformSecondPage = (entitySet, page) -> {
            if (page == 2 && once.compareAndSet(false, true)) {
                bc.faults().malformNextPages(1);
            }
        };
        bc.onPageServed(malformSecondPage);

        SyncRunRecord failed = sync("purchase-orders", "purchase_order");
        bc.removePageListener(malformSecondPage);

        assertThat(failed.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(failed.error()).startsWith("MALFORMED_RESPONSE").contains("purchaseOrders").contains("$skiptoken");
        assertThat(failed.recordsWritten()).isGreaterThanOrEqualTo(20);
        assertThat(store().count(CONNECTION, "purchase_order")).isBetween(20L, 30L);
        assertThat(sync("purchase-orders", "purchase_order").state()).isEqualTo(SyncRunRecord.DONE);
        assertStoreMirrors("purchaseOrders", "purchase_order");
    }

    @Test
    void aRecordFailingMappingIsDeadLetteredWhileTheOthersArrive() throws Exception {
        ObjectNode broken = bc.records("items").get(5);
        bc.garble("items", broken.get("id").asText(), "unitCost", "twelve dollars");
        addSync("inventory-items", Map.of());

        SyncRunRecord run = sync("inventory-items", "inventory_item");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "inventory_item")).isEqualTo(17);
        assertThat(coordinator.deadLetters().pending(CONNECTION, "inventory_item", 10)).singleElement()
                .satisfies(letter -> assertThat(letter.errorMessage()).contains("unitCost").contains("twelve dollars"));
    }

    @Test
    void aFullResyncMarksWhatTheSourceNoLongerHasAsDeleted() throws Exception {
        addSync("vendors", Map.of("pageSize", "5"));
        sync("vendors", "vendor");
        ObjectNode gone = bc.records("vendors").get(2);
        bc.delete("vendors", gone.get("id").asText());

        SyncRunRecord full = sync("vendors", "vendor", true);

        assertThat(full.fullResync()).isTrue();
        assertThat(full.recordsRead()).isEqualTo(13);
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "vendor", gone.get("id").asText())).deleted()).isTrue();
    }
}
