package dev.millwright.routes.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.millwright.routes.store.SecretSealer;
import dev.millwright.routes.testing.TestDatabase;

/** The webhook stores and outbox on a fresh H2 database, and dispatchers (each in a Camel context of its own). */
final class WebhookFixture implements AutoCloseable {

    /** Fast retries, a short timeout and a quick poll: what a test can wait for. */
    static final WebhookSettings FAST = new WebhookSettings(Duration.ofMillis(700),
            RetrySchedule.parse("0s,20ms,50ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,100ms,"
                    + "100ms,100ms,100ms,100ms,100ms,100ms"),
            Duration.ofDays(5), 4, 20, Duration.ofMillis(25), Set.of("127.0.0.1", "localhost"));

    /** Secrets in clear: sealing is the runtime's business and not what these tests are about. */
    static final SecretSealer CLEAR = new SecretSealer() {
        @Override
        public String seal(String secret) {
            return secret;
        }

        @Override
        public String open(String sealed) {
            return sealed;
        }
    };

    final TestDatabase database;
    final Clock clock = Clock.systemUTC();
    final JdbcWebhookSubscriptionStore subscriptions;
    final JdbcWebhookDeliveryStore deliveries;
    final WebhookSettings settings;
    final WebhookOutbox outbox;
    private CamelContext camel;

    WebhookFixture(WebhookSettings settings) {
        this(settings, TestDatabase.h2());
    }

    WebhookFixture(WebhookSettings settings, TestDatabase database) {
        this.database = database;
        this.settings = settings;
        this.subscriptions = new JdbcWebhookSubscriptionStore(database.dataSource(), CLEAR, clock);
        this.deliveries = new JdbcWebhookDeliveryStore(database.dataSource(), clock);
        this.outbox = new WebhookOutbox(database.dataSource(), clock, settings.retrySchedule().firstWait());
    }

    WebhookSubscription subscribe(String url, String... eventTypes) {
        return subscriptions.create(url, List.of(eventTypes), null, "test");
    }

    /** Publishes {@code test.event}-like events as {@code system.error} with a counter {@code n} in the data. */
    void publish(int n) {
        outbox.publish(EventTypes.SYSTEM_ERROR, "plant-7", JsonNodeFactory.instance.objectNode().put("n", n));
    }

    /** Starts a dispatcher in a new Camel context (a runtime node starting). */
    void startDispatcher() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new WebhookDispatcher(database.dataSource(), subscriptions, deliveries, outbox, settings,
                clock).routes());
        camel.start();
    }

    /** Stops the dispatcher's Camel context (a runtime node stopping). */
    void stopDispatcher() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    @Override
    public void close() throws Exception {
        stopDispatcher();
        database.close();
    }
}
