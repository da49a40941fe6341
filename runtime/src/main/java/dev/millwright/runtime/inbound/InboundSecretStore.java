package dev.millwright.runtime.inbound;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.millwright.routes.inbound.InboundWebhookIntake;
import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.runtime.connection.SecretBox;

/**
 * The inbound webhook secrets of the connections ({@code mw_inbound_secret}), sealed at rest. A new secret replaces
 * the previous one at once: from then on only the new one verifies.
 */
@ApplicationScoped
public class InboundSecretStore implements InboundWebhookIntake.InboundSecrets {

    @Inject
    DataSource dataSource;

    @Inject
    SecretBox box;

    @Inject
    Clock clock;

    /** Generates the connection's new inbound secret ({@code whsec_...}), replacing any previous one. */
    public String issue(String connectionId) {
        String secret = WebhookSecrets.generate();
        String sealed = box.seal(secret);
        Jdbc.inTransaction(dataSource, "store the inbound secret of connection '" + connectionId + "'", connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mw_inbound_secret SET secret = ?, created_at = ? WHERE connection_id = ?")) {
                update.setString(1, sealed);
                Jdbc.setInstant(update, 2, clock.instant());
                update.setString(3, connectionId);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mw_inbound_secret (connection_id, secret, created_at) VALUES (?, ?, ?)")) {
                insert.setString(1, connectionId);
                insert.setString(2, sealed);
                Jdbc.setInstant(insert, 3, clock.instant());
                return insert.executeUpdate();
            }
        });
        return secret;
    }

    /** The inbound secret of a connection that exists and is not disconnected. */
    @Override
    public Optional<String> secretOf(String connectionId) {
        if (connectionId == null || connectionId.length() > 64) {
            return Optional.empty();
        }
        String sealed = Jdbc.withConnection(dataSource, "read the inbound secret", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT s.secret FROM mw_inbound_secret s"
                    + " JOIN mw_connection c ON c.id = s.connection_id"
                    + " WHERE s.connection_id = ? AND c.disconnected_at IS NULL")) {
                select.setString(1, connectionId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getString(1) : null;
                }
            }
        });
        return Optional.ofNullable(sealed).map(box::open);
    }

    /** The connection's secret, issuing one when it has none (connections the runtime itself defines, the demo's). */
    public String ensure(String connectionId) {
        return secretOf(connectionId).orElseGet(() -> issue(connectionId));
    }
}
