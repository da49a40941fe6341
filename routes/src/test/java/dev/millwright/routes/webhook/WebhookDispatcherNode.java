package dev.millwright.routes.webhook;

import java.nio.file.Path;
import java.time.Clock;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;

import dev.millwright.routes.testing.TestDatabase;

/**
 * A runtime node that only dispatches webhooks, in a process of its own, so that a test can kill it (SIGKILL: no
 * shutdown, nothing flushed) in the middle of its deliveries. Argument: the H2 database file.
 */
public final class WebhookDispatcherNode {

    private WebhookDispatcherNode() {
    }

    public static void main(String[] args) throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(TestDatabase.h2FileUrl(Path.of(args[0])));
        Clock clock = Clock.systemUTC();
        WebhookSettings settings = WebhookFixture.FAST;
        JdbcWebhookSubscriptionStore subscriptions = new JdbcWebhookSubscriptionStore(dataSource,
                WebhookFixture.CLEAR, clock);
        JdbcWebhookDeliveryStore deliveries = new JdbcWebhookDeliveryStore(dataSource, clock);
        WebhookOutbox outbox = new WebhookOutbox(dataSource, clock, settings.retrySchedule().firstWait());
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new WebhookDispatcher(dataSource, subscriptions, deliveries, outbox, settings, clock)
                .routes());
        camel.start();
        Thread.currentThread().join();
    }
}
