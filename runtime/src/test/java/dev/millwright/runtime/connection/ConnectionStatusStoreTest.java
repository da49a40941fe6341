package dev.millwright.runtime.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.routes.store.SecretSealer;
import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.WebhookOutbox;

/**
 * The status state machine on a real database (H2 with the runtime's migrations) and the real webhook outbox:
 * each transition happens once and writes its events once, however many observers report it at the same time.
 */
class ConnectionStatusStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "con_health";

    private DataSource dataSource;
    private ConnectionStatusStore statuses;
    private ExecutorService threads;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:status-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = h2;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/millwright").load().migrate();
        Clock clock = Clock.systemUTC();
        SecretSealer clear = new SecretSealer() {
            @Override
            public String seal(String secret) {
                return secret;
            }

            @Override
            public String open(String sealed) {
                return sealed;
            }
        };
        new JdbcWebhookSubscriptionStore(dataSource, clear, clock).create("https://hooks.example.test/millwright",
                List.of(EventTypes.CONNECTION_STATUS_CHANGED, EventTypes.CONNECTION_AUTH_REQUIRED,
                        EventTypes.CONNECTION_DISCONNECTED, EventTypes.SYSTEM_ERROR), null, "status events");
        statuses = new ConnectionStatusStore(dataSource, new WebhookOutbox(dataSource, clock, Duration.ZERO), clock);
        try (Connection jdbc = dataSource.getConnection();
                PreparedStatement insert = jdbc.prepareStatement("INSERT INTO mw_connection (id, system, name,"
                        + " status, settings, secrets, schedules, custom_fields, token_hash, suspended, created_at,"
                        + " updated_at) VALUES (?, 'maximo', 'Health', 'online', '{}', '{}', '{}', '{}', ?, FALSE,"
                        + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            insert.setString(1, ID);
            insert.setString(2, "hash-" + ID);
            insert.executeUpdate();
        }
        threads = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void manyObserversOfTheSameRefusalMakeOneTransitionAndOneSetOfEvents() throws Exception {
        List<Optional<StatusTransition>> results = concurrently(32,
                () -> statuses.transition(ID, ConnectionStatus.AUTH_REQUIRED, "401 from the source"));

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(status()).isEqualTo("auth_required");
        assertThat(events(EventTypes.CONNECTION_STATUS_CHANGED)).hasSize(1);
        assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED)).hasSize(1);
        JsonNode data = events(EventTypes.CONNECTION_AUTH_REQUIRED).get(0).get("data");
        assertThat(data.get("connection_id").asText()).isEqualTo(ID);
        assertThat(data.get("previous").asText()).isEqualTo("online");
        assertThat(data.get("status").asText()).isEqualTo("auth_required");
        assertThat(data.get("reason").asText()).isEqualTo("401 from the source");
        assertThat(Instant.parse(data.get("at").asText())).isNotNull();
    }

    @Test
    void concurrentOfflineAndOnlineObservationsAlternateWithOneEventPerChange() throws Exception {
        List<Optional<StatusTransition>> results = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            results.addAll(concurrently(8, () -> statuses.transition(ID, ConnectionStatus.OFFLINE, "503")));
            results.addAll(concurrently(8, () -> statuses.transition(ID, ConnectionStatus.ONLINE, null)));
        }

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(10);
        List<JsonNode> changes = events(EventTypes.CONNECTION_STATUS_CHANGED);
        assertThat(changes).hasSize(10);
        for (int i = 0; i < changes.size(); i++) {
            String expected = i % 2 == 0 ? "offline" : "online";
            assertThat(changes.get(i).at("/data/status").asText()).isEqualTo(expected);
            assertThat(changes.get(i).at("/data/previous").asText()).isEqualTo(i % 2 == 0 ? "online" : "offline");
        }
        assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED)).isEmpty();
    }

    @Test
    void anObservationOfTheCurrentStatusChangesNothing() {
        assertThat(statuses.transition(ID, ConnectionStatus.ONLINE, null)).isEmpty();
        assertThat(events(EventTypes.CONNECTION_STATUS_CHANGED)).isEmpty();
    }

    @Test
    void disconnectedIsFinalAndAnnouncedOnce() throws Exception {
        statuses.transition(ID, ConnectionStatus.OFFLINE, "unreachable");
        List<Optional<StatusTransition>> results = concurrently(8,
                () -> statuses.transition(ID, ConnectionStatus.DISCONNECTED, "disconnected through the API"));
        assertThat(statuses.transition(ID, ConnectionStatus.ONLINE, null)).isEmpty();
        assertThat(statuses.transition(ID, ConnectionStatus.AUTH_REQUIRED, "401")).isEmpty();

        assertThat(results.stream().filter(Optional::isPresent)).hasSize(1);
        assertThat(status()).isEqualTo("disconnected");
        assertThat(events(EventTypes.CONNECTION_DISCONNECTED)).hasSize(1);
        assertThat(events(EventTypes.CONNECTION_DISCONNECTED).get(0).at("/data/previous").asText())
                .isEqualTo("offline");
        assertThat(events(EventTypes.CONNECTION_STATUS_CHANGED)).hasSize(2);
    }

    @Test
    void anUnexpectedCheckFailureIsASystemErrorOncePerDistinctError() {
        statuses.recordCheck(ID, "malformed page", true);
        statuses.recordCheck(ID, "malformed page", true);
        statuses.recordCheck(ID, null, false);
        statuses.recordCheck(ID, "malformed page", true);
        statuses.recordCheck(ID, "the source answered 500", true);

        assertThat(events(EventTypes.SYSTEM_ERROR)).extracting(event -> event.at("/data/error").asText())
                .containsExactly("malformed page", "malformed page", "the source answered 500");
        ConnectionHealth health = statuses.health(ID);
        assertThat(health.lastCheckError()).isEqualTo("the source answered 500");
        assertThat(health.lastSuccessAt()).isNotNull().isBeforeOrEqualTo(health.lastCheckedAt());
    }

    @Test
    void aSuccessfulCheckRecordsTheTimeAndClearsTheError() {
        statuses.recordCheck(ID, "503", false);
        assertThat(statuses.health(ID).lastSuccessAt()).isNull();

        statuses.recordCheck(ID, null, false);

        ConnectionHealth health = statuses.health(ID);
        assertThat(health.lastCheckError()).isNull();
        assertThat(health.lastSuccessAt()).isEqualTo(health.lastCheckedAt());
        assertThat(events(EventTypes.SYSTEM_ERROR)).isEmpty();
    }

    private <T> List<T> concurrently(int count, java.util.concurrent.Callable<T> task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            futures.add(threads.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    private String status() {
        return query("SELECT status FROM mw_connection WHERE id = '" + ID + "'").get(0);
    }

    private List<JsonNode> events(String type) {
        return query("SELECT payload FROM mw_webhook_event WHERE type = '" + type + "' AND connection_id = '" + ID
                + "' ORDER BY seq").stream().map(payload -> {
                    try {
                        return JSON.readTree(payload);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private List<String> query(String sql) {
        try (Connection jdbc = dataSource.getConnection(); PreparedStatement select = jdbc.prepareStatement(sql);
                ResultSet rows = select.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
