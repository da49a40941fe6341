package dev.millwright.routes.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.MaximoSyncTestSupport;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.maximo.MaximoSimulator;

/** The sync template end to end: Maximo simulator → readChanges → canonical → batches → canonical store. */
class MaximoSyncTest extends MaximoSyncTestSupport {

    private static final String WO = "MXAPIWODETAIL";


    @Override
    protected MaximoSimulator.Builder simulator() {
        return MaximoSimulator.builder().seed(21).workOrders(157).vendors(12).assets(20)
                .purchaseOrders(15).inventoryItems(10).historyDays(10);
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    private void addWorkOrderSync(int pageSize, int batchSize) throws Exception {
        addSync("work-orders", Map.of("pageSize", Integer.toString(pageSize), "batchSize", Integer.toString(batchSize),
                "batchTimeout", "200"));
    }

    /** Every simulator work order is stored exactly at its current version. */
    private void assertStoreMirrorsTheSimulator() {
        List<ObjectNode> workOrders = maximo.records(WO);
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(workOrders.size());
        for (ObjectNode workOrder : workOrders) {
            String id = CanonicalIds.stableId(CONNECTION, "work_order", maximo.restIdOf(workOrder));
            JdbcCanonicalStore.StoredRecord stored = store().find(id);
            assertThat(stored).as("work order %s", workOrder.get("wonum")).isNotNull();
            assertThat(stored.remoteVersion()).as("version of work order %s", workOrder.get("wonum"))
                    .isEqualTo(workOrder.get("_rowstamp").asText());
        }
    }

    @Test
    void theFirstSyncStoresEveryWorkOrderAndRecordsTheRun() throws Exception {
        addWorkOrderSync(20, 25);

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsRead()).isEqualTo(157);
        assertThat(run.recordsWritten()).isEqualTo(157);
        assertThat(run.recordsFailed()).isZero();
        assertStoreMirrorsTheSimulator();
        IncrementalCursor cursor = coordinator.watermarks().load(new CursorKey(CONNECTION, "work_order")).orElseThrow();
        assertThat(run.watermark()).isEqualTo(cursor.watermark());
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "work_order", maximo.restIdOf(maximo.records(WO).get(0))))
                .json()).contains("\"entity\":\"work_order\"").contains("\"connection_id\":\"" + CONNECTION + "\"");
    }

    @Test
    void aSyncWithoutChangesReadsNothingAgain() throws Exception {
        addWorkOrderSync(50, 50);
        sync("work-orders", "work_order");

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(second.recordsRead()).isZero();
        assertThat(second.recordsWritten()).isZero();
    }

    @Test
    void recordsSharingTheWatermarkAcrossPagesAndBatchesAreNeitherMissedNorDuplicated() throws Exception {
        Instant tie = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String tieText = OffsetDateTime.ofInstant(tie, ZoneOffset.UTC).toString();
        List<ObjectNode> workOrders = maximo.records(WO);
        for (int i = 0; i < 60; i++) {
            maximo.modify(WO, maximo.restIdOf(workOrders.get(i)), Map.of("changedate", tieText));
        }
        addWorkOrderSync(7, 5);
        SyncRunRecord first = sync("work-orders", "work_order");

        // more records arrive at the very same second, after the first sync committed that second
        for (int i = 60; i < 70; i++) {
            maximo.modify(WO, maximo.restIdOf(workOrders.get(i)), Map.of("changedate", tieText));
        }
        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(first.recordsWritten()).isEqualTo(157);
        assertThat(second.recordsRead()).isGreaterThanOrEqualTo(10);
        assertThat(second.recordsWritten()).isEqualTo(10);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void recordsChangedWhileASyncRunsAreCaughtByTheNextOne() throws Exception {
        addWorkOrderSync(10, 10);
        List<ObjectNode> workOrders = maximo.records(WO);
        AtomicBoolean changed = new AtomicBoolean();
        PageListener changeOnce = (objectStructure, page) -> {
            if (page == 3 && changed.compareAndSet(false, true)) {
                // one record already read, one not yet read, and one brand new
                maximo.modify(WO, maximo.restIdOf(workOrders.get(2)), Map.of("description", "changed after read"));
                maximo.modify(WO, maximo.restIdOf(workOrders.get(150)), Map.of("description", "changed before read"));
                maximo.insert(WO, Map.of("siteid", "BEDFORD", "description", "created during the sync", "status", "WAPPR"));
            }
        };
        maximo.onPageServed(changeOnce);
        sync("work-orders", "work_order");
        maximo.removePageListener(changeOnce);

        SyncRunRecord second = sync("work-orders", "work_order");

        assertThat(second.state()).isEqualTo(SyncRunRecord.DONE);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void anInterruptedSyncResumesWhereItsCommitsEndedWithoutDuplicates() throws Exception {
        addWorkOrderSync(10, 10);
        AtomicBoolean broken = new AtomicBoolean();
        PageListener breakOnce = (objectStructure, page) -> {
            if (page == 6 && broken.compareAndSet(false, true)) {
                maximo.faults().failNextRequests(1, 500);
            }
        };
        maximo.onPageServed(breakOnce);
        SyncRunRecord interrupted = sync("work-orders", "work_order");
        maximo.removePageListener(breakOnce);

        SyncRunRecord resumed = sync("work-orders", "work_order");

        assertThat(interrupted.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(interrupted.error()).contains("REMOTE_ERROR").contains("connection 'plant-7'");
        assertThat(interrupted.recordsWritten()).isBetween(1L, 156L);
        assertThat(resumed.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(interrupted.recordsWritten() + resumed.recordsWritten()).isEqualTo(157);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void aRunFailingWhileItsRouteStopsIsStillRecordedAndTheNextRunGoesAhead() throws Exception {
        addWorkOrderSync(50, 50);
        AtomicBoolean thrown = new AtomicBoolean();
        // the first run fails while its route is being stopped (as when a connection's syncs pause because another
        // run saw the credentials refused): the exchange may then end outside the route's error handling
        AdviceWith.adviceWith(context, "sync-work-orders", route -> route.weaveByToUri("canonical:*").before()
                .process(exchange -> {
                    if (thrown.compareAndSet(false, true)) {
                        Thread stopper = new Thread(() -> {
                            try {
                                context.getRouteController().stopRoute("sync-work-orders");
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        stopper.start();
                        await().atMost(Duration.ofSeconds(10)).until(() -> context.getRouteController()
                                .getRouteStatus("sync-work-orders").isStopping());
                        throw new IllegalStateException("failed while the route stops");
                    }
                }));

        SyncRunRecord broken = sync("work-orders", "work_order");
        await().atMost(Duration.ofSeconds(60)).until(() -> context.getRouteController()
                .getRouteStatus("sync-work-orders").isStopped());
        context.getRouteController().startRoute("sync-work-orders");
        SyncRunRecord next = sync("work-orders", "work_order");

        assertThat(broken.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(next.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(next.id()).isGreaterThan(broken.id());
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void aRecordFailingMappingIsDeadLetteredWhileTheOthersArrive() throws Exception {
        ObjectNode broken = maximo.records(WO).get(17);
        maximo.garble(WO, maximo.restIdOf(broken), "schedstart", "31/12/2024 8h");
        addWorkOrderSync(20, 20);

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.state()).isEqualTo(SyncRunRecord.DONE);
        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(156);
        List<DeadLetter> letters = coordinator.deadLetters().pending(CONNECTION, "work_order", 10);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.stage()).isEqualTo("mapping");
            assertThat(letter.errorCode()).isEqualTo("MAPPING_FAILED");
            assertThat(letter.errorMessage()).contains("schedstart").contains("31/12/2024 8h");
            assertThat(letter.remoteId()).isEqualTo(maximo.restIdOf(broken));
            assertThat(letter.payload()).contains(broken.get("wonum").asText());
        });
        // the watermark moved past it: the next sync does not read it again
        assertThat(sync("work-orders", "work_order").recordsRead()).isZero();
    }

    @Test
    void aRecordTheSinkRefusesIsDeadLetteredAndReplayedOnceTheSinkAcceptsIt() throws Exception {
        String refused = maximo.restIdOf(maximo.records(WO).get(40));
        AtomicBoolean sinkRefuses = new AtomicBoolean(true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:picky-sink").process(exchange -> {
                    List<?> records = exchange.getMessage().getBody(List.class);
                    boolean hasRefused = records.stream().anyMatch(r -> ((dev.millwright.mapping.model.CanonicalRecord) r)
                            .remoteId().equals(refused));
                    if (sinkRefuses.get() && hasRefused) {
                        throw new IllegalStateException("sink refuses " + refused);
                    }
                }).to(SyncRouteTemplates.DEFAULT_SINK);
            }
        });
        addSync("work-orders", Map.of("pageSize", "25", "batchSize", "25", "sink", "direct:picky-sink"));

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.recordsFailed()).isEqualTo(1);
        assertThat(store().count(CONNECTION, "work_order")).isEqualTo(156);
        DeadLetter letter = coordinator.deadLetters().pending(CONNECTION, "work_order", 10).get(0);
        assertThat(letter.stage()).isEqualTo("sink");
        assertThat(letter.errorMessage()).contains("sink refuses");

        sinkRefuses.set(false);
        DeadLetterReplayer.Outcome outcome = context.getRegistry()
                .lookupByNameAndType("millwrightDeadLetterReplayer", DeadLetterReplayer.class)
                .replay(CONNECTION, "work_order", "direct:picky-sink", 100);

        assertThat(outcome.replayed()).isEqualTo(1);
        assertThat(coordinator.deadLetters().countPending(CONNECTION, "work_order")).isZero();
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void aReplayThatStillFailsKeepsTheLetterPendingAndCountsTheAttempt() throws Exception {
        maximo.garble(WO, maximo.restIdOf(maximo.records(WO).get(3)), "actstart", "yesterday");
        addWorkOrderSync(50, 50);
        sync("work-orders", "work_order");

        DeadLetterReplayer.Outcome outcome = context.getRegistry()
                .lookupByNameAndType("millwrightDeadLetterReplayer", DeadLetterReplayer.class)
                .replay(CONNECTION, "work_order", SyncRouteTemplates.DEFAULT_SINK, 100);

        assertThat(outcome.stillFailing()).isEqualTo(1);
        DeadLetter letter = coordinator.deadLetters().pending(CONNECTION, "work_order", 10).get(0);
        assertThat(letter.attempts()).isEqualTo(2);
        assertThat(letter.errorMessage()).contains("actstart");
    }

    @Test
    void aRevokedKeyFailsTheRunWithAuthRequired() throws Exception {
        addWorkOrderSync(50, 50);
        maximo.revokeApiKey(KEY);

        SyncRunRecord run = sync("work-orders", "work_order");

        assertThat(run.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(run.error()).startsWith("AUTH_REQUIRED").contains("connection 'plant-7'").contains("work_order");
    }

    @Test
    void aMalformedPageFailsTheRunKeepsWhatCameBeforeAndTheNextSyncCompletes() throws Exception {
        addWorkOrderSync(30, 10);
        AtomicBoolean once = new AtomicBoolean();
        PageListener malformSecondPage = (objectStructure, page) -> {
            if (page == 2 && once.compareAndSet(false, true)) {
                maximo.faults().malformNextPages(1);
            }
        };
        maximo.onPageServed(malformSecondPage);

        SyncRunRecord failed = sync("work-orders", "work_order");
        maximo.removePageListener(malformSecondPage);

        assertThat(failed.state()).isEqualTo(SyncRunRecord.FAILED);
        assertThat(failed.error()).startsWith("MALFORMED_RESPONSE").contains("MXAPIWODETAIL").contains("pageno=2");
        assertThat(failed.recordsWritten()).isGreaterThanOrEqualTo(20);
        assertThat(store().count(CONNECTION, "work_order")).isBetween(20L, 30L);

        assertThat(sync("work-orders", "work_order").state()).isEqualTo(SyncRunRecord.DONE);
        assertStoreMirrorsTheSimulator();
    }

    @Test
    void aFullResyncMarksWhatTheSourceNoLongerHasAsDeleted() throws Exception {
        addSync("vendors", Map.of("pageSize", "5"));
        sync("vendors", "vendor");
        ObjectNode gone = maximo.records("MXAPIVENDOR").get(2);
        maximo.delete("MXAPIVENDOR", maximo.restIdOf(gone));

        SyncRunRecord full = sync("vendors", "vendor", true);

        assertThat(full.fullResync()).isTrue();
        assertThat(full.recordsRead()).isEqualTo(11);
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "vendor", maximo.restIdOf(gone))).deleted()).isTrue();
        assertThat(store().find(CanonicalIds.stableId(CONNECTION, "vendor",
                maximo.restIdOf(maximo.records("MXAPIVENDOR").get(0)))).deleted()).isFalse();
    }

    @Test
    void everyStandardCollectionSyncs() throws Exception {
        for (String collection : List.of("purchase-orders", "inventory-items", "vendors", "assets")) {
            addSync(collection, Map.of());
        }

        assertThat(sync("purchase-orders", "purchase_order").recordsWritten()).isEqualTo(15);
        assertThat(sync("inventory-items", "inventory_item").recordsWritten()).isEqualTo(10);
        assertThat(sync("vendors", "vendor").recordsWritten()).isEqualTo(12);
        assertThat(sync("assets", "asset").recordsWritten()).isEqualTo(20);
        String poId = CanonicalIds.stableId(CONNECTION, "purchase_order", maximo.restIdOf(maximo.records("MXAPIPO").get(0)));
        assertThat(store().find(poId).json()).contains("\"lines\":[{\"line_number\":1");
    }
}
