package dev.millwright.core.cursor;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * A {@link WatermarkStore} in the {@code mw_watermark} table (schema in {@code db/millwright}). Works on H2 and
 * PostgreSQL. {@link #save(Connection, CursorKey, IncrementalCursor)} joins a caller's transaction, so a sink can
 * commit its records and the cursor that follows them atomically.
 */
public final class JdbcWatermarkStore implements WatermarkStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    public JdbcWatermarkStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<IncrementalCursor> load(CursorKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT watermark, boundary FROM mw_watermark WHERE connection_id = ? AND entity = ?")) {
            select.setString(1, key.connectionId());
            select.setString(2, key.entity());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Instant watermark = row.getObject(1, OffsetDateTime.class).toInstant();
                return Optional.of(new IncrementalCursor(watermark, parseBoundary(row.getString(2))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the cursor of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(CursorKey key, IncrementalCursor cursor) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                save(connection, key, cursor);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the cursor of " + key + ": " + e.getMessage(), e);
        }
    }

    /** Saves within the caller's transaction; the caller commits. */
    public void save(Connection connection, CursorKey key, IncrementalCursor cursor) throws SQLException {
        OffsetDateTime watermark = cursor.watermark().atOffset(ZoneOffset.UTC);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String boundary = formatBoundary(cursor.boundary());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE mw_watermark SET watermark = ?, boundary = ?, updated_at = ? "
                        + "WHERE connection_id = ? AND entity = ?")) {
            update.setObject(1, watermark);
            update.setString(2, boundary);
            update.setObject(3, now);
            update.setString(4, key.connectionId());
            update.setString(5, key.entity());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mw_watermark (connection_id, entity, watermark, boundary, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, key.connectionId());
            insert.setString(2, key.entity());
            insert.setObject(3, watermark);
            insert.setString(4, boundary);
            insert.setObject(5, now);
            insert.executeUpdate();
        }
    }

    @Override
    public void delete(CursorKey key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM mw_watermark WHERE connection_id = ? AND entity = ?")) {
            delete.setString(1, key.connectionId());
            delete.setString(2, key.entity());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete the cursor of " + key + ": " + e.getMessage(), e);
        }
    }

    static String formatBoundary(Set<RecordVersion> boundary) {
        ArrayNode pairs = JSON.createArrayNode();
        for (RecordVersion record : boundary) {
            pairs.addArray().add(record.remoteId()).add(record.version());
        }
        return pairs.toString();
    }

    static Set<RecordVersion> parseBoundary(String text) {
        try {
            Set<RecordVersion> boundary = new HashSet<>();
            for (JsonNode pair : JSON.readTree(text)) {
                JsonNode version = pair.get(1);
                boundary.add(new RecordVersion(pair.get(0).asText(),
                        version == null || version.isNull() ? null : version.asText()));
            }
            return boundary;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable cursor boundary: " + text, e);
        }
    }
}
