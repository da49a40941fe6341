package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.millwright.routes.testing.TestDatabase;

/**
 * Dispatchers lease subscriptions with {@code SELECT ... FOR UPDATE SKIP LOCKED}: concurrent dispatchers never lease
 * the same subscription, a live lease is respected, an expired one is taken over, and a subscription whose oldest
 * pending delivery waits for its retry is not leased (its later events wait too). H2 here; PostgreSQL in the subclass.
 */
class WebhookClaimTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private WebhookFixture fixture;

    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @BeforeEach
    void open() {
        fixture = new WebhookFixture(WebhookFixture.FAST, createDatabase());
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void concurrentDispatchersNeverLeaseTheSameSubscription() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(fixture.subscribe("https://93.184.215.14/hooks/" + i, EventTypes.SYSTEM_ERROR).id());
        }
        fixture.publish(0);

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> claims = new ArrayList<>();
            for (int owner = 0; owner < 4; owner++) {
                String name = "owner-" + owner;
                Callable<List<String>> claim = () -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < 10; round++) {
                        mine.addAll(fixture.deliveries.claimSubscriptions(name, 3, LEASE));
                    }
                    return mine;
                };
                claims.add(threads.submit(claim));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> claim : claims) {
                all.addAll(claim.get());
            }
            assertThat(new HashSet<>(all)).hasSameSizeAs(all);
            assertThat(all).containsExactlyInAnyOrderElementsOf(ids);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aLiveLeaseIsRespectedAndAnExpiredOneTakenOver() {
        String id = fixture.subscribe("https://93.184.215.14/hooks", EventTypes.SYSTEM_ERROR).id();
        fixture.publish(0);

        assertThat(fixture.deliveries.claimSubscriptions("a", 5, LEASE)).containsExactly(id);
        assertThat(fixture.deliveries.claimSubscriptions("b", 5, LEASE)).isEmpty();
        fixture.deliveries.release(id, "a");
        assertThat(fixture.deliveries.claimSubscriptions("b", 5, Duration.ofMillis(-1))).containsExactly(id);
        assertThat(fixture.deliveries.claimSubscriptions("c", 5, LEASE)).containsExactly(id);
    }

    @Test
    void aSubscriptionWhoseOldestDeliveryWaitsForItsRetryIsNotLeased() throws Exception {
        String id = fixture.subscribe("https://93.184.215.14/hooks", EventTypes.SYSTEM_ERROR).id();
        fixture.publish(0);
        fixture.publish(1);
        List<JdbcWebhookDeliveryStore.Due> due = fixture.deliveries.due(id, 10);
        assertThat(due).hasSize(2);

        // the first failed and waits an hour; the second is due, but must wait behind it
        try (var connection = fixture.database.dataSource().getConnection()) {
            fixture.deliveries.recordOutcome(connection, due.get(0).deliveryId(), WebhookDelivery.PENDING, 1,
                    java.time.Instant.now().plus(Duration.ofHours(1)), 500, "the receiver answered 500");
        }

        assertThat(fixture.deliveries.due(id, 10)).isEmpty();
        assertThat(fixture.deliveries.claimSubscriptions("a", 5, LEASE)).isEmpty();
    }
}
