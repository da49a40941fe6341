package dev.millwright.runtime.connection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.WebhookOutbox;

/**
 * The status of {@code mw_connection} as a state machine. A change is a compare-and-set on the row (locked first),
 * committed in one transaction with its events in the webhook outbox: however many syncs, writes and health checks
 * observe the same failure at once, on one node or several, one of them changes the status and one set of events
 * is written. Also keeps what the health checks saw (last checked, last success, last error).
 */
@Singleton
public class ConnectionStatusStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 2000;

    private final DataSource dataSource;
    private final WebhookOutbox outbox;
    private final Clock clock;

    @Inject
    public ConnectionStatusStore(DataSource dataSource, WebhookOutbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Changes the status unless it is {@code status} already or the connection is disconnected (or unknown). Emits
     * {@code connection.status_changed}, plus {@code connection.auth_required} entering auth_required and
     * {@code connection.disconnected} entering disconnected, in the same transaction.
     */
    public Optional<StatusTransition> transition(String connectionId, ConnectionStatus status, String reason) {
        String why = truncate(reason);
        return Jdbc.inTransaction(dataSource, "change the status of connection " + connectionId, tx -> {
            ConnectionStatus previous;
            try (PreparedStatement select = tx.prepareStatement(
                    "SELECT status FROM mw_connection WHERE id = ? FOR UPDATE")) {
                select.setString(1, connectionId);
                try (ResultSet row = select.executeQuery()) {
                    previous = row.next() ? ConnectionStatus.fromValue(row.getString(1)) : null;
                }
            }
            if (previous == null || previous == status || previous == ConnectionStatus.DISCONNECTED) {
                return Optional.<StatusTransition>empty();
            }
            Instant at = clock.instant();
            boolean disconnecting = status == ConnectionStatus.DISCONNECTED;
            try (PreparedStatement update = tx.prepareStatement("UPDATE mw_connection SET status = ?,"
                    + " status_reason = ?, status_changed_at = ?, updated_at = ?"
                    + (disconnecting ? ", disconnected_at = ?" : ", disconnected_at = disconnected_at")
                    + " WHERE id = ? AND status = ?")) {
                int i = 1;
                update.setString(i++, status.value());
                update.setString(i++, why);
                Jdbc.setInstant(update, i++, at);
                Jdbc.setInstant(update, i++, at);
                if (disconnecting) {
                    Jdbc.setInstant(update, i++, at);
                }
                update.setString(i++, connectionId);
                update.setString(i, previous.value());
                if (update.executeUpdate() != 1) {
                    return Optional.<StatusTransition>empty();
                }
            }
            StatusTransition transition = new StatusTransition(connectionId, previous, status, why, at);
            ObjectNode data = data(transition);
            outbox.publish(tx, EventTypes.CONNECTION_STATUS_CHANGED, connectionId, data);
            if (status == ConnectionStatus.AUTH_REQUIRED) {
                outbox.publish(tx, EventTypes.CONNECTION_AUTH_REQUIRED, connectionId, data);
            } else if (disconnecting) {
                outbox.publish(tx, EventTypes.CONNECTION_DISCONNECTED, connectionId, data);
            }
            return Optional.of(transition);
        });
    }

    /**
     * Records a health check: {@code error} null for a success. An {@code unexpected} failure (neither refused
     * credentials nor an unreachable source: the check itself went wrong) emits {@code system.error}, once per
     * distinct error in a row, so a check failing the same way every minute does not flood the subscribers.
     * Answers whether the error differs from the previous check's.
     */
    public boolean recordCheck(String connectionId, String error, boolean unexpected) {
        String text = truncate(error);
        return Jdbc.inTransaction(dataSource, "record the health check of connection " + connectionId, tx -> {
            String previousError;
            try (PreparedStatement select = tx.prepareStatement(
                    "SELECT last_check_error FROM mw_connection WHERE id = ? FOR UPDATE")) {
                select.setString(1, connectionId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    previousError = row.getString(1);
                }
            }
            Instant at = clock.instant();
            try (PreparedStatement update = tx.prepareStatement(text == null
                    ? "UPDATE mw_connection SET last_checked_at = ?, last_success_at = ?, last_check_error = NULL"
                            + " WHERE id = ?"
                    : "UPDATE mw_connection SET last_checked_at = ?, last_check_error = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, at);
                if (text == null) {
                    Jdbc.setInstant(update, 2, at);
                } else {
                    update.setString(2, text);
                }
                update.setString(3, connectionId);
                update.executeUpdate();
            }
            boolean changed = !Objects.equals(previousError, text);
            if (unexpected && changed) {
                ObjectNode data = JSON.createObjectNode()
                        .put("connection_id", connectionId)
                        .put("source", "connection.health_check")
                        .put("error", text)
                        .put("at", at.toString());
                outbox.publish(tx, EventTypes.SYSTEM_ERROR, connectionId, data);
            }
            return changed;
        });
    }

    /** What the health checks saw of a connection ({@link ConnectionHealth#NEVER_CHECKED} when unknown). */
    public ConnectionHealth health(String connectionId) {
        return Jdbc.withConnection(dataSource, "read the health of connection " + connectionId, jdbc -> {
            try (PreparedStatement select = jdbc.prepareStatement("SELECT last_checked_at, last_success_at,"
                    + " last_check_error, status_changed_at FROM mw_connection WHERE id = ?")) {
                select.setString(1, connectionId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return ConnectionHealth.NEVER_CHECKED;
                    }
                    return new ConnectionHealth(Jdbc.getInstant(row, "last_checked_at"),
                            Jdbc.getInstant(row, "last_success_at"), row.getString("last_check_error"),
                            Jdbc.getInstant(row, "status_changed_at"));
                }
            }
        });
    }

    /** A connection's status and why, without its settings or credentials. */
    public record StatusRow(String connectionId, ConnectionStatus status, String reason) {
    }

    /** Every connection's status (cheap: nothing is decrypted), for probes that run every few seconds. */
    public List<StatusRow> statuses() {
        return Jdbc.withConnection(dataSource, "read the connection statuses", jdbc -> {
            try (PreparedStatement select = jdbc.prepareStatement(
                    "SELECT id, status, status_reason FROM mw_connection ORDER BY created_at, id");
                    ResultSet row = select.executeQuery()) {
                List<StatusRow> rows = new ArrayList<>();
                while (row.next()) {
                    rows.add(new StatusRow(row.getString(1), ConnectionStatus.fromValue(row.getString(2)),
                            row.getString(3)));
                }
                return rows;
            }
        });
    }

    /** The payload of the status events: connection id, previous status, status, reason, at. */
    static ObjectNode data(StatusTransition transition) {
        return JSON.createObjectNode()
                .put("connection_id", transition.connectionId())
                .put("previous", transition.previous().value())
                .put("status", transition.status().value())
                .put("reason", transition.reason())
                .put("at", transition.at().toString());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
