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
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.millwright.routes.store.Jdbc;
import dev.millwright.routes.store.SecretSealer;

/**
 * The webhook subscriptions ({@code mw_webhook_subscription}). Signing secrets are sealed at rest; the outbox reads
 * only what it needs to route events (types and connections), never the secrets.
 */
public final class JdbcWebhookSubscriptionStore {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<SigningSecret>> SECRETS = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final SecretSealer sealer;
    private final Clock clock;

    public JdbcWebhookSubscriptionStore(DataSource dataSource, SecretSealer sealer, Clock clock) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** Creates an active subscription with a new signing secret; {@code connectionIds} null means every connection. */
    public WebhookSubscription create(String url, List<String> eventTypes, List<String> connectionIds,
            String description) {
        Instant now = clock.instant();
        WebhookSubscription subscription = new WebhookSubscription("wh_" + HexFormat.of().formatHex(randomBytes()),
                url, description, eventTypes, connectionIds, List.of(new SigningSecret(WebhookSecrets.generate(), null)),
                WebhookSubscription.ACTIVE, null, null, now, now, null);
        Jdbc.withConnection(dataSource, "store webhook subscription", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mw_webhook_subscription (id, url,"
                    + " description, event_types, connection_ids, secrets, state, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, subscription.id());
                insert.setString(2, subscription.url());
                insert.setString(3, subscription.description());
                insert.setString(4, json(subscription.eventTypes()));
                insert.setString(5, connectionIds == null ? null : json(connectionIds));
                insert.setString(6, sealer.seal(json(subscription.secrets())));
                insert.setString(7, subscription.state());
                Jdbc.setInstant(insert, 8, now);
                Jdbc.setInstant(insert, 9, now);
                return insert.executeUpdate();
            }
        });
        return subscription;
    }

    public List<WebhookSubscription> all() {
        return Jdbc.withConnection(dataSource, "read webhook subscriptions", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM mw_webhook_subscription ORDER BY created_at, id")) {
                List<WebhookSubscription> subscriptions = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        subscriptions.add(read(row));
                    }
                }
                return subscriptions;
            }
        });
    }

    public Optional<WebhookSubscription> find(String id) {
        return Jdbc.withConnection(dataSource, "read webhook subscription " + id, connection -> find(connection, id));
    }

    Optional<WebhookSubscription> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM mw_webhook_subscription WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Deletes a subscription with its deliveries and their attempts; answers whether it existed. */
    public boolean delete(String id) {
        return Jdbc.inTransaction(dataSource, "delete webhook subscription " + id, connection -> {
            for (String table : List.of("mw_webhook_attempt", "mw_webhook_delivery")) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE subscription_id = ?")) {
                    delete.setString(1, id);
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM mw_webhook_subscription WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * A new current secret; the secrets that sign now keep signing for {@code overlap} more (at most), then stop.
     * Answers the subscription with its secrets, or empty when there is none with this id.
     */
    public Optional<WebhookSubscription> rotateSecret(String id, Duration overlap) {
        return Jdbc.inTransaction(dataSource, "rotate the secret of webhook subscription " + id, connection -> {
            Optional<WebhookSubscription> found = find(connection, id);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Instant now = clock.instant();
            Instant overlapEnds = now.plus(overlap);
            List<SigningSecret> secrets = new ArrayList<>();
            secrets.add(new SigningSecret(WebhookSecrets.generate(), null));
            for (SigningSecret previous : found.get().secrets()) {
                if (previous.validAt(now)) {
                    Instant ends = previous.expiresAt() == null || previous.expiresAt().isAfter(overlapEnds)
                            ? overlapEnds : previous.expiresAt();
                    if (ends.isAfter(now)) {
                        secrets.add(new SigningSecret(previous.secret(), ends));
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE mw_webhook_subscription SET secrets = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, sealer.seal(json(secrets)));
                Jdbc.setInstant(update, 2, now);
                update.setString(3, id);
                update.executeUpdate();
            }
            return find(connection, id);
        });
    }

    /** Makes a disabled subscription active again (its dead deliveries stay dead until replayed). */
    public Optional<WebhookSubscription> enable(String id) {
        return Jdbc.inTransaction(dataSource, "enable webhook subscription " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_subscription SET state = ?,"
                    + " disabled_reason = NULL, disabled_at = NULL, failing_since = NULL, updated_at = ? WHERE id = ?")) {
                update.setString(1, WebhookSubscription.ACTIVE);
                Jdbc.setInstant(update, 2, clock.instant());
                update.setString(3, id);
                update.executeUpdate();
            }
            return find(connection, id);
        });
    }

    /** Disables an active subscription inside the caller's transaction; answers whether it was active. */
    boolean disable(Connection connection, String id, String reason) throws SQLException {
        Instant now = clock.instant();
        try (PreparedStatement update = connection.prepareStatement("UPDATE mw_webhook_subscription SET state = ?,"
                + " disabled_reason = ?, disabled_at = ?, updated_at = ? WHERE id = ? AND state = ?")) {
            update.setString(1, WebhookSubscription.DISABLED);
            update.setString(2, reason);
            Jdbc.setInstant(update, 3, now);
            Jdbc.setInstant(update, 4, now);
            update.setString(5, id);
            update.setString(6, WebhookSubscription.ACTIVE);
            return update.executeUpdate() > 0;
        }
    }

    /** What the outbox needs of the active subscriptions to route an event: no secrets. */
    record Route(String id, List<String> eventTypes, List<String> connectionIds) {
        boolean accepts(String type, String connectionId) {
            return WebhookSubscription.accepts(eventTypes, connectionIds, type, connectionId);
        }
    }

    static List<Route> activeRoutes(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, event_types, connection_ids FROM mw_webhook_subscription WHERE state = ?")) {
            select.setString(1, WebhookSubscription.ACTIVE);
            List<Route> routes = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String connections = row.getString("connection_ids");
                    routes.add(new Route(row.getString("id"), parse(row.getString("event_types"), STRINGS),
                            connections == null ? null : parse(connections, STRINGS)));
                }
            }
            return routes;
        }
    }

    private WebhookSubscription read(ResultSet row) throws SQLException {
        String connections = row.getString("connection_ids");
        return new WebhookSubscription(row.getString("id"), row.getString("url"), row.getString("description"),
                parse(row.getString("event_types"), STRINGS), connections == null ? null : parse(connections, STRINGS),
                parse(sealer.open(row.getString("secrets")), SECRETS), row.getString("state"),
                row.getString("disabled_reason"), Jdbc.getInstant(row, "failing_since"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"),
                Jdbc.getInstant(row, "disabled_at"));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook subscription is stored unreadably: " + e.getOriginalMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
