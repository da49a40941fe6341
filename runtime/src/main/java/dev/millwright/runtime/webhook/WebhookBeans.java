package dev.millwright.runtime.webhook;

import java.time.Clock;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;

import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.webhook.JdbcWebhookDeliveryStore;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.RetrySchedule;
import dev.millwright.routes.webhook.WebhookOutbox;
import dev.millwright.routes.webhook.WebhookSettings;
import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.connection.ConnectionStartup;
import dev.millwright.runtime.connection.SecretBox;

/**
 * The webhook stores and the outbox, on the runtime's database. The outbox is registered with the canonical store
 * and the sync-run store here, so every change they commit carries its events in the same transaction.
 */
@ApplicationScoped
public class WebhookBeans {

    /** The outbox is in place before any connection starts syncing. */
    void start(@Observes @Priority(ConnectionStartup.PRIORITY - 10) StartupEvent event, WebhookOutbox outbox) {
        // injecting the outbox registers it with the stores
    }

    @Produces
    @Singleton
    @Unremovable
    WebhookSettings webhookSettings(MillwrightConfig config) {
        MillwrightConfig.Webhooks webhooks = config.webhooks();
        return new WebhookSettings(webhooks.timeout(), RetrySchedule.parse(webhooks.retrySchedule()),
                webhooks.disableAfter(), webhooks.concurrency(), WebhookSettings.DEFAULTS.batchSize(),
                webhooks.pollInterval(), Set.copyOf(webhooks.allowedHttpHosts()));
    }

    @Produces
    @Singleton
    @Unremovable
    JdbcWebhookSubscriptionStore subscriptions(DataSource dataSource, SecretBox box, Clock clock) {
        // signing secrets are sealed with the same key as source credentials
        return new JdbcWebhookSubscriptionStore(dataSource, box, clock);
    }

    @Produces
    @Singleton
    @Unremovable
    JdbcWebhookDeliveryStore deliveries(DataSource dataSource, Clock clock) {
        return new JdbcWebhookDeliveryStore(dataSource, clock);
    }

    @Produces
    @Singleton
    @Unremovable
    WebhookOutbox outbox(DataSource dataSource, Clock clock, WebhookSettings settings,
            JdbcCanonicalStore canonicalStore, JdbcSyncRunStore syncRuns) {
        WebhookOutbox outbox = new WebhookOutbox(dataSource, clock, settings.retrySchedule().firstWait());
        canonicalStore.setOutbox(outbox);
        syncRuns.setOutbox(outbox);
        return outbox;
    }
}
