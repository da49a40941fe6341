package dev.millwright.routes.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import javax.sql.DataSource;

import dev.millwright.routes.store.Jdbc;

/**
 * The versions the inbox worker compares a notification with: the canonical store's stored version of the record
 * ({@code mw_record}) and the newest version a notification announced and the worker acted on
 * ({@code mw_inbound_version}).
 */
final class InboundVersions {

    /** A known version of a record. */
    record Known(String version, Instant changedAt, String webhookId) {
    }

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;

    InboundVersions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version the canonical store holds, or null when the record is not stored. */
    Known stored(String canonicalId) {
        return Jdbc.withConnection(dataSource, "read the stored version of " + canonicalId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT remote_version, modified_at FROM mw_record WHERE id = ?")) {
                Jdbc.setId(select, 1, canonicalId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Known(row.getString(1), Jdbc.getInstant(row, "modified_at"), null) : null;
                }
            }
        });
    }

    /** The newest version announced and acted on, or null. */
    Known announced(String connectionId, String entity, String remoteId) {
        return Jdbc.withConnection(dataSource, "read the announced version", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT version, changed_at, webhook_id"
                    + " FROM mw_inbound_version WHERE connection_id = ? AND entity = ? AND remote_id = ?")) {
                select.setString(1, connectionId);
                select.setString(2, entity);
                select.setString(3, remoteId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Known(row.getString(1), Jdbc.getInstant(row, "changed_at"),
                            row.getString(3)) : null;
                }
            }
        });
    }

    /** Records the notification's version unless a newer one is recorded already (checked under a row lock). */
    void recordIfNewer(String connectionId, ChangeNotification notification, String webhookId, Instant now) {
        for (int attempt = 0; ; attempt++) {
            try {
                Jdbc.inTransaction(dataSource, "record the announced version", connection -> {
                    record(connection, connectionId, notification, webhookId, now);
                    return null;
                });
                return;
            } catch (RuntimeException e) {
                // two workers inserting the first version of one record: the loser retries as an update
                if (attempt > 0 || !(e.getCause() instanceof SQLException sql)
                        || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static void record(Connection connection, String connectionId, ChangeNotification notification,
            String webhookId, Instant now) throws SQLException {
        String entity = notification.entity().entityName();
        try (PreparedStatement select = connection.prepareStatement("SELECT version, changed_at FROM"
                + " mw_inbound_version WHERE connection_id = ? AND entity = ? AND remote_id = ? FOR UPDATE")) {
            select.setString(1, connectionId);
            select.setString(2, entity);
            select.setString(3, notification.remoteId());
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    if (!notification.isNewerThan(row.getString(1), Jdbc.getInstant(row, "changed_at"))) {
                        return;
                    }
                    try (PreparedStatement update = connection.prepareStatement("UPDATE mw_inbound_version SET"
                            + " version = ?, changed_at = ?, webhook_id = ?, processed_at = ?"
                            + " WHERE connection_id = ? AND entity = ? AND remote_id = ?")) {
                        fill(update, notification, webhookId, now);
                        update.setString(5, connectionId);
                        update.setString(6, entity);
                        update.setString(7, notification.remoteId());
                        update.executeUpdate();
                    }
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_inbound_version (version,"
                + " changed_at, webhook_id, processed_at, connection_id, entity, remote_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            fill(insert, notification, webhookId, now);
            insert.setString(5, connectionId);
            insert.setString(6, entity);
            insert.setString(7, notification.remoteId());
            insert.executeUpdate();
        }
    }

    private static void fill(PreparedStatement statement, ChangeNotification notification, String webhookId,
            Instant now) throws SQLException {
        statement.setString(1, notification.version());
        Jdbc.setInstant(statement, 2, notification.changedAt());
        statement.setString(3, webhookId);
        Jdbc.setInstant(statement, 4, now);
    }
}
