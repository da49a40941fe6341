package dev.millwright.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.routes.testing.TestDatabase;

/** The inbox's claims: concurrent workers never get one entry twice; an abandoned claim is taken over. */
class JdbcInboxTest {

    private TestDatabase database;
    private JdbcInbox inbox;

    @BeforeEach
    void start() {
        database = createDatabase();
        inbox = new JdbcInbox(database.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void stop() throws Exception {
        database.close();
    }

    /** The database the test runs on; the PostgreSQL variant overrides it. */
    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @Test
    void concurrentWorkersClaimEachEntryExactlyOnce() throws Exception {
        for (int i = 0; i < 2000; i++) {
            inbox.add("c1", "msg_" + i, Instant.now(), "{}");
        }
        ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                running.add(workers.submit(() -> {
                    List<InboxEntry> batch;
                    while (!(batch = inbox.claim(37, Duration.ofMinutes(1))).isEmpty()) {
                        Map<InboxEntry, String> outcomes = new java.util.LinkedHashMap<>();
                        for (InboxEntry entry : batch) {
                            claimed.add(entry.id());
                            outcomes.put(entry, "ok");
                        }
                        assertThat(inbox.finish(outcomes, JdbcInbox.DONE)).isEqualTo(batch.size());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(claimed).hasSize(2000).doesNotHaveDuplicates();
        assertThat(inbox.countByState("c1")).isEqualTo(Map.of(JdbcInbox.DONE, 2000L));
    }

    @Test
    void anExpiredClaimIsTakenOverAndTheOldClaimCanNoLongerFinish() {
        inbox.add("c1", "msg_1", Instant.now(), "{}");
        InboxEntry first = inbox.claim(10, Duration.ofMillis(1)).get(0);
        JdbcInbox later = new JdbcInbox(database.dataSource(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(1)));

        List<InboxEntry> takenOver = later.claim(10, Duration.ofMinutes(1));

        assertThat(takenOver).extracting(InboxEntry::webhookId).containsExactly("msg_1");
        assertThat(takenOver.get(0).attempts()).isEqualTo(2);
        assertThat(inbox.finish(Map.of(first, "late"), JdbcInbox.DONE)).isZero();
        assertThat(later.finish(Map.of(takenOver.get(0), "ok"), JdbcInbox.DONE)).isEqualTo(1);
    }

    @Test
    void aLiveClaimIsNotTakenOver() {
        inbox.add("c1", "msg_1", Instant.now(), "{}");
        assertThat(inbox.claim(10, Duration.ofMinutes(5))).hasSize(1);

        assertThat(inbox.claim(10, Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void theSameWebhookIdOfAnotherConnectionIsAnotherEntry() {
        Instant at = Instant.now().atOffset(ZoneOffset.UTC).toInstant();
        assertThat(inbox.add("c1", "msg_1", at, "{}")).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(inbox.add("c2", "msg_1", at, "{}")).isEqualTo(JdbcInbox.Stored.STORED);
        assertThat(inbox.add("c1", "msg_1", at, "{}")).isEqualTo(JdbcInbox.Stored.DUPLICATE);
    }
}
