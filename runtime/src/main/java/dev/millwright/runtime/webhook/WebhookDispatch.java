package dev.millwright.runtime.webhook;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;

import io.quarkus.runtime.StartupEvent;

import dev.millwright.routes.webhook.JdbcWebhookDeliveryStore;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.WebhookDispatcher;
import dev.millwright.routes.webhook.WebhookOutbox;
import dev.millwright.routes.webhook.WebhookSettings;
import dev.millwright.runtime.connection.ConnectionStartup;

/**
 * Adds the webhook dispatcher route to the runtime's Camel context at start; it stops with the context (graceful
 * shutdown lets the attempts in flight finish and be recorded). Every node runs one: they share the work through
 * leases on subscriptions.
 */
@ApplicationScoped
public class WebhookDispatch {

    @Inject
    CamelContext camel;

    @Inject
    DataSource dataSource;

    @Inject
    JdbcWebhookSubscriptionStore subscriptions;

    @Inject
    JdbcWebhookDeliveryStore deliveries;

    @Inject
    WebhookOutbox outbox;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    /** After the stored connections are back: events their first syncs cause are already in the outbox. */
    void start(@Observes @Priority(ConnectionStartup.PRIORITY + 10) StartupEvent event) throws Exception {
        camel.addRoutes(new WebhookDispatcher(dataSource, subscriptions, deliveries, outbox, settings, clock).routes());
    }
}
