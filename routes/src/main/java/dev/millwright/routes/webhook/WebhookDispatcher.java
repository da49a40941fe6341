package dev.millwright.routes.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.routes.store.Jdbc;

/**
 * The webhook dispatcher route {@value #ROUTE_ID}: every poll interval it leases the subscriptions whose oldest pending
 * delivery is due (as many as it has free delivery threads) and hands each to a pool of {@code concurrency} threads,
 * so one slow receiver holds one thread and never the others.
 *
 * <pre>
 * timer ─► claim subscriptions (lease, FOR UPDATE SKIP LOCKED) ─► split ─► wireTap (pool) ─► {@value #DELIVER}
 * {@value #DELIVER}: due deliveries in event order ─► target policy ─► sign ─► POST ─► record attempt and outcome
 * </pre>
 *
 * A subscription's deliveries go one at a time in event-sequence order; its batch stops at the first failure, so the
 * events after it wait for the retry. 2xx: delivered. 410 Gone, or failing longer than {@code disableAfter}: the
 * subscription is disabled, its pending deliveries become dead (replayable) and the other subscriptions receive
 * {@code webhook.disabled}. Otherwise the delivery is retried per the {@link RetrySchedule} (a longer
 * {@code Retry-After} wins) and becomes dead when the schedule is exhausted. Delivery is at least once: an attempt
 * whose 2xx could not be recorded (the process died in between) is sent again with the same {@code webhook-id}.
 */
public final class WebhookDispatcher {

    public static final String ROUTE_ID = "millwright-webhook-dispatcher";
    public static final String DELIVER_ROUTE_ID = "millwright-webhook-deliver";
    public static final String DELIVER = "direct:millwright-webhook-deliver";
    /** Batches one lease delivers at most before the subscription goes back to the queue (fairness). */
    private static final int BATCHES_PER_LEASE = 20;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DataSource dataSource;
    private final JdbcWebhookSubscriptionStore subscriptions;
    private final JdbcWebhookDeliveryStore deliveries;
    private final WebhookOutbox outbox;
    private final WebhookSettings settings;
    private final WebhookTargetPolicy policy;
    private final WebhookSender sender;
    private final Clock clock;
    private final String owner = "dispatcher-" + UUID.randomUUID();
    private final AtomicInteger busy = new AtomicInteger();

    public WebhookDispatcher(DataSource dataSource, JdbcWebhookSubscriptionStore subscriptions,
            JdbcWebhookDeliveryStore deliveries, WebhookOutbox outbox, WebhookSettings settings, Clock clock) {
        this.dataSource = dataSource;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.settings = settings;
        this.policy = new WebhookTargetPolicy(settings.allowedHttpHosts());
        this.sender = new WebhookSender(settings.timeout());
        this.clock = clock;
    }

    /**
     * The routes to add to a Camel context ({@code context.addRoutes(dispatcher.routes())}). Not a public
     * {@code RouteBuilder} class of its own: Camel Quarkus would discover it and try to build it without its stores.
     */
    public RoutesBuilder routes() {
        return new DispatchRoutes();
    }

    private final class DispatchRoutes extends RouteBuilder {
        @Override
        public void configure() {
            ExecutorService pool = getContext().getExecutorServiceManager().newFixedThreadPool(this,
                    "millwright-webhook-delivery", settings.concurrency());
            long poll = Math.max(1, settings.pollInterval().toMillis());
            from("timer:" + ROUTE_ID + "?period=" + poll + "&delay=" + poll)
                    .routeId(ROUTE_ID)
                    .process(WebhookDispatcher.this::claim)
                    .split(body())
                        .wireTap(DELIVER).executorService(pool)
                    .end();
            from(DELIVER)
                    .routeId(DELIVER_ROUTE_ID)
                    .process(exchange -> deliver(exchange.getMessage().getBody(String.class), exchange.getContext()));
        }
    }

    /** Leases as many subscriptions with due deliveries as there are free delivery threads. */
    private void claim(Exchange exchange) {
        int free = settings.concurrency() - busy.get();
        List<String> claimed = free <= 0 || exchange.getContext().isStopping() ? List.of()
                : deliveries.claimSubscriptions(owner, free, settings.lease());
        busy.addAndGet(claimed.size());
        exchange.getMessage().setBody(claimed);
    }

    /** Delivers the due deliveries of one leased subscription in order, then gives the lease back. */
    void deliver(String subscriptionId, CamelContext camel) throws InterruptedException {
        Delivered delivered = null;
        try {
            Instant failingSince = null;
            Lease lease = new Lease(clock.instant());
            for (int batch = 0; batch < BATCHES_PER_LEASE; batch++) {
                // read again for every batch: a rotation or a disable made meanwhile counts
                Optional<WebhookSubscription> found = subscriptions.find(subscriptionId);
                if (found.isEmpty() || !found.get().active()) {
                    return;
                }
                WebhookSubscription subscription = found.get();
                if (batch == 0) {
                    failingSince = subscription.failingSince();
                    lease.storedFailingSince = failingSince;
                }
                List<JdbcWebhookDeliveryStore.Due> due = deliveries.due(subscriptionId, settings.batchSize());
                if (due.isEmpty()) {
                    return;
                }
                delivered = new Delivered(subscription, lease);
                for (JdbcWebhookDeliveryStore.Due delivery : due) {
                    if (camel.isStopping() || camel.isStopped()) {
                        return;
                    }
                    Instant at = clock.instant();
                    WebhookSender.Answer answer = send(subscription, delivery, at);
                    if (answer.success()) {
                        failingSince = null;
                        delivered.add(delivery, at, answer);
                        continue;
                    }
                    if (!delivered.flush()) {
                        return;
                    }
                    if (failingSince == null) {
                        failingSince = at;
                    }
                    settleFailure(subscription, delivery, at, answer, failingSince, lease);
                    return;
                }
                if (!delivered.flush()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivering the webhooks of subscription {} failed: {}", subscriptionId, e.getMessage(), e);
        } finally {
            try {
                if (delivered != null) {
                    // what was delivered is recorded even when the dispatcher stops or fails meanwhile
                    delivered.flush();
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot record the delivered webhooks of subscription {}: {}", subscriptionId,
                        e.getMessage());
            } finally {
                busy.decrementAndGet();
                try {
                    deliveries.release(subscriptionId, owner);
                } catch (RuntimeException e) {
                    // the lease expires by itself
                    LOG.warn("Cannot release webhook subscription {}: {}", subscriptionId, e.getMessage());
                }
            }
        }
    }

    /**
     * The successful attempts of one batch, recorded together in one transaction when the batch ends or a failure
     * comes: a receiver answering 2xx costs one transaction per batch, not one per event. Should the process die
     * before that commit, those events are sent again (same webhook-id): delivery is at least once.
     */
    private final class Delivered {
        private final WebhookSubscription subscription;
        private final Lease lease;
        private final List<JdbcWebhookDeliveryStore.Due> due = new ArrayList<>();
        private final List<Instant> times = new ArrayList<>();
        private final List<WebhookSender.Answer> answers = new ArrayList<>();

        Delivered(WebhookSubscription subscription, Lease lease) {
            this.subscription = subscription;
            this.lease = lease;
        }

        void add(JdbcWebhookDeliveryStore.Due delivery, Instant at, WebhookSender.Answer answer) {
            due.add(delivery);
            times.add(at);
            answers.add(answer);
        }

        /** Records the successes so far; answers whether the lease is still this dispatcher's. */
        boolean flush() {
            if (due.isEmpty()) {
                return true;
            }
            Instant last = times.get(times.size() - 1);
            boolean kept = Jdbc.inTransaction(dataSource, "record " + due.size() + " webhook deliveries", connection -> {
                deliveries.recordDelivered(connection, subscription.id(), due, times, answers);
                // a healthy receiver's lease is renewed once half of it has passed
                if (lease.storedFailingSince == null
                        && last.isBefore(lease.renewedAt.plus(settings.lease().dividedBy(2)))) {
                    return true;
                }
                return renew(connection, subscription, lease, last, null);
            });
            due.clear();
            times.clear();
            answers.clear();
            return kept;
        }
    }

    private WebhookSender.Answer send(WebhookSubscription subscription, JdbcWebhookDeliveryStore.Due delivery,
            Instant at) throws InterruptedException {
        URI target;
        try {
            // checked before every attempt: the host may resolve elsewhere than when the subscription was made
            target = policy.checkBeforeSending(subscription.url());
        } catch (WebhookTargetRefusedException refused) {
            return new WebhookSender.Answer(0, null, 0, "refused to send: " + refused.getMessage());
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = Map.of(
                WebhookSignature.ID_HEADER, delivery.eventId(),
                WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp),
                WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(subscription.signingSecrets(at),
                        delivery.eventId(), timestamp, body));
        return sender.post(target, headers, body);
    }

    /**
     * Records a failed attempt and what it led to (a retry, a dead delivery, a disabled subscription) in one
     * transaction; answers whether the lease is still this dispatcher's and the subscription still active.
     */
    private boolean settleFailure(WebhookSubscription subscription, JdbcWebhookDeliveryStore.Due delivery, Instant at,
            WebhookSender.Answer answer, Instant failingSince, Lease lease) {
        Integer status = answer.statusCode() == 0 ? null : answer.statusCode();
        int attempts = delivery.attempts() + 1;
        return Jdbc.inTransaction(dataSource, "record a webhook attempt", connection -> {
            deliveries.addAttempt(connection, delivery.deliveryId(), subscription.id(), at, status,
                    answer.latencyMillis(), answer.error());
            if (answer.statusCode() == 410) {
                deliveries.recordOutcome(connection, delivery.deliveryId(), WebhookDelivery.DEAD, attempts, null,
                        status, answer.error());
                disable(connection, subscription, "the receiver answered 410 Gone");
                return false;
            }
            Optional<Duration> wait = settings.retrySchedule().nextWait(attempts, retryAfter(answer.retryAfter(), at));
            if (wait.isPresent()) {
                deliveries.recordOutcome(connection, delivery.deliveryId(), WebhookDelivery.PENDING, attempts,
                        at.plus(wait.get()), status, answer.error());
            } else {
                deliveries.recordOutcome(connection, delivery.deliveryId(), WebhookDelivery.DEAD, attempts, null,
                        status, answer.error());
            }
            if (Duration.between(failingSince, at).compareTo(settings.disableAfter()) >= 0) {
                disable(connection, subscription, "the receiver has been failing since " + failingSince);
                return false;
            }
            return renew(connection, subscription, lease, at, failingSince);
        });
    }

    private boolean renew(Connection connection, WebhookSubscription subscription, Lease lease, Instant at,
            Instant failingSince) throws SQLException {
        boolean renewed = deliveries.renew(connection, subscription.id(), owner, settings.lease(), failingSince);
        lease.renewedAt = at;
        lease.storedFailingSince = failingSince;
        return renewed;
    }

    /** What this dispatcher last stored on its lease of a subscription. */
    private static final class Lease {
        Instant renewedAt;
        Instant storedFailingSince;

        Lease(Instant renewedAt) {
            this.renewedAt = renewedAt;
        }
    }

    /** Disables a subscription, kills its pending deliveries and tells the other subscriptions. */
    private void disable(Connection connection, WebhookSubscription subscription, String reason)
            throws SQLException {
        if (!subscriptions.disable(connection, subscription.id(), reason)) {
            return;
        }
        int killed = deliveries.killPending(connection, subscription.id(), "the subscription was disabled: " + reason);
        ObjectNode data = JsonNodeFactory.instance.objectNode()
                .put("subscription_id", subscription.id())
                .put("url", subscription.url())
                .put("reason", reason)
                .put("disabled_at", clock.instant().toString())
                .put("pending_deliveries_killed", killed);
        outbox.publish(connection, EventTypes.WEBHOOK_DISABLED, null, data, subscription.id());
        LOG.warn("Webhook subscription {} ({}) is disabled: {}", subscription.id(), subscription.url(), reason);
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant when = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return when.isAfter(now) ? Duration.between(now, when) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** The id this dispatcher's leases carry. */
    public String owner() {
        return owner;
    }
}
