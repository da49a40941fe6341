package dev.millwright.runtime.connection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.millwright.routes.store.Jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The connections table ({@code mw_connection}); secrets are sealed by the {@link SecretBox} on the way in. */
@ApplicationScoped
public class JdbcConnectionStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Map<String, String>>> NESTED = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final SecretBox secretBox;

    @Inject
    public JdbcConnectionStore(DataSource dataSource, SecretBox secretBox) {
        this.dataSource = dataSource;
        this.secretBox = secretBox;
    }

    public void insert(dev.millwright.runtime.connection.Connection connection, String tokenHash) {
        run("store connection " + connection.id(), jdbc -> {
            try (PreparedStatement insert = jdbc.prepareStatement("INSERT INTO mw_connection (id, system, name,"
                    + " status, status_reason, settings, secrets, schedules, custom_fields, token_hash, suspended,"
                    + " created_at, updated_at, disconnected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, connection.id());
                insert.setString(2, connection.system());
                insert.setString(3, connection.name());
                bindMutable(insert, 4, connection);
                insert.setString(10, tokenHash);
                insert.setBoolean(11, connection.suspended());
                insert.setObject(12, utc(connection.createdAt()));
                insert.setObject(13, utc(connection.updatedAt()));
                insert.setObject(14, utc(connection.disconnectedAt()));
                return insert.executeUpdate();
            }
        });
    }

    /** Saves everything but the id, system, creation time and token. */
    public void update(dev.millwright.runtime.connection.Connection connection) {
        run("update connection " + connection.id(), jdbc -> {
            try (PreparedStatement update = jdbc.prepareStatement("UPDATE mw_connection SET status = ?,"
                    + " status_reason = ?, settings = ?, secrets = ?, schedules = ?, custom_fields = ?, name = ?,"
                    + " suspended = ?, updated_at = ?, disconnected_at = ? WHERE id = ?")) {
                bindMutable(update, 1, connection);
                update.setString(7, connection.name());
                update.setBoolean(8, connection.suspended());
                update.setObject(9, utc(connection.updatedAt()));
                update.setObject(10, utc(connection.disconnectedAt()));
                update.setString(11, connection.id());
                return update.executeUpdate();
            }
        });
    }

    public void replaceToken(String connectionId, String tokenHash) {
        run("replace the token of connection " + connectionId, jdbc -> {
            try (PreparedStatement update = jdbc.prepareStatement(
                    "UPDATE mw_connection SET token_hash = ? WHERE id = ?")) {
                update.setString(1, tokenHash);
                update.setString(2, connectionId);
                return update.executeUpdate();
            }
        });
    }

    public Optional<dev.millwright.runtime.connection.Connection> find(String id) {
        return query("SELECT * FROM mw_connection WHERE id = ?", id).stream().findFirst();
    }

    /** The connection a token belongs to, if any. */
    public Optional<TokenOwner> findByTokenHash(String tokenHash) {
        return run("look a token up", jdbc -> {
            try (PreparedStatement select = jdbc.prepareStatement(
                    "SELECT id, token_hash FROM mw_connection WHERE token_hash = ?")) {
                select.setString(1, tokenHash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new TokenOwner(row.getString(1), row.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    public List<dev.millwright.runtime.connection.Connection> all() {
        return query("SELECT * FROM mw_connection ORDER BY created_at, id");
    }

    /** Deletes what was synced for a connection: records, dead letters, cursors and sync runs. */
    public int deleteData(String connectionId) {
        return run("delete the data of connection " + connectionId, jdbc -> {
            int deleted = 0;
            for (String table : List.of("mw_record", "mw_dead_letter", "mw_watermark", "mw_sync_run")) {
                try (PreparedStatement delete = jdbc.prepareStatement(
                        "DELETE FROM " + table + " WHERE connection_id = ?")) {
                    delete.setString(1, connectionId);
                    int rows = delete.executeUpdate();
                    if (table.equals("mw_record")) {
                        deleted = rows;
                    }
                }
            }
            return deleted;
        });
    }

    /** A token hash and the connection it belongs to. */
    public record TokenOwner(String connectionId, String tokenHash) {
    }

    private void bindMutable(PreparedStatement statement, int first, dev.millwright.runtime.connection.Connection c)
            throws SQLException {
        statement.setString(first, c.status().value());
        statement.setString(first + 1, c.statusReason());
        statement.setString(first + 2, json(c.settings()));
        statement.setString(first + 3, secretBox.seal(json(c.secrets())));
        statement.setString(first + 4, json(c.schedules()));
        statement.setString(first + 5, json(c.customFields()));
    }

    private List<dev.millwright.runtime.connection.Connection> query(String sql, Object... parameters) {
        return run("read connections", jdbc -> {
            try (PreparedStatement select = jdbc.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                List<dev.millwright.runtime.connection.Connection> connections = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        connections.add(read(row));
                    }
                }
                return connections;
            }
        });
    }

    private dev.millwright.runtime.connection.Connection read(ResultSet row) throws SQLException {
        try {
            return new dev.millwright.runtime.connection.Connection(row.getString("id"), row.getString("system"),
                    row.getString("name"), ConnectionStatus.fromValue(row.getString("status")),
                    row.getString("status_reason"), JSON.readValue(row.getString("settings"), STRINGS),
                    JSON.readValue(secretBox.open(row.getString("secrets")), STRINGS),
                    JSON.readValue(row.getString("schedules"), STRINGS),
                    JSON.readValue(row.getString("custom_fields"), NESTED), row.getBoolean("suspended"),
                    instant(row, "created_at"), instant(row, "updated_at"), instant(row, "disconnected_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("connection " + row.getString("id") + " is stored unreadably", e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return Jdbc.getInstant(row, column);
    }

    private <T> T run(String what, Jdbc.Work<T> work) {
        return Jdbc.withConnection(dataSource, what, work);
    }
}
