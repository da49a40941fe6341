package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.SyncTestSupport;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/**
 * The sync route template end to end with NetSuite: simulator → netsuite readChanges (SuiteQL) → canonical (the
 * NetSuite mapping files of the mappings module's source folder) → batches → canonical store.
 */
class NetSuiteSyncTest extends SyncTestSupport {

    private NetSuiteSimulator netsuite;

    @Override
    protected void startSystem() {
        netsuite = TestAccount.simulator().seed(53).vendors(24).inventoryItems(18).purchaseOrders(33).workOrders(11)
                .assets(15).historyDays(10).build().start();
    }

    @Override
    protected void stopSystem() {
        netsuite.close();
    }

    @Override
    protected String system() {
        return "netsuite";
    }

    @Override
    protected Map<String, String> connectionOptions() {
        return readOptions(TestAccount.oauth2Options(netsuite));
    }

    /** The connection's options beside the credentials: the read mode under test. */
    protected Map<String, String> readOptions(Map<String, String> credentials) {
        return credentials;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("netsuiteMappings", NetSuiteMappings.REGISTRY);
        return context;
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    /** Every record of a type is stored exactly at its current version. */
    private void assertStoreMirrors(String recordType, String entity, String modifiedField) {
        List<ObjectNode> records = netsuite.records(recordType);
        assertThat(store().count(CONNECTION, entity)).isEqualTo(records.size());
        for (ObjectNode record : records) {
            JdbcCanonicalStore.StoredRecord stored = store().find(CanonicalIds.stableId(CONNECTION, entity,
                    record.get("id").asText()));
            assertThat(stored).as("%s %s", recordType, record.get("id")).isNotNull();
            assertThat(stored.remoteVersion()).as("version of %s %s", recordType, record.get("id"))
                    .isEqualTo(record.get(modifiedField).asText());
        }
    }

    @ParameterizedTest
    @CsvSource({"purchase-orders,purchase_order,purchaseOrder,lastModifiedDate",
            "work-orders,work_order,workOrder,lastModifiedDate",
            "inventory-items,inventory_item,inventoryItem,lastModifiedDate",
            "vendors,vendor,vendor,lastModifiedDate",
            "assets,asset,customrecord_ncfar_asset,lastModified"})
    void everyCollectionSyncsIntoTheCanonicalStore(String collection, String entity, String recordType,
                                                   String modifiedField) throws Exception {
        addSync(collection, Map.of("pageSize", "8", "batchSize", "5", "batchTimeout", "200"));

        SyncRunRecord run = sync(collection, entity);

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsWritten()).isEqualTo(netsuite.count(recordType));
        assertThat(run.recordsFailed()).isZero();
        assertStoreMirrors(recordType, entity, modifiedField);
    }

    @Test
    void purchaseOrdersAreStoredWithTheirLinesAndCanonicalStatus() throws Exception {
        addSync("purchase-orders", Map.of());
        sync("purchase-orders", "purchase_order");
        ObjectNode order = netsuite.records("purchaseOrder").get(0);

        String json = store().find(CanonicalIds.stableId(CONNECTION, "purchase_order", order.get("id").asText())).json();

        assertThat(json).contains("\"number\":\"" + order.get("tranId").asText() + "\"")
                .contains("\"lines\":[{\"line_number\":1").contains("\"vendor_remote_id\":\""
                        + order.at("/entity/id").asText() + "\"")
                .containsPattern("\"status\":\"(pending_approval|open|cancelled|partially_received|received|closed)\"");
    }

    @Test
    void aChangedRecordIsPickedUpByTheNextSync() throws Exception {
        addSync("vendors", Map.of("pageSize", "10"));
        sync("vendors", "vendor");
        String id = netsuite.records("vendor").get(7).get("id").asText();
        netsuite.modify("vendor", id, Map.of("companyName", "Renamed Industrial Supply"));

        SyncRunRecord second = sync("vendors", "vendor");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsWritten()).isEqualTo(1);
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "vendor", id)).json())
                .contains("\"name\":\"Renamed Industrial Supply\"");
        assertStoreMirrors("vendor", "vendor", "lastModifiedDate");
    }

    @Test
    void aSyncWithoutChangesReadsNothingAgain() throws Exception {
        addSync("inventory-items", Map.of());
        sync("inventory-items", "inventory_item");

        SyncRunRecord second = sync("inventory-items", "inventory_item");

        assertThat(second.recordsRead()).isZero();
        assertThat(second.recordsWritten()).isZero();
    }

    @Test
    void recordsSharingTheWatermarkSecondAreNeitherMissedNorDuplicated() throws Exception {
        Instant tie = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        List<ObjectNode> orders = netsuite.records("purchaseOrder");
        for (int i = 0; i < 12; i++) {
            netsuite.modify("purchaseOrder", orders.get(i).get("id").asText(), Map.of("lastModifiedDate", tie));
        }
        addSync("purchase-orders", Map.of("pageSize", "5", "batchSize", "4", "batchTimeout", "200"));
        SyncRunRecord first = sync("purchase-orders", "purchase_order");

        // more orders change in that very second, after the first sync committed it
        for (int i = 12; i < 16; i++) {
            netsuite.modify("purchaseOrder", orders.get(i).get("id").asText(), Map.of("lastModifiedDate", tie));
        }
        SyncRunRecord second = sync("purchase-orders", "purchase_order");

        assertThat(first.recordsWritten()).isEqualTo(33);
        assertThat(second.recordsWritten()).isEqualTo(4);
        assertStoreMirrors("purchaseOrder", "purchase_order", "lastModifiedDate");
    }

    @Test
    void aRecordFailingMappingIsDeadLetteredWhileTheOthersArrive() throws Exception {
        ObjectNode broken = netsuite.records("inventoryItem").get(5);
        netsuite.garble("inventoryItem", broken.get("id").asText(), "cost", "twelve dollars");
        addSync("inventory-items", Map.of("pageSize", "6"));

        SyncRunRecord run = sync("inventory-items", "inventory_item");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "inventory_item")).isEqualTo(17);
        List<DeadLetter> letters = coordinator.deadLetters().pending(CONNECTION, "inventory_item", 10);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("mapping");
            assertThat(letter.errorMessage()).contains("cost").contains("twelve dollars");
            assertThat(letter.remoteId()).isEqualTo(broken.get("id").asText());
        });
    }

    @Test
    void aRevokedCertificateFailsTheRunWithAuthRequired() throws Exception {
        addSync("vendors", Map.of());
        netsuite.revokeCertificate(TestAccount.CERTIFICATE_ID);

        SyncRunRecord run = sync("vendors", "vendor");

        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection '" + CONNECTION + "'");
    }

    @Test
    void aFullResyncMarksWhatNetSuiteNoLongerHasAsDeleted() throws Exception {
        addSync("vendors", Map.of("pageSize", "5"));
        sync("vendors", "vendor");
        String gone = netsuite.records("vendor").get(2).get("id").asText();
        netsuite.delete("vendor", gone);

        SyncRunRecord full = sync("vendors", "vendor", true);

        assertThat(full.fullResync()).isTrue();
        assertThat(full.recordsRead()).isEqualTo(23);
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "vendor", gone)).deleted()).isTrue();
    }
}
