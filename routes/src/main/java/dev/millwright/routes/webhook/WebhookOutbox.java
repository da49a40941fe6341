package dev.millwright.routes.webhook;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.routes.store.EventOutbox;
import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.store.StoreChange;
import dev.millwright.routes.store.SyncRunRecord;

/**
 * The webhook outbox: writes each event ({@code mw_webhook_event}) and one pending delivery per subscription that
 * chose it ({@code mw_webhook_delivery}) inside the transaction of the change that caused it, so an event exists if
 * and only if its change was committed. An event no active subscription chose is not written at all.
 *
 * <p>Payload: {@code {"id", "type", "timestamp", "connection_id", "data"}}; data-change events carry the canonical
 * record (without remote data).
 */
public final class WebhookOutbox implements EventOutbox {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration firstAttemptDelay;

    /**
     * @param firstAttemptDelay when a new delivery is first attempted (the first entry of the retry schedule)
     */
    public WebhookOutbox(DataSource dataSource, Clock clock, Duration firstAttemptDelay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.firstAttemptDelay = firstAttemptDelay;
    }

    /** An event before it is written. */
    private record Draft(String type, String connectionId, JsonNode data) {
    }

    @Override
    public void recordsChanged(Connection transaction, List<StoreChange> changes) throws SQLException {
        List<JdbcWebhookSubscriptionStore.Route> routes = JdbcWebhookSubscriptionStore.activeRoutes(transaction);
        if (routes.isEmpty()) {
            return;
        }
        List<Draft> drafts = new ArrayList<>(changes.size());
        for (StoreChange change : changes) {
            var record = change.record();
            String type = record.entity() + "." + change.kind().action();
            if (routes.stream().anyMatch(route -> route.accepts(type, record.connectionId()))) {
                drafts.add(new Draft(type, record.connectionId(), CanonicalJson.toJson(record.withRemoteData(null))));
            }
        }
        write(transaction, drafts, routes, null);
    }

    @Override
    public void syncRunFinished(Connection transaction, SyncRunRecord run) throws SQLException {
        ObjectNode data = JSON.createObjectNode()
                .put("run_id", run.id())
                .put("entity", run.entity())
                .put("state", run.state())
                .put("full_resync", run.fullResync())
                .put("started_at", text(run.startedAt()))
                .put("finished_at", text(run.finishedAt()))
                .put("records_read", run.recordsRead())
                .put("records_written", run.recordsWritten())
                .put("records_unchanged", run.recordsUnchanged())
                .put("records_failed", run.recordsFailed())
                .put("watermark", text(run.watermark()))
                .put("error", run.error());
        String type = SyncRunRecord.DONE.equals(run.state()) ? EventTypes.SYNC_COMPLETED : EventTypes.SYNC_FAILED;
        publish(transaction, type, run.connectionId(), data);
    }

    /** Writes an event inside the caller's transaction; {@code connectionId} null for an event about no connection. */
    public void publish(Connection transaction, String type, String connectionId, JsonNode data) throws SQLException {
        publish(transaction, type, connectionId, data, null);
    }

    /** Writes an event for every subscription that chose it, except {@code exceptSubscription}. */
    public void publish(Connection transaction, String type, String connectionId, JsonNode data,
            String exceptSubscription) throws SQLException {
        List<JdbcWebhookSubscriptionStore.Route> routes = JdbcWebhookSubscriptionStore.activeRoutes(transaction);
        write(transaction, List.of(new Draft(type, connectionId, data)), routes, exceptSubscription);
    }

    /** Writes an event in a transaction of its own (for events no stored change causes). */
    public void publish(String type, String connectionId, JsonNode data) {
        Jdbc.inTransaction(dataSource, "write a " + type + " event", connection -> {
            publish(connection, type, connectionId, data);
            return null;
        });
    }

    private void write(Connection transaction, List<Draft> drafts, List<JdbcWebhookSubscriptionStore.Route> routes,
            String except) throws SQLException {
        List<Draft> routed = new ArrayList<>(drafts.size());
        List<List<String>> recipients = new ArrayList<>(drafts.size());
        for (Draft draft : drafts) {
            List<String> to = new ArrayList<>();
            for (JdbcWebhookSubscriptionStore.Route route : routes) {
                if (!route.id().equals(except) && route.accepts(draft.type(), draft.connectionId())) {
                    to.add(route.id());
                }
            }
            if (!to.isEmpty()) {
                routed.add(draft);
                recipients.add(to);
            }
        }
        if (routed.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<Long> sequences = new ArrayList<>(routed.size());
        try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO mw_webhook_event (id, type,"
                + " connection_id, created_at, payload) VALUES (?, ?, ?, ?, ?)", new String[] {"seq"})) {
            for (Draft draft : routed) {
                String id = newEventId();
                insert.setString(1, id);
                insert.setString(2, draft.type());
                insert.setString(3, draft.connectionId());
                Jdbc.setInstant(insert, 4, now);
                insert.setString(5, payload(id, draft, now));
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    sequences.add(keys.getLong(1));
                }
            }
        }
        if (sequences.size() != routed.size()) {
            throw new SQLException("the database answered " + sequences.size() + " event sequences for "
                    + routed.size() + " events");
        }
        try (PreparedStatement insert = transaction.prepareStatement("INSERT INTO mw_webhook_delivery"
                + " (subscription_id, event_seq, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, 0, ?, ?)")) {
            Instant firstAttempt = now.plus(firstAttemptDelay);
            for (int i = 0; i < routed.size(); i++) {
                for (String subscription : recipients.get(i)) {
                    insert.setString(1, subscription);
                    insert.setLong(2, sequences.get(i));
                    insert.setString(3, WebhookDelivery.PENDING);
                    Jdbc.setInstant(insert, 4, firstAttempt);
                    Jdbc.setInstant(insert, 5, now);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String payload(String id, Draft draft, Instant timestamp) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("id", id)
                .put("type", draft.type())
                .put("timestamp", timestamp.toString())
                .put("connection_id", draft.connectionId());
        envelope.set("data", draft.data());
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + draft.type() + " event as JSON", e);
        }
    }

    /** {@code evt_} + 128 random bits: the event's id and its {@code webhook-id}, the same on every retry. */
    private static String newEventId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "evt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
