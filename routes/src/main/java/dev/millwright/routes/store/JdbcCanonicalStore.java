package dev.millwright.routes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.apache.camel.Body;
import org.apache.camel.Header;

import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;

/**
 * The canonical store ({@code mw_record}): upserts keyed by the stable canonical id, i.e. by (connection, entity,
 * remote id), in one transaction per batch. Version-checked: a record older than the stored one (by the source's
 * modified time) never overwrites it, and the same version again changes nothing.
 */
public final class JdbcCanonicalStore {

    /** Header naming the sync run that saw the records, so a full resync can tell what the source no longer has. */
    public static final String SEEN_IN_RUN = "MillwrightSeenInRun";

    private static final String INSERT = "INSERT INTO mw_record (id, connection_id, entity, remote_id,"
            + " remote_version, created_at, modified_at, deleted, record, remote_data, stored_at, seen_in_run)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE mw_record SET remote_version = ?, created_at = ?, modified_at = ?,"
            + " deleted = ?, record = ?, remote_data = ?, stored_at = ?, seen_in_run = ? WHERE id = ? AND modified_at <= ?";
    private static final String MARK_SEEN = "UPDATE mw_record SET seen_in_run = ? WHERE id = ?";
    private static final int DELETION_CHUNK = 500;

    private final DataSource dataSource;
    private final Clock clock;
    private volatile EventOutbox outbox;

    public JdbcCanonicalStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public JdbcCanonicalStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** From now on, the events of every change go to {@code outbox}, in the transaction of the change. */
    public void setOutbox(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Stores a batch; the sink of the sync route ({@code bean:millwrightCanonicalStore?method=write}). */
    public StoreResult write(@Body List<CanonicalRecord> records, @Header(SEEN_IN_RUN) Long seenInRun) {
        if (records.isEmpty()) {
            return new StoreResult(List.of(), 0, 0);
        }
        return Jdbc.inTransaction(dataSource, "store " + records.size() + " records",
                connection -> write(connection, records, seenInRun));
    }

    public StoreResult write(List<CanonicalRecord> records) {
        return write(records, null);
    }

    /** Stores a batch inside the caller's transaction. */
    public StoreResult write(Connection connection, List<CanonicalRecord> records, Long seenInRun)
            throws SQLException {
        Map<String, StoredVersion> stored = storedVersions(connection, records);
        Map<String, Pending> pending = new LinkedHashMap<>();
        List<StoreChange> changes = new ArrayList<>();
        List<String> seenUnchanged = new ArrayList<>();
        int unchanged = 0;
        int stale = 0;
        for (CanonicalRecord record : records) {
            Pending earlier = pending.get(record.id());
            StoredVersion current = earlier != null ? earlier.asStored() : stored.get(record.id());
            if (current == null) {
                pending.put(record.id(), new Pending(record, true));
                changes.add(new StoreChange(StoreChange.Kind.CREATED, record));
            } else if (record.modifiedAt().isBefore(current.modifiedAt())) {
                stale++;
            } else if ((record.modifiedAt().equals(current.modifiedAt()) || record.remoteVersion() != null)
                    && Objects.equals(record.remoteVersion(), current.version())
                    && record.deleted() == current.deleted()) {
                // the same version is the same content, even when a source without change times stamps a later read
                unchanged++;
                if (earlier == null) {
                    seenUnchanged.add(record.id());
                }
            } else {
                boolean insert = earlier != null && earlier.insert;
                pending.put(record.id(), new Pending(record, insert));
                StoreChange.Kind kind = record.deleted() && !current.deleted() ? StoreChange.Kind.DELETED
                        : insert ? StoreChange.Kind.CREATED : StoreChange.Kind.UPDATED;
                changes.add(new StoreChange(kind, record));
            }
        }
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(INSERT);
                PreparedStatement update = connection.prepareStatement(UPDATE)) {
            int inserts = 0;
            int updates = 0;
            for (Pending row : pending.values()) {
                if (row.insert) {
                    bindInsert(insert, row.record, now, seenInRun);
                    insert.addBatch();
                    inserts++;
                } else {
                    bindUpdate(update, row.record, now, seenInRun);
                    update.addBatch();
                    updates++;
                }
            }
            if (inserts > 0) {
                insert.executeBatch();
            }
            if (updates > 0) {
                update.executeBatch();
            }
        }
        if (seenInRun != null && !seenUnchanged.isEmpty()) {
            try (PreparedStatement seen = connection.prepareStatement(MARK_SEEN)) {
                for (String id : seenUnchanged) {
                    seen.setLong(1, seenInRun);
                    Jdbc.setId(seen, 2, id);
                    seen.addBatch();
                }
                seen.executeBatch();
            }
        }
        EventOutbox events = outbox;
        if (events != null && !changes.isEmpty()) {
            events.recordsChanged(connection, changes);
        }
        return new StoreResult(changes, unchanged, stale);
    }

    private Map<String, StoredVersion> storedVersions(Connection connection, List<CanonicalRecord> records)
            throws SQLException {
        List<String> ids = records.stream().map(CanonicalRecord::id).distinct().toList();
        String sql = "SELECT id, modified_at, remote_version, deleted FROM mw_record WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")";
        Map<String, StoredVersion> versions = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                Jdbc.setId(select, i + 1, ids.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    versions.put(Jdbc.getId(row, "id"), new StoredVersion(Jdbc.getInstant(row, "modified_at"),
                            row.getString("remote_version"), row.getBoolean("deleted")));
                }
            }
        }
        return versions;
    }

    private static void bindInsert(PreparedStatement insert, CanonicalRecord record, Instant now, Long seenInRun)
            throws SQLException {
        Jdbc.setId(insert, 1, record.id());
        insert.setString(2, record.connectionId());
        insert.setString(3, record.entity());
        insert.setString(4, record.remoteId());
        insert.setString(5, record.remoteVersion());
        Jdbc.setInstant(insert, 6, record.createdAt());
        Jdbc.setInstant(insert, 7, record.modifiedAt());
        insert.setBoolean(8, record.deleted());
        insert.setString(9, CanonicalJson.toJsonString(record.withRemoteData(null)));
        insert.setString(10, record.remoteData() == null ? null : record.remoteData().toString());
        Jdbc.setInstant(insert, 11, now);
        Jdbc.setLong(insert, 12, seenInRun);
    }

    private static void bindUpdate(PreparedStatement update, CanonicalRecord record, Instant now, Long seenInRun)
            throws SQLException {
        update.setString(1, record.remoteVersion());
        Jdbc.setInstant(update, 2, record.createdAt());
        Jdbc.setInstant(update, 3, record.modifiedAt());
        update.setBoolean(4, record.deleted());
        update.setString(5, CanonicalJson.toJsonString(record.withRemoteData(null)));
        update.setString(6, record.remoteData() == null ? null : record.remoteData().toString());
        Jdbc.setInstant(update, 7, now);
        Jdbc.setLong(update, 8, seenInRun);
        Jdbc.setId(update, 9, record.id());
        Jdbc.setInstant(update, 10, record.modifiedAt());
    }

    /** Marks one record deleted (after a hard delete at the source went through). */
    public void markDeleted(String id) {
        Jdbc.inTransaction(dataSource, "mark record " + id + " deleted", connection -> {
            StoreChange change = null;
            if (outbox != null) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT entity, record, deleted FROM mw_record WHERE id = ?")) {
                    Jdbc.setId(select, 1, id);
                    try (ResultSet row = select.executeQuery()) {
                        if (row.next() && !row.getBoolean("deleted")) {
                            change = deletion(row.getString("entity"), row.getString("record"));
                        }
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mw_record SET deleted = TRUE, stored_at = ? WHERE id = ?")) {
                Jdbc.setInstant(update, 1, clock.instant());
                Jdbc.setId(update, 2, id);
                update.executeUpdate();
            }
            if (change != null) {
                outbox.recordsChanged(connection, List.of(change));
            }
            return null;
        });
    }

    private static StoreChange deletion(String entity, String json) {
        CanonicalRecord record = CanonicalJson.read(Entity.fromEntityName(entity), json);
        return new StoreChange(StoreChange.Kind.DELETED, record.withDeleted(true));
    }

    /** The number of records stored for a connection and entity (deleted ones included). */
    public long count(String connectionId, String entity) {
        return Jdbc.withConnection(dataSource, "count records", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM mw_record WHERE connection_id = ? AND entity = ?")) {
                count.setString(1, connectionId);
                count.setString(2, entity);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    /** The stored canonical JSON of a record, with its remote data, or null. */
    public StoredRecord find(String id) {
        return Jdbc.withConnection(dataSource, "read record " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT record, remote_data, remote_version, modified_at, deleted FROM mw_record WHERE id = ?")) {
                Jdbc.setId(select, 1, id);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    return new StoredRecord(row.getString("record"), row.getString("remote_data"),
                            row.getString("remote_version"), Jdbc.getInstant(row, "modified_at"),
                            row.getBoolean("deleted"));
                }
            }
        });
    }

    /**
     * After a complete full resync: marks as deleted the records of the connection and entity, modified since
     * {@code since}, that the run did not see. Answers how many.
     */
    public int markUnseenAsDeleted(String connectionId, String entity, long runId, Instant since) {
        return Jdbc.inTransaction(dataSource, "mark unseen records deleted", connection -> {
            String unseen = " WHERE connection_id = ? AND entity = ? AND deleted = FALSE"
                    + " AND modified_at >= ? AND (seen_in_run IS NULL OR seen_in_run <> ?)";
            EventOutbox events = outbox;
            if (events == null) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE mw_record SET deleted = TRUE, stored_at = ?" + unseen)) {
                    Jdbc.setInstant(update, 1, clock.instant());
                    bindUnseen(update, 2, connectionId, entity, since, runId);
                    return update.executeUpdate();
                }
            }
            // with an outbox, each deletion is an event: chunk by chunk, so memory stays bounded
            int marked = 0;
            while (true) {
                List<String> ids = new ArrayList<>();
                List<StoreChange> changes = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT id, entity, record FROM mw_record" + unseen + " ORDER BY row_id")) {
                    bindUnseen(select, 1, connectionId, entity, since, runId);
                    select.setMaxRows(DELETION_CHUNK);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            ids.add(Jdbc.getId(row, "id"));
                            changes.add(deletion(row.getString("entity"), row.getString("record")));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    return marked;
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE mw_record SET deleted = TRUE, stored_at = ? WHERE id = ?")) {
                    Instant now = clock.instant();
                    for (String id : ids) {
                        Jdbc.setInstant(update, 1, now);
                        Jdbc.setId(update, 2, id);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                events.recordsChanged(connection, changes);
                marked += ids.size();
            }
        });
    }

    private static void bindUnseen(PreparedStatement statement, int first, String connectionId, String entity,
            Instant since, long runId) throws SQLException {
        statement.setString(first, connectionId);
        statement.setString(first + 1, entity);
        Jdbc.setInstant(statement, first + 2, since);
        statement.setLong(first + 3, runId);
    }

    /** A stored record: its canonical JSON (without remote data), its raw source record, version and state. */
    public record StoredRecord(String json, String remoteData, String remoteVersion, Instant modifiedAt,
            boolean deleted) {
    }

    private record StoredVersion(Instant modifiedAt, String version, boolean deleted) {
    }

    private static final class Pending {
        final CanonicalRecord record;
        final boolean insert;

        Pending(CanonicalRecord record, boolean insert) {
            this.record = record;
            this.insert = insert;
        }

        StoredVersion asStored() {
            return new StoredVersion(record.modifiedAt(), record.remoteVersion(), record.deleted());
        }
    }
}
