package dev.millwright.routes.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.millwright.routes.testing.TestDatabase;

/**
 * The dispatcher against real HTTP receivers that fail the ways receivers fail: every event is delivered exactly
 * once (by webhook id, among the 2xx answers) and in event order per subscription, across a restart too. H2 here;
 * PostgreSQL in the subclass.
 */
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Pattern N = Pattern.compile("\"n\":(\\d+)");

    private WebhookFixture fixture;
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    protected TestDatabase createDatabase() {
        return TestDatabase.h2();
    }

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        receivers.forEach(WebhookReceiver::close);
    }

    private WebhookReceiver receiver(WebhookReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    @Test
    void aReceiverDownThenSlowThenFailingGetsEveryEventOnceAndInOrderAfterItRecovers() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST, createDatabase());
        WebhookReceiver receiver = receiver(WebhookReceiver.down());
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        fixture.startDispatcher();

        for (int n = 0; n < 10; n++) {
            fixture.publish(n);
        }
        // down: nothing listens; attempts fail and are recorded with the error
        await().atMost(PATIENCE).until(() -> attempts(subscription) >= 3);
        assertThat(fixture.deliveries.deliveries(subscription.id(), null, 100).stream()
                .flatMap(d -> d.attemptLog().stream())).allMatch(a -> a.statusCode() == null && a.error() != null);

        // then slow beyond the timeout (2 requests), then 500 (3 requests), then well
        receiver.answer(n -> n < 2 ? new WebhookReceiver.Answer(503, 2_000, Map.of())
                : n < 5 ? WebhookReceiver.Answer.status(500) : WebhookReceiver.Answer.status(204));
        receiver.up();
        for (int n = 10; n < 30; n++) {
            fixture.publish(n);
        }

        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 30
                && fixture.deliveries.count(subscription.id(), WebhookDelivery.PENDING) == 0);
        assertExactlyOnceInOrder(receiver, 30);
        // the slow answers come last: the dispatcher gave up on them long before
        await().atMost(PATIENCE).until(() -> receiver.received().stream().filter(r -> r.status() == 503).count() == 2);
        assertThat(receiver.received().stream().filter(r -> r.status() == 500).count()).isEqualTo(3);
        // the first event held the others back, with the same webhook-id on every attempt
        String first = receiver.delivered().get(0).id();
        assertThat(receiver.received().stream().filter(r -> !r.success())).allMatch(r -> r.id().equals(first));
        assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.DELIVERED)).isEqualTo(30);
        WebhookDelivery firstDelivery = fixture.deliveries.deliveries(subscription.id(), null, 100).stream()
                .filter(d -> d.eventId().equals(first)).findFirst().orElseThrow();
        assertThat(firstDelivery.attemptLog()).hasSizeGreaterThanOrEqualTo(9);
        assertThat(firstDelivery.attemptLog().get(0).statusCode()).isEqualTo(204);
        assertThat(firstDelivery.attemptLog()).anyMatch(a -> a.error() != null && a.error().contains("no answer"));
        assertThat(fixture.subscriptions.find(subscription.id()).orElseThrow().failingSince()).isNull();
    }

    @Test
    void aGoneReceiverDisablesItsSubscriptionAndTheOthersAreTold() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST, createDatabase());
        WebhookReceiver gone = receiver(WebhookReceiver.start());
        WebhookReceiver watcher = receiver(WebhookReceiver.start());
        WebhookSubscription subscription = fixture.subscribe(gone.url(), EventTypes.SYSTEM_ERROR);
        fixture.subscribe(watcher.url(), EventTypes.WEBHOOK_DISABLED);
        gone.answer(n -> WebhookReceiver.Answer.status(n == 0 ? 204 : 410));
        for (int n = 0; n < 5; n++) {
            fixture.publish(n);
        }

        fixture.startDispatcher();

        await().atMost(PATIENCE).until(() -> !fixture.subscriptions.find(subscription.id()).orElseThrow().active());
        WebhookSubscription disabled = fixture.subscriptions.find(subscription.id()).orElseThrow();
        assertThat(disabled.disabledReason()).contains("410");
        assertThat(gone.received()).hasSize(2);
        assertThat(gone.delivered()).hasSize(1);
        assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.DEAD)).isEqualTo(4);
        assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.PENDING)).isZero();

        WebhookReceiver.Received told = await().atMost(PATIENCE)
                .until(() -> watcher.delivered().stream().findFirst().orElse(null), r -> r != null);
        assertThat(told.text()).contains("\"type\":\"webhook.disabled\"",
                "\"subscription_id\":\"" + subscription.id() + "\"");
        // a disabled subscription receives nothing more, and nobody else is told twice
        fixture.publish(5);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> gone.received().size() == 2 && watcher.received().size() == 1);

        // its dead deliveries are replayable once it is back
        gone.answer(204);
        fixture.subscriptions.enable(subscription.id());
        assertThat(fixture.deliveries.replaySince(subscription.id(), Instant.EPOCH)).isEqualTo(4);
        await().atMost(PATIENCE).until(() -> gone.delivered().size() == 5);
        assertExactlyOnceInOrder(gone, 5);
    }

    @Test
    void aSubscriptionFailingLongerThanAllowedIsDisabled() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST.withDisableAfter(Duration.ofMillis(300)),
                createDatabase());
        WebhookReceiver failing = receiver(WebhookReceiver.start());
        WebhookReceiver watcher = receiver(WebhookReceiver.start());
        failing.answer(500);
        WebhookSubscription subscription = fixture.subscribe(failing.url(), EventTypes.SYSTEM_ERROR);
        fixture.subscribe(watcher.url(), EventTypes.WEBHOOK_DISABLED);
        fixture.startDispatcher();

        fixture.publish(0);

        await().atMost(PATIENCE).until(() -> !fixture.subscriptions.find(subscription.id()).orElseThrow().active());
        assertThat(fixture.subscriptions.find(subscription.id()).orElseThrow().disabledReason())
                .contains("failing since");
        assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.DEAD)).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> watcher.delivered().size() == 1);
        assertThat(watcher.delivered().get(0).text()).contains("webhook.disabled");
    }

    @Test
    void anExhaustedDeliveryIsDeadAndReplayableAndRetryAfterIsHonoured() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST.withRetrySchedule(RetrySchedule.parse("0s,10ms,10ms")),
                createDatabase());
        WebhookReceiver receiver = receiver(WebhookReceiver.start());
        receiver.answer(n -> n == 0 ? new WebhookReceiver.Answer(503, 0, Map.of("Retry-After", "1"))
                : WebhookReceiver.Answer.status(500));
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        fixture.startDispatcher();

        fixture.publish(0);

        await().atMost(PATIENCE).until(() -> fixture.deliveries.count(subscription.id(), WebhookDelivery.DEAD) == 1);
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).hasSize(3);
        // Retry-After: 1 lengthened the 10 ms wait, up to the longest wait of the schedule (10 ms here)
        WebhookDelivery dead = fixture.deliveries.deliveries(subscription.id(), null, 10).get(0);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.lastStatus()).isEqualTo(500);
        assertThat(fixture.subscriptions.find(subscription.id()).orElseThrow().active()).isTrue();

        receiver.answer(204);
        assertThat(fixture.deliveries.replay(subscription.id(), dead.id())).isTrue();
        await().atMost(PATIENCE).until(() -> receiver.delivered().size() == 1);
        assertThat(receiver.delivered().get(0).id()).isEqualTo(attempts.get(0).id());
    }

    @Test
    void retryAfterLengthensTheWaitUpToTheLongestOfTheSchedule() {
        RetrySchedule schedule = RetrySchedule.parse("0s,5s,5m");
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        assertThat(schedule.nextWait(1, WebhookDispatcher.retryAfter("120", now))).contains(Duration.ofSeconds(120));
        assertThat(schedule.nextWait(1, WebhookDispatcher.retryAfter("3600", now))).contains(Duration.ofMinutes(5));
        assertThat(schedule.nextWait(1, WebhookDispatcher.retryAfter("Wed, 01 Jan 2025 00:01:00 GMT", now)))
                .contains(Duration.ofMinutes(1));
        assertThat(schedule.nextWait(1, WebhookDispatcher.retryAfter("soon", now))).contains(Duration.ofSeconds(5));
        assertThat(schedule.nextWait(3, null)).isEmpty();
    }

    @Test
    void oneSlowReceiverDoesNotDelayTheOthers() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST.withTimeout(Duration.ofSeconds(20)),
                createDatabase());
        WebhookReceiver slow = receiver(WebhookReceiver.start());
        WebhookReceiver fast = receiver(WebhookReceiver.start());
        slow.answer(n -> new WebhookReceiver.Answer(204, 1_000, Map.of()));
        fixture.subscribe(slow.url(), EventTypes.SYSTEM_ERROR);
        fixture.subscribe(fast.url(), EventTypes.SYSTEM_ERROR);
        fixture.startDispatcher();

        for (int n = 0; n < 20; n++) {
            fixture.publish(n);
        }

        await().atMost(PATIENCE).until(() -> fast.delivered().size() == 20);
        // the fast receiver got all twenty while the slow one (a second each) got only a few
        assertThat(slow.received().size()).isLessThan(20);
        assertExactlyOnceInOrder(fast, 20);
    }

    @Test
    void nothingIsLostOrDeliveredTwiceAcrossARestart() throws Exception {
        fixture = new WebhookFixture(WebhookFixture.FAST, createDatabase());
        WebhookReceiver receiver = receiver(WebhookReceiver.start());
        receiver.answer(n -> new WebhookReceiver.Answer(204, 5, Map.of()));
        WebhookSubscription subscription = fixture.subscribe(receiver.url(), EventTypes.SYSTEM_ERROR);
        fixture.startDispatcher();
        for (int n = 0; n < 300; n++) {
            fixture.publish(n);
        }

        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 40);
        fixture.stopDispatcher();
        int beforeRestart = receiver.delivered().size();
        assertThat(beforeRestart).isLessThan(300);
        assertThat(fixture.deliveries.count(subscription.id(), WebhookDelivery.DELIVERED)).isEqualTo(beforeRestart);
        // events keep coming while no dispatcher runs: the outbox keeps them
        for (int n = 300; n < 350; n++) {
            fixture.publish(n);
        }
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.delivered().size() == beforeRestart);

        fixture.startDispatcher();

        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 350
                && fixture.deliveries.count(subscription.id(), WebhookDelivery.PENDING) == 0);
        assertExactlyOnceInOrder(receiver, 350);
    }

    private long attempts(WebhookSubscription subscription) {
        return fixture.deliveries.deliveries(subscription.id(), null, 1000).stream()
                .mapToLong(d -> d.attemptLog().size()).sum();
    }

    /** Each of the events 0..count-1 answered 2xx exactly once, in event order. */
    private static void assertExactlyOnceInOrder(WebhookReceiver receiver, int count) {
        List<WebhookReceiver.Received> delivered = receiver.delivered();
        assertThat(delivered).hasSize(count);
        assertThat(new HashSet<>(delivered.stream().map(WebhookReceiver.Received::id).toList())).hasSize(count);
        List<Integer> order = new ArrayList<>();
        for (WebhookReceiver.Received request : delivered) {
            Matcher n = N.matcher(request.text());
            assertThat(n.find()).isTrue();
            order.add(Integer.parseInt(n.group(1)));
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            expected.add(n);
        }
        assertThat(order).isEqualTo(expected);
    }
}
