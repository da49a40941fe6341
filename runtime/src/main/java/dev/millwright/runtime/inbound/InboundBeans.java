package dev.millwright.runtime.inbound;

import java.time.Clock;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.camel.CamelContext;
import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.StartupEvent;

import dev.millwright.routes.inbound.InboundSettings;
import dev.millwright.routes.inbound.InboundWebhookIntake;
import dev.millwright.routes.inbound.InboxWorker;
import dev.millwright.routes.inbound.JdbcInbox;
import dev.millwright.routes.inbound.SyncPausedException;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.webhook.WebhookOutbox;
import dev.millwright.runtime.MillwrightConfig;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.ConnectionStartup;

/**
 * Inbound webhooks on the runtime's database: the inbox, the intake behind {@code POST /inbound/{connection_id}},
 * and the inbox worker route, started once the connections are (its syncs go through {@link ConnectionService}).
 */
@ApplicationScoped
public class InboundBeans {

    private static final Logger LOG = Logger.getLogger(InboundBeans.class);

    void start(@Observes @Priority(ConnectionStartup.PRIORITY + 5) StartupEvent event, CamelContext camel,
            InboxWorker worker, InboundSettings settings) throws Exception {
        camel.addRoutes(worker.route());
        LOG.infof("Inbound webhooks: POST /inbound/{connection_id}; the inbox is processed every %d ms",
                settings.pollInterval().toMillis());
    }

    @Produces
    @Singleton
    @Unremovable
    InboundSettings inboundSettings(MillwrightConfig config) {
        MillwrightConfig.Inbound inbound = config.inbound();
        return new InboundSettings(inbound.tolerance(), inbound.maxBodySize(), inbound.pollInterval(),
                inbound.batchSize(), inbound.claimTimeout());
    }

    @Produces
    @Singleton
    @Unremovable
    JdbcInbox inbox(DataSource dataSource, Clock clock) {
        return new JdbcInbox(dataSource, clock);
    }

    @Produces
    @Singleton
    @Unremovable
    InboundWebhookIntake intake(JdbcInbox inbox, InboundSecretStore secrets, InboundSettings settings, Clock clock) {
        return new InboundWebhookIntake(inbox, secrets, settings, clock);
    }

    /** A notification's sync is the connection's own incremental sync of the entity, run now. */
    @Produces
    @Singleton
    @Unremovable
    InboxWorker inboxWorker(JdbcInbox inbox, DataSource dataSource, JdbcDeadLetterStore deadLetters,
            JdbcSyncRunStore syncRuns, WebhookOutbox outbox, ConnectionService connections, InboundSettings settings,
            Clock clock) {
        return new InboxWorker(inbox, dataSource, deadLetters, syncRuns, outbox, (connectionId, entity) -> {
            Connection connection = connections.get(connectionId);
            if (connection.isDisconnected() || !connection.syncsRun()) {
                throw new SyncPausedException("the syncs of connection '" + connectionId + "' are paused ("
                        + (connection.suspended() ? "suspended" : connection.status().value())
                        + "); the first sync after resuming reads this change");
            }
            connections.syncNow(connectionId, entity, false);
        }, settings, clock);
    }
}
