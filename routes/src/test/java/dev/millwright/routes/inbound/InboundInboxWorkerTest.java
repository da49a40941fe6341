package dev.millwright.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.SecretSealer;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.routes.testing.MaximoSyncTestSupport;
import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.WebhookOutbox;
import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.routes.webhook.WebhookSignature;
import dev.millwright.simulators.maximo.MaximoSimulator;

/**
 * The inbox worker against the Maximo simulator and the sync template: notifications received through the intake
 * trigger targeted syncs, once per webhook id, never acting on older news, and failures end as dead letters and
 * {@code system.error} events.
 */
class InboundInboxWorkerTest extends MaximoSyncTestSupport {

    private static final String WO = "MXAPIWODETAIL";
    private static final InboundSettings SETTINGS = new InboundSettings(Duration.ofMinutes(5), 64 * 1024,
            Duration.ofMillis(100), 100, Duration.ofMinutes(1));

    private final String secret = WebhookSecrets.generate();
    private JdbcInbox inbox;
    private InboundWebhookIntake intake;
    private InboxWorker worker;
    private JdbcDeadLetterStore deadLetters;

    @Override
    protected MaximoSimulator.Builder simulator() {
        return MaximoSimulator.builder().seed(5).workOrders(120).vendors(10).assets(5)
                .purchaseOrders(5).inventoryItems(5).historyDays(5);
    }

    @BeforeEach
    void startInbound() throws Exception {
        Clock clock = Clock.systemUTC();
        inbox = new JdbcInbox(database.dataSource(), clock);
        intake = new InboundWebhookIntake(inbox,
                connection -> CONNECTION.equals(connection) ? Optional.of(secret) : Optional.empty(), SETTINGS, clock);
        deadLetters = new JdbcDeadLetterStore(database.dataSource(), clock);
        worker = new InboxWorker(inbox, database.dataSource(), deadLetters, coordinator.runs(),
                new WebhookOutbox(database.dataSource(), clock, Duration.ZERO),
                SyncRequester.scheduledSyncs(context), SETTINGS, clock);
        addSync("work-orders", Map.of("pageSize", "50", "batchSize", "50", "batchTimeout", "100"));
        sync("work-orders", "work_order");
    }

    private JdbcCanonicalStore store() {
        return coordinator.canonicalStore();
    }

    private JdbcInbox.Stored send(String webhookId, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        long ts = Instant.now().getEpochSecond();
        return intake.receive(CONNECTION, webhookId, Long.toString(ts),
                WebhookSignature.header(List.of(secret), webhookId, ts, body), body);
    }

    private static String notification(String entity, ObjectNode record, String version) {
        return "{\"entity\":\"" + entity + "\",\"remote_id\":\"" + restId(record) + "\",\"version\":\"" + version
                + "\",\"event\":\"updated\"}";
    }

    private static String restId(ObjectNode record) {
        String href = record.get("href").asText();
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private String storedVersion(ObjectNode record) {
        JdbcCanonicalStore.StoredRecord stored = store().find(CanonicalIds.stableId(CONNECTION, "work_order",
                restId(record)));
        return stored == null ? null : stored.remoteVersion();
    }

    private long latestRun() {
        return coordinator.runs().latest(CONNECTION, "work_order").map(SyncRunRecord::id).orElse(0L);
    }

    private void awaitRunsFinished() {
        await().atMost(Duration.ofSeconds(60)).until(() -> coordinator.runs().latest(CONNECTION, "work_order")
                .map(run -> !run.state().equals(SyncRunRecord.SYNCING)).orElse(false));
    }

    private ObjectNode change(int index) {
        ObjectNode record = maximo.records(WO).get(index);
        return maximo.modify(WO, restId(record), Map.of("description", "changed " + System.nanoTime()));
    }

    @Test
    void aChangeAnnouncedByAWebhookIsSyncedOnceWhateverTheDuplicates() throws Exception {
        ObjectNode changed = change(3);
        String version = changed.get("_rowstamp").asText();
        String json = notification("work_order", changed, version);
        long before = latestRun();

        assertThat(send("msg_a", json)).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(send("msg_a", json)).isEqualTo(JdbcInbox.Stored.DUPLICATE);
        assertThat(send("msg_b", json)).isEqualTo(JdbcInbox.Stored.STORED); // same news, another id
        assertThat(worker.drain()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(60)).until(() -> version.equals(storedVersion(changed)));
        awaitRunsFinished();
        assertThat(worker.drain()).isZero();
        assertThat(runsSince(before)).isEqualTo(1);
        assertThat(inboxRows()).containsOnlyKeys("msg_a", "msg_b")
                .allSatisfy((id, row) -> assertThat(row).startsWith("done|1|"));
    }

    @Test
    void notificationsOfOneBatchTriggerOneSyncOfTheirEntity() throws Exception {
        long before = latestRun();
        List<ObjectNode> changed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            changed.add(change(i));
            send("msg_" + i, notification("work-orders", changed.get(i), changed.get(i).get("_rowstamp").asText()));
        }

        InboxWorker.BatchResult batch = worker.processBatch();

        assertThat(batch.claimed()).isEqualTo(40);
        assertThat(batch.syncsTriggered()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> changed.stream()
                .allMatch(record -> record.get("_rowstamp").asText().equals(storedVersion(record))));
        awaitRunsFinished();
        assertThat(runsSince(before)).isEqualTo(1);
    }

    @Test
    void anOlderNotificationThanTheStoredVersionTriggersNothing() throws Exception {
        ObjectNode first = change(5);
        ObjectNode second = maximo.modify(WO, restId(first), Map.of("description", "second"));
        send("msg_new", notification("work_order", second, second.get("_rowstamp").asText()));
        worker.drain();
        await().atMost(Duration.ofSeconds(60)).until(() -> second.get("_rowstamp").asText()
                .equals(storedVersion(second)));
        awaitRunsFinished();
        long before = latestRun();

        send("msg_old", notification("work_order", first, first.get("_rowstamp").asText()));
        InboxWorker.BatchResult batch = worker.processBatch();

        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(batch.syncsTriggered()).isZero();
        assertThat(inboxRows().get("msg_old")).startsWith("done|1|already stored");
        assertThat(latestRun()).isEqualTo(before);
        assertThat(storedVersion(second)).isEqualTo(second.get("_rowstamp").asText());
    }

    @Test
    void aNotificationOlderThanTheNewestAlreadyAnnouncedTriggersNothing() throws Exception {
        ObjectNode record = maximo.records(WO).get(7);
        String stored = storedVersion(record);
        long ahead = Long.parseLong(stored) + 1_000_000;
        // a version the source has not reached yet: acted on (a sync is triggered), and remembered
        send("msg_ahead", notification("work_order", record, Long.toString(ahead)));
        worker.drain();
        awaitRunsFinished();

        send("msg_between", notification("work_order", record, Long.toString(ahead - 10)));
        InboxWorker.BatchResult batch = worker.processBatch();

        assertThat(batch.syncsTriggered()).isZero();
        assertThat(inboxRows().get("msg_between")).startsWith("done|1|stale: not newer than version " + ahead);
    }

    @Test
    void withinOneBatchAnOlderNotificationBehindANewerOneIsStale() throws Exception {
        ObjectNode record = change(9);
        long version = Long.parseLong(record.get("_rowstamp").asText());
        send("msg_2", notification("work_order", record, Long.toString(version)));
        send("msg_1", notification("work_order", record, Long.toString(version - 1)));

        InboxWorker.BatchResult batch = worker.processBatch();

        assertThat(batch.syncsTriggered()).isEqualTo(1);
        assertThat(batch.skipped()).isEqualTo(1);
        assertThat(inboxRows().get("msg_1")).startsWith("done|1|stale");
        await().atMost(Duration.ofSeconds(60)).until(() -> Long.toString(version).equals(storedVersion(record)));
    }

    @Test
    void failuresAreDeadLetteredRaiseSystemErrorAndCanBeReplayed() throws Exception {
        new JdbcWebhookSubscriptionStore(database.dataSource(), plainSealer(), Clock.systemUTC())
                .create("https://example.test/hooks", List.of(EventTypes.SYSTEM_ERROR), null, "alerts");
        ObjectNode vendor = maximo.records("MXAPIVENDOR").get(0);

        // each one was acknowledged: the sender is done with them
        assertThat(send("msg_unknown", "{\"entity\":\"spaceship\",\"remote_id\":\"x\"}"))
                .isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(send("msg_garbage", "this is not json")).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(send("msg_vendor", notification("vendor", vendor, "1"))).isEqualTo(JdbcInbox.Stored.STORED);

        InboxWorker.BatchResult batch = worker.processBatch();

        assertThat(batch.failed()).isEqualTo(3);
        Map<String, String> rows = inboxRows();
        assertThat(rows.get("msg_unknown")).startsWith("failed|1|UNKNOWN_ENTITY");
        assertThat(rows.get("msg_garbage")).startsWith("failed|1|MALFORMED_NOTIFICATION");
        assertThat(rows.get("msg_vendor")).startsWith("failed|1|SYNC_TRIGGER_FAILED");
        List<DeadLetter> letters = deadLetters.pending(CONNECTION, InboxWorker.DEAD_LETTER_ENTITY, 10);
        assertThat(letters).extracting(DeadLetter::errorCode)
                .containsExactlyInAnyOrder("UNKNOWN_ENTITY", "MALFORMED_NOTIFICATION", "SYNC_TRIGGER_FAILED");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.stage()).isEqualTo(InboxWorker.STAGE);
            assertThat(letter.errorMessage()).startsWith("inbound webhook msg_");
        });
        assertThat(letters).filteredOn(letter -> letter.errorCode().equals("SYNC_TRIGGER_FAILED"))
                .extracting(DeadLetter::collection, DeadLetter::remoteId).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("vendor", restId(vendor)));
        List<String> events = systemErrorEvents();
        assertThat(events).hasSize(3);
        assertThat(events).anySatisfy(payload -> assertThat(payload).contains("\"webhook_id\":\"msg_vendor\"")
                .contains("\"connection_id\":\"" + CONNECTION + "\"").contains("SYNC_TRIGGER_FAILED"));

        // the vendor sync exists now: a replay processes the vendor notification again, and it succeeds
        addSync("vendors", Map.of("batchTimeout", "100"));
        assertThat(worker.replayDeadLetters(CONNECTION, 10)).isEqualTo(3);
        worker.drain();

        rows = inboxRows();
        assertThat(rows.get("msg_vendor")).startsWith("done|2|sync triggered");
        assertThat(rows.get("msg_unknown")).startsWith("failed|2|UNKNOWN_ENTITY");
        assertThat(deadLetters.pending(CONNECTION, InboxWorker.DEAD_LETTER_ENTITY, 10)).hasSize(2);
    }

    @Test
    void aPausedConnectionsNotificationIsFinishedWithoutADeadLetter() throws Exception {
        InboxWorker pausedWorker = new InboxWorker(inbox, database.dataSource(), deadLetters, coordinator.runs(), null,
                (connectionId, entity) -> {
                    throw new SyncPausedException("suspended");
                }, SETTINGS, Clock.systemUTC());
        ObjectNode changed = change(13);
        send("msg_paused", notification("work_order", changed, changed.get("_rowstamp").asText()));

        InboxWorker.BatchResult batch = pausedWorker.processBatch();

        assertThat(batch.failed()).isZero();
        assertThat(inboxRows().get("msg_paused")).isEqualTo("done|1|no sync: suspended");
        assertThat(deadLetters.pending(CONNECTION, InboxWorker.DEAD_LETTER_ENTITY, 10)).isEmpty();
    }

    @Test
    void theWorkerRouteProcessesTheInboxByItself() throws Exception {
        context.addRoutes(worker.route());
        ObjectNode changed = change(11);

        send("msg_route", notification("work_order", changed, changed.get("_rowstamp").asText()));

        await().atMost(Duration.ofSeconds(60)).until(() -> changed.get("_rowstamp").asText()
                .equals(storedVersion(changed)));
        await().atMost(Duration.ofSeconds(10)).until(() -> inboxRows().get("msg_route").startsWith("done|1|"));
    }

    private static SecretSealer plainSealer() {
        return new SecretSealer() {
            @Override
            public String seal(String secret) {
                return secret;
            }

            @Override
            public String open(String sealed) {
                return sealed;
            }
        };
    }

    private long runsSince(long runId) {
        return coordinator.runs().recent(CONNECTION, "work_order", 1000).stream().filter(run -> run.id() > runId)
                .count();
    }

    /** webhook id → state|attempts|outcome. */
    private Map<String, String> inboxRows() throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT webhook_id, state, attempts, outcome FROM mw_inbox ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.put(row.getString(1), row.getString(2) + "|" + row.getInt(3) + "|" + row.getString(4));
            }
        }
        return rows;
    }

    private List<String> systemErrorEvents() throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT payload FROM mw_webhook_event WHERE type = ? ORDER BY seq")) {
            select.setString(1, EventTypes.SYSTEM_ERROR);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    payloads.add(row.getString(1));
                }
            }
        }
        return payloads;
    }
}
