package dev.millwright.routes.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** The dead-letter store ({@code mw_dead_letter}). */
public final class JdbcDeadLetterStore {

    private static final String INSERT = "INSERT INTO mw_dead_letter (connection_id, system, entity, collection,"
            + " remote_id, stage, error_code, error_message, payload, attempts, status, created_at, last_attempt_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcDeadLetterStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public JdbcDeadLetterStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** Keeps the letters, all or none. */
    public void addAll(List<DeadLetter> letters) {
        if (!letters.isEmpty()) {
            Jdbc.inTransaction(dataSource, "keep " + letters.size() + " dead letters", connection -> {
                addAll(connection, letters);
                return null;
            });
        }
    }

    /** Keeps the letters inside the caller's transaction. */
    public void addAll(Connection connection, List<DeadLetter> letters) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (DeadLetter letter : letters) {
                insert.setString(1, letter.connectionId());
                insert.setString(2, letter.system());
                insert.setString(3, letter.entity());
                insert.setString(4, letter.collection());
                insert.setString(5, letter.remoteId());
                insert.setString(6, letter.stage());
                insert.setString(7, letter.errorCode());
                insert.setString(8, letter.errorMessage());
                insert.setString(9, letter.payload());
                insert.setInt(10, Math.max(1, letter.attempts()));
                insert.setString(11, DeadLetter.PENDING);
                Jdbc.setInstant(insert, 12, now);
                Jdbc.setInstant(insert, 13, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Pending letters of a connection and entity, oldest first. */
    public List<DeadLetter> pending(String connectionId, String entity, int limit) {
        return Jdbc.withConnection(dataSource, "read dead letters", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM mw_dead_letter"
                    + " WHERE connection_id = ? AND entity = ? AND status = ? ORDER BY id")) {
                select.setString(1, connectionId);
                select.setString(2, entity);
                select.setString(3, DeadLetter.PENDING);
                select.setMaxRows(limit);
                return read(select);
            }
        });
    }

    /** Every letter of a connection, newest first. */
    public List<DeadLetter> all(String connectionId, int limit) {
        return Jdbc.withConnection(dataSource, "read dead letters", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM mw_dead_letter WHERE connection_id = ? ORDER BY id DESC")) {
                select.setString(1, connectionId);
                select.setMaxRows(limit);
                return read(select);
            }
        });
    }

    /**
     * One page of a connection's letters by ascending id (keyset paging): those after {@code afterId} (none
     * when null), of one entity and one status when they are not null.
     */
    public List<DeadLetter> page(String connectionId, String entity, String status, Long afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM mw_dead_letter WHERE connection_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(connectionId);
        if (entity != null) {
            sql.append(" AND entity = ?");
            values.add(entity);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            values.add(status);
        }
        if (afterId != null) {
            sql.append(" AND id > ?");
            values.add(afterId);
        }
        sql.append(" ORDER BY id");
        return Jdbc.withConnection(dataSource, "read a page of dead letters", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                select.setMaxRows(limit);
                return read(select);
            }
        });
    }

    public long countPending(String connectionId, String entity) {
        return Jdbc.withConnection(dataSource, "count dead letters", connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM mw_dead_letter"
                    + " WHERE connection_id = ? AND entity = ? AND status = ?")) {
                count.setString(1, connectionId);
                count.setString(2, entity);
                count.setString(3, DeadLetter.PENDING);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    public void markReplayed(long id) {
        Jdbc.withConnection(dataSource, "mark dead letter " + id + " replayed", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_dead_letter SET status = ?,"
                    + " replayed_at = ?, last_attempt_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                Instant now = clock.instant();
                update.setString(1, DeadLetter.REPLAYED);
                Jdbc.setInstant(update, 2, now);
                Jdbc.setInstant(update, 3, now);
                update.setLong(4, id);
                return update.executeUpdate();
            }
        });
    }

    /** Records a failed replay: the letter stays pending with its new error. */
    public void markAttemptFailed(long id, String errorCode, String errorMessage) {
        Jdbc.withConnection(dataSource, "record a failed replay of dead letter " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_dead_letter SET error_code = ?,"
                    + " error_message = ?, last_attempt_at = ?, attempts = attempts + 1 WHERE id = ?")) {
                update.setString(1, errorCode);
                update.setString(2, errorMessage);
                Jdbc.setInstant(update, 3, clock.instant());
                update.setLong(4, id);
                return update.executeUpdate();
            }
        });
    }

    private static List<DeadLetter> read(PreparedStatement select) throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                letters.add(new DeadLetter(row.getLong("id"), row.getString("connection_id"),
                        row.getString("system"), row.getString("entity"), row.getString("collection"),
                        row.getString("remote_id"), row.getString("stage"), row.getString("error_code"),
                        row.getString("error_message"), row.getString("payload"), row.getInt("attempts"),
                        row.getString("status"), Jdbc.getInstant(row, "created_at"),
                        Jdbc.getInstant(row, "last_attempt_at")));
            }
        }
        return letters;
    }
}
