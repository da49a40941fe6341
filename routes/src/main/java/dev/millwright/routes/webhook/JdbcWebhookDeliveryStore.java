package dev.millwright.routes.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import dev.millwright.routes.store.Jdbc;

/**
 * The delivery queue ({@code mw_webhook_delivery}, {@code mw_webhook_attempt}) and the dispatchers' leases on
 * subscriptions. A dispatcher claims subscriptions that have due deliveries with {@code SELECT ... FOR UPDATE SKIP
 * LOCKED} (PostgreSQL and H2 both have it), so concurrent dispatchers, on one node or many, never claim the same
 * one; the claim is then a lease stored on the subscription, renewed with every attempt, so it outlives the short
 * claiming transaction and expires if its holder dies.
 */
public final class JdbcWebhookDeliveryStore {

    private static final int ERROR_LENGTH = 2000;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcWebhookDeliveryStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A delivery that is due, with the event to send. */
    public record Due(long deliveryId, long eventSequence, int attempts, String eventId, String eventType,
            String payload) {
    }

    /**
     * Leases up to {@code limit} active subscriptions whose oldest pending delivery (by event sequence) is due and
     * that have no live lease, least recently served first; answers their ids.
     */
    public List<String> claimSubscriptions(String owner, int limit, Duration lease) {
        if (limit <= 0) {
            return List.of();
        }
        return Jdbc.inTransaction(dataSource, "claim webhook subscriptions", connection -> {
            Instant now = clock.instant();
            List<String> claimed = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM mw_webhook_subscription s"
                    + " WHERE s.state = ? AND (s.lease_owner IS NULL OR s.lease_until < ?)"
                    + " AND (SELECT d.next_attempt_at FROM mw_webhook_delivery d WHERE d.subscription_id = s.id"
                    + " AND d.state = ? ORDER BY d.subscription_id, d.state, d.event_seq FETCH FIRST 1 ROWS ONLY) <= ?"
                    + " ORDER BY s.lease_until NULLS FIRST, s.id FETCH FIRST " + limit + " ROWS ONLY"
                    + " FOR UPDATE SKIP LOCKED")) {
                select.setString(1, WebhookSubscription.ACTIVE);
                Jdbc.setInstant(select, 2, now);
                select.setString(3, WebhookDelivery.PENDING);
                Jdbc.setInstant(select, 4, now);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        claimed.add(row.getString(1));
                    }
                }
            }
            if (!claimed.isEmpty()) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE mw_webhook_subscription SET lease_owner = ?, lease_until = ? WHERE id = ?")) {
                    for (String id : claimed) {
                        update.setString(1, owner);
                        Jdbc.setInstant(update, 2, now.plus(lease));
                        update.setString(3, id);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
            }
            return claimed;
        });
    }

    /** Gives a lease back; the release time orders the next claims, so every subscription gets its turn. */
    public void release(String subscriptionId, String owner) {
        Jdbc.withConnection(dataSource, "release webhook subscription " + subscriptionId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_subscription"
                    + " SET lease_owner = NULL, lease_until = ? WHERE id = ? AND lease_owner = ?")) {
                Jdbc.setInstant(update, 1, clock.instant());
                update.setString(2, subscriptionId);
                update.setString(3, owner);
                return update.executeUpdate();
            }
        });
    }

    /**
     * The due deliveries of a subscription in event order, at most {@code limit}: the pending ones from the oldest up
     * to the first that is not due yet, so an event waiting for its retry holds back the events after it.
     */
    public List<Due> due(String subscriptionId, int limit) {
        return Jdbc.withConnection(dataSource, "read due webhook deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT d.id, d.event_seq, d.attempts,"
                    + " d.next_attempt_at, e.id AS event_id, e.type, e.payload FROM mw_webhook_delivery d"
                    + " JOIN mw_webhook_event e ON e.seq = d.event_seq"
                    + " WHERE d.subscription_id = ? AND d.state = ?"
                    // the whole index prefix in ORDER BY: H2 then reads the queue index in order instead of sorting
                    + " ORDER BY d.subscription_id, d.state, d.event_seq FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, subscriptionId);
                select.setString(2, WebhookDelivery.PENDING);
                select.setInt(3, limit);
                Instant now = clock.instant();
                List<Due> due = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next() && !Jdbc.getInstant(row, "next_attempt_at").isAfter(now)) {
                        due.add(new Due(row.getLong("id"), row.getLong("event_seq"), row.getInt("attempts"),
                                row.getString("event_id"), row.getString("type"), row.getString("payload")));
                    }
                }
                return due;
            }
        });
    }

    /** Records successful attempts and their deliveries as delivered, in batches, inside the caller's transaction. */
    void recordDelivered(Connection connection, String subscriptionId, List<Due> delivered, List<Instant> times,
            List<WebhookSender.Answer> answers) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_webhook_attempt (delivery_id,"
                + " subscription_id, attempted_at, status_code, latency_ms, error) VALUES (?, ?, ?, ?, ?, NULL)");
                PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_delivery SET state = ?,"
                        + " attempts = ?, last_status = ?, last_error = NULL, finished_at = ?"
                        + " WHERE id = ? AND state = ?")) {
            Instant now = clock.instant();
            for (int i = 0; i < delivered.size(); i++) {
                Due due = delivered.get(i);
                WebhookSender.Answer answer = answers.get(i);
                insert.setLong(1, due.deliveryId());
                insert.setString(2, subscriptionId);
                Jdbc.setInstant(insert, 3, times.get(i));
                insert.setInt(4, answer.statusCode());
                insert.setLong(5, answer.latencyMillis());
                insert.addBatch();
                update.setString(1, WebhookDelivery.DELIVERED);
                update.setInt(2, due.attempts() + 1);
                update.setInt(3, answer.statusCode());
                Jdbc.setInstant(update, 4, now);
                update.setLong(5, due.deliveryId());
                update.setString(6, WebhookDelivery.PENDING);
                update.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /** Keeps an attempt, inside the caller's transaction. */
    void addAttempt(Connection connection, long deliveryId, String subscriptionId, Instant at, Integer statusCode,
            long latencyMillis, String error) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_webhook_attempt (delivery_id,"
                + " subscription_id, attempted_at, status_code, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, deliveryId);
            insert.setString(2, subscriptionId);
            Jdbc.setInstant(insert, 3, at);
            setInteger(insert, 4, statusCode);
            insert.setLong(5, latencyMillis);
            insert.setString(6, clip(error));
            insert.executeUpdate();
        }
    }

    /**
     * Records what an attempt led to, inside the caller's transaction: {@code nextAttemptAt} for a retry, or a final
     * state (delivered, dead). Only a pending delivery changes.
     */
    void recordOutcome(Connection connection, long deliveryId, String state, int attempts, Instant nextAttemptAt,
            Integer statusCode, String error) throws SQLException {
        boolean finished = !state.equals(WebhookDelivery.PENDING);
        try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_delivery SET state = ?,"
                + " attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_status = ?, last_error = ?,"
                + " finished_at = ? WHERE id = ? AND state = ?")) {
            update.setString(1, state);
            update.setInt(2, attempts);
            Jdbc.setInstant(update, 3, nextAttemptAt);
            setInteger(update, 4, statusCode);
            update.setString(5, clip(error));
            Jdbc.setInstant(update, 6, finished ? clock.instant() : null);
            update.setLong(7, deliveryId);
            update.setString(8, WebhookDelivery.PENDING);
            update.executeUpdate();
        }
    }

    /** Every pending delivery of a subscription becomes dead (it was disabled); inside the caller's transaction. */
    int killPending(Connection connection, String subscriptionId, String reason) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_delivery SET state = ?,"
                + " last_error = ?, finished_at = ? WHERE subscription_id = ? AND state = ?")) {
            update.setString(1, WebhookDelivery.DEAD);
            update.setString(2, clip(reason));
            Jdbc.setInstant(update, 3, clock.instant());
            update.setString(4, subscriptionId);
            update.setString(5, WebhookDelivery.PENDING);
            return update.executeUpdate();
        }
    }

    /**
     * Renews a lease and records the subscription's health, inside the caller's transaction: {@code failingSince}
     * null when the receiver just answered 2xx. Answers false when the lease is no longer this owner's or the
     * subscription is no longer active.
     */
    boolean renew(Connection connection, String subscriptionId, String owner, Duration lease, Instant failingSince)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_subscription"
                + " SET lease_until = ?, failing_since = ? WHERE id = ? AND lease_owner = ? AND state = ?")) {
            Jdbc.setInstant(update, 1, clock.instant().plus(lease));
            Jdbc.setInstant(update, 2, failingSince);
            update.setString(3, subscriptionId);
            update.setString(4, owner);
            update.setString(5, WebhookSubscription.ACTIVE);
            return update.executeUpdate() > 0;
        }
    }

    /** Makes the dead deliveries of a subscription created since {@code since} pending again, due now; answers how many. */
    public int replaySince(String subscriptionId, Instant since) {
        return Jdbc.withConnection(dataSource, "replay webhook deliveries", connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_delivery SET state = ?,"
                    + " attempts = 0, next_attempt_at = ?, finished_at = NULL"
                    + " WHERE subscription_id = ? AND state = ? AND created_at >= ?")) {
                update.setString(1, WebhookDelivery.PENDING);
                Jdbc.setInstant(update, 2, clock.instant());
                update.setString(3, subscriptionId);
                update.setString(4, WebhookDelivery.DEAD);
                Jdbc.setInstant(update, 5, since);
                return update.executeUpdate();
            }
        });
    }

    /** Sends one delivery again, whatever its state; answers false when the subscription has no such delivery. */
    public boolean replay(String subscriptionId, long deliveryId) {
        return Jdbc.withConnection(dataSource, "replay webhook delivery " + deliveryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_delivery SET state = ?,"
                    + " attempts = 0, next_attempt_at = ?, finished_at = NULL WHERE subscription_id = ? AND id = ?")) {
                update.setString(1, WebhookDelivery.PENDING);
                Jdbc.setInstant(update, 2, clock.instant());
                update.setString(3, subscriptionId);
                update.setLong(4, deliveryId);
                return update.executeUpdate() > 0;
            }
        });
    }

    /**
     * The deliveries of a subscription, newest first, with their attempts: at most {@code limit}, older than the
     * delivery {@code before} when given (for paging).
     */
    public List<WebhookDelivery> deliveries(String subscriptionId, Long before, int limit) {
        return Jdbc.withConnection(dataSource, "read webhook deliveries", connection -> {
            Map<Long, WebhookDelivery> deliveries = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT d.*, e.id AS event_id, e.type"
                    + " FROM mw_webhook_delivery d JOIN mw_webhook_event e ON e.seq = d.event_seq"
                    + " WHERE d.subscription_id = ? AND d.id < ? ORDER BY d.id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, subscriptionId);
                select.setLong(2, before == null ? Long.MAX_VALUE : before);
                select.setInt(3, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        WebhookDelivery delivery = readDelivery(row, List.of());
                        deliveries.put(delivery.id(), delivery);
                    }
                }
            }
            if (deliveries.isEmpty()) {
                return List.of();
            }
            Map<Long, List<WebhookDelivery.Attempt>> attempts = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM mw_webhook_attempt"
                    + " WHERE subscription_id = ? AND delivery_id BETWEEN ? AND ? ORDER BY id DESC")) {
                List<Long> ids = new ArrayList<>(deliveries.keySet());
                select.setString(1, subscriptionId);
                select.setLong(2, ids.get(ids.size() - 1));
                select.setLong(3, ids.get(0));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        int code = row.getInt("status_code");
                        Integer status = row.wasNull() ? null : code;
                        attempts.computeIfAbsent(row.getLong("delivery_id"), id -> new ArrayList<>())
                                .add(new WebhookDelivery.Attempt(Jdbc.getInstant(row, "attempted_at"), status,
                                        row.getLong("latency_ms"), row.getString("error")));
                    }
                }
            }
            List<WebhookDelivery> answer = new ArrayList<>(deliveries.size());
            for (WebhookDelivery delivery : deliveries.values()) {
                answer.add(withAttempts(delivery, attempts.getOrDefault(delivery.id(), List.of())));
            }
            return answer;
        });
    }

    public Optional<WebhookDelivery> find(String subscriptionId, long deliveryId) {
        return deliveries(subscriptionId, deliveryId + 1, 1).stream().filter(d -> d.id() == deliveryId).findFirst();
    }

    /** How many deliveries of a subscription are in a state. */
    public long count(String subscriptionId, String state) {
        return Jdbc.withConnection(dataSource, "count webhook deliveries", connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM mw_webhook_delivery WHERE subscription_id = ? AND state = ?")) {
                count.setString(1, subscriptionId);
                count.setString(2, state);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private static WebhookDelivery readDelivery(ResultSet row, List<WebhookDelivery.Attempt> attempts)
            throws SQLException {
        int status = row.getInt("last_status");
        Integer lastStatus = row.wasNull() ? null : status;
        return new WebhookDelivery(row.getLong("id"), row.getString("subscription_id"), row.getString("event_id"),
                row.getString("type"), row.getLong("event_seq"), row.getString("state"), row.getInt("attempts"),
                Jdbc.getInstant(row, "next_attempt_at"), lastStatus, row.getString("last_error"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "finished_at"), attempts);
    }

    private static WebhookDelivery withAttempts(WebhookDelivery d, List<WebhookDelivery.Attempt> attempts) {
        return new WebhookDelivery(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.eventSequence(),
                d.state(), d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.createdAt(),
                d.finishedAt(), List.copyOf(attempts));
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
