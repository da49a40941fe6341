package dev.millwright.routes.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.store.StoreException;

/**
 * The durable inbox of inbound webhooks ({@code mw_inbox}): each verified notification is stored once per
 * (connection, webhook id) before its sender gets the 200; workers claim entries ({@code pending} →
 * {@code processing} until a deadline) so that two workers never process one entry, and finish them as
 * {@code done} or {@code failed}. An entry whose claim expired (its worker died) is claimed again.
 */
public final class JdbcInbox {

    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /** What storing a notification did. */
    public enum Stored { STORED, DUPLICATE }

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcInbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores a notification, committed when this returns; a webhook id the connection sent before is not stored
     * again ({@link Stored#DUPLICATE}).
     */
    public Stored add(String connectionId, String webhookId, Instant sentAt, String payload) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_inbox (connection_id,"
                        + " webhook_id, sent_at, received_at, payload, state, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            insert.setString(1, connectionId);
            insert.setString(2, webhookId);
            Jdbc.setInstant(insert, 3, sentAt);
            Jdbc.setInstant(insert, 4, clock.instant());
            insert.setString(5, payload);
            insert.setString(6, PENDING);
            insert.executeUpdate();
            return Stored.STORED;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return Stored.DUPLICATE;
            }
            throw new StoreException("cannot store inbound webhook " + webhookId + " of connection '"
                    + connectionId + "': " + e.getMessage(), e);
        }
    }

    /**
     * Claims up to {@code max} entries, oldest first: pending ones, and those whose claim expired. Each is claimed
     * by a conditional update, so of two workers racing for an entry exactly one gets it.
     */
    public List<InboxEntry> claim(int max, Duration claimFor) {
        Instant now = clock.instant();
        Instant until = now.plus(claimFor).truncatedTo(ChronoUnit.MICROS);
        return Jdbc.withConnection(dataSource, "claim inbound webhooks", connection -> {
            List<InboxEntry> candidates = candidates(connection, PENDING, null, max);
            if (candidates.size() < max) {
                candidates.addAll(candidates(connection, PROCESSING, now, max - candidates.size()));
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            int[] counts;
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_inbox SET state = ?,"
                    + " claimed_until = ?, attempts = attempts + 1 WHERE id = ? AND (state = ?"
                    + " OR (state = ? AND claimed_until < ?))")) {
                for (InboxEntry candidate : candidates) {
                    update.setString(1, PROCESSING);
                    Jdbc.setInstant(update, 2, until);
                    update.setLong(3, candidate.id());
                    update.setString(4, PENDING);
                    update.setString(5, PROCESSING);
                    Jdbc.setInstant(update, 6, now);
                    update.addBatch();
                }
                counts = update.executeBatch();
            }
            List<InboxEntry> claimed = new ArrayList<>(candidates.size());
            for (int i = 0; i < candidates.size(); i++) {
                if (counts[i] == 1) {
                    InboxEntry entry = candidates.get(i);
                    claimed.add(new InboxEntry(entry.id(), entry.connectionId(), entry.webhookId(), entry.sentAt(),
                            entry.receivedAt(), entry.payload(), entry.attempts() + 1, until));
                }
            }
            return claimed;
        });
    }

    /** Finishes claimed entries with their outcome: {@link #DONE} or {@link #FAILED}; answers how many it finished. */
    public int finish(Map<InboxEntry, String> outcomes, String state) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        return Jdbc.inTransaction(dataSource, "finish " + outcomes.size() + " inbound webhooks", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_inbox SET state = ?, outcome = ?,"
                    + " processed_at = ?, claimed_until = NULL WHERE id = ? AND state = ? AND claimed_until = ?")) {
                Instant now = clock.instant();
                for (Map.Entry<InboxEntry, String> outcome : outcomes.entrySet()) {
                    update.setString(1, state);
                    update.setString(2, truncate(outcome.getValue(), 2000));
                    Jdbc.setInstant(update, 3, now);
                    update.setLong(4, outcome.getKey().id());
                    update.setString(5, PROCESSING);
                    Jdbc.setInstant(update, 6, outcome.getKey().claimedUntil());
                    update.addBatch();
                }
                int finished = 0;
                for (int count : update.executeBatch()) {
                    finished += Math.max(0, count);
                }
                return finished;
            }
        });
    }

    /** Makes a finished entry pending again (a replay); answers false when there is no such entry. */
    public boolean requeue(String connectionId, String webhookId) {
        return Jdbc.withConnection(dataSource, "requeue inbound webhook " + webhookId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_inbox SET state = ?,"
                    + " claimed_until = NULL, outcome = NULL, processed_at = NULL"
                    + " WHERE connection_id = ? AND webhook_id = ? AND state IN (?, ?)")) {
                update.setString(1, PENDING);
                update.setString(2, connectionId);
                update.setString(3, webhookId);
                update.setString(4, DONE);
                update.setString(5, FAILED);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Entries per state, for a connection (tests, status). */
    public Map<String, Long> countByState(String connectionId) {
        return Jdbc.withConnection(dataSource, "count inbound webhooks", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT state, COUNT(*) FROM mw_inbox"
                    + " WHERE connection_id = ? GROUP BY state")) {
                select.setString(1, connectionId);
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        counts.put(row.getString(1), row.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    private static List<InboxEntry> candidates(Connection connection, String state, Instant expiredBefore, int max)
            throws SQLException {
        String sql = "SELECT id, connection_id, webhook_id, sent_at, received_at, payload, attempts, claimed_until"
                + " FROM mw_inbox WHERE state = ?" + (expiredBefore == null ? "" : " AND claimed_until < ?")
                + " ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, state);
            if (expiredBefore != null) {
                Jdbc.setInstant(select, 2, expiredBefore);
            }
            select.setMaxRows(max);
            List<InboxEntry> entries = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    entries.add(new InboxEntry(row.getLong("id"), row.getString("connection_id"),
                            row.getString("webhook_id"), Jdbc.getInstant(row, "sent_at"),
                            Jdbc.getInstant(row, "received_at"), row.getString("payload"), row.getInt("attempts"),
                            Jdbc.getInstant(row, "claimed_until")));
                }
            }
            return entries;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
