package dev.millwright.routes.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** The sync runs ({@code mw_sync_run}): when each ran, what it read, wrote and failed, and where it left off. */
public final class JdbcSyncRunStore {

    private final DataSource dataSource;
    private volatile EventOutbox outbox;

    public JdbcSyncRunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** From now on, the end of every run is an event in {@code outbox}, in the transaction that records the end. */
    public void setOutbox(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** Records the start of a run and answers its id. */
    public long begin(String connectionId, String entity, boolean fullResync, Instant startedAt) {
        return Jdbc.withConnection(dataSource, "record the start of a sync run", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_sync_run (connection_id,"
                    + " entity, full_resync, state, started_at, records_read, records_written, records_unchanged,"
                    + " records_failed) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, connectionId);
                insert.setString(2, entity);
                insert.setBoolean(3, fullResync);
                insert.setString(4, SyncRunRecord.SYNCING);
                Jdbc.setInstant(insert, 5, startedAt);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records the counters so far and, when {@code state} is final, the end of the run. */
    public void update(long runId, String state, Instant finishedAt, long read, long written, long unchanged,
            long failed, Instant watermark, String error) {
        EventOutbox events = outbox;
        boolean finished = state.equals(SyncRunRecord.DONE) || state.equals(SyncRunRecord.FAILED);
        Jdbc.Work<Integer> work = connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_sync_run SET state = ?,"
                    + " finished_at = ?, records_read = ?, records_written = ?, records_unchanged = ?,"
                    + " records_failed = ?, watermark = ?, error = ? WHERE id = ?")) {
                update.setString(1, state);
                Jdbc.setInstant(update, 2, finishedAt);
                update.setLong(3, read);
                update.setLong(4, written);
                update.setLong(5, unchanged);
                update.setLong(6, failed);
                Jdbc.setInstant(update, 7, watermark);
                update.setString(8, error);
                update.setLong(9, runId);
                updated = update.executeUpdate();
            }
            if (finished && events != null && updated > 0) {
                try (PreparedStatement select = connection.prepareStatement("SELECT * FROM mw_sync_run WHERE id = ?")) {
                    select.setLong(1, runId);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        events.syncRunFinished(connection, read(row));
                    }
                }
            }
            return updated;
        };
        if (finished && events != null) {
            Jdbc.inTransaction(dataSource, "record the end of sync run " + runId, work);
        } else {
            Jdbc.withConnection(dataSource, "record sync run " + runId, work);
        }
    }

    public Optional<SyncRunRecord> latest(String connectionId, String entity) {
        return recent(connectionId, entity, 1).stream().findFirst();
    }

    public Optional<SyncRunRecord> latestWithState(String connectionId, String entity, String state) {
        return query("SELECT * FROM mw_sync_run WHERE connection_id = ? AND entity = ? AND state = ?"
                + " ORDER BY id DESC", 1, connectionId, entity, state).stream().findFirst();
    }

    public Optional<SyncRunRecord> find(long runId) {
        return query("SELECT * FROM mw_sync_run WHERE id = ?", 1, runId).stream().findFirst();
    }

    /** The newest runs first. */
    public List<SyncRunRecord> recent(String connectionId, String entity, int limit) {
        return query("SELECT * FROM mw_sync_run WHERE connection_id = ? AND entity = ? ORDER BY id DESC", limit,
                connectionId, entity);
    }

    private List<SyncRunRecord> query(String sql, int limit, Object... parameters) {
        return Jdbc.withConnection(dataSource, "read sync runs", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    select.setObject(i + 1, parameters[i]);
                }
                select.setMaxRows(limit);
                List<SyncRunRecord> runs = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        runs.add(read(row));
                    }
                }
                return runs;
            }
        });
    }

    private static SyncRunRecord read(ResultSet row) throws SQLException {
        return new SyncRunRecord(row.getLong("id"), row.getString("connection_id"), row.getString("entity"),
                row.getBoolean("full_resync"), row.getString("state"), Jdbc.getInstant(row, "started_at"),
                Jdbc.getInstant(row, "finished_at"), row.getLong("records_read"), row.getLong("records_written"),
                row.getLong("records_unchanged"), row.getLong("records_failed"), Jdbc.getInstant(row, "watermark"),
                row.getString("error"));
    }
}
