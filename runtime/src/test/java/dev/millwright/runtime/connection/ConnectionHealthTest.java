package dev.millwright.runtime.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.simulators.maximo.MaximoSimulator;

/**
 * Connection health against real simulators over HTTP and the real database: what periodic checks, syncs and writes
 * observe becomes one status transition with its events, visible in the API, readiness data and metrics.
 */
@QuarkusTest
@TestProfile(FastHealthChecks.class)
class ConnectionHealthTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORK_ORDERS = "MXAPIWODETAIL";
    private static final String ON_DEMAND = "0 0 0 1 1 ? 2099";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private static HttpServer receiver;

    @Inject
    DataSource dataSource;

    @Inject
    JdbcWebhookSubscriptionStore subscriptions;

    @Inject
    ConnectionHealthChecks healthChecks;

    @Inject
    ConnectionService connections;

    /** A webhook receiver that accepts everything, so that the subscription stays healthy. */
    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private void subscribeToConnectionEvents() {
        subscriptions.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/events",
                List.of(EventTypes.CONNECTION_STATUS_CHANGED, EventTypes.CONNECTION_AUTH_REQUIRED,
                        EventTypes.CONNECTION_DISCONNECTED, EventTypes.SYSTEM_ERROR), null,
                "connection health test");
    }

    @Test
    void aRevokedKeyMakesTheConnectionAuthRequiredOnceAndReauthorizingResumesFromTheWatermark() throws Exception {
        subscribeToConnectionEvents();
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("first-key").apiKey("second-key")
                .workOrders(20).purchaseOrders(0).inventoryItems(0).vendors(0).assets(0).seed(7).build().start()) {
            ObjectNode created = create(Map.of("system", "maximo", "name", "Health Maximo",
                    "settings", Map.of("baseUrl", maximo.baseUrl(), "apiKey", "first-key", "initialHistory", "all"),
                    "schedules", Map.of("work_order", ON_DEMAND)));
            String id = created.get("id").asText();
            String token = created.get("token").asText();
            JsonPath first = syncAndWait(token);
            assertThat(first.getString("state")).isEqualTo("done");
            assertThat(first.getLong("records_written")).isEqualTo(20);
            Instant watermark = Instant.parse(first.getString("watermark"));
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_success_at") != null);

            maximo.revokeApiKey("first-key");
            Instant revokedAt = Instant.now();
            List<ObjectNode> records = maximo.records(WORK_ORDERS);
            for (int i = 0; i < 3; i++) {
                maximo.modify(WORK_ORDERS, maximo.restIdOf(records.get(i)),
                        Map.of("description", "changed while the key was revoked " + i));
            }
            // several observers of the same refusal at once: syncs and health checks
            Connection connection = connections.get(id);
            List<CompletableFuture<?>> observers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                observers.add(CompletableFuture.runAsync(() -> healthChecks.check(connection)));
                observers.add(CompletableFuture.runAsync(() -> as(token).contentType(ContentType.JSON)
                        .body(Map.of("entity", "work_order")).post("/sync")));
            }
            CompletableFuture.allOf(observers.toArray(CompletableFuture[]::new)).join();

            await().atMost(PATIENCE).untilAsserted(() -> admin().get("/connections/" + id).then()
                    .body("status", equalTo("auth_required")));
            Instant changedAt = Instant.parse(admin().get("/connections/" + id).path("status_changed_at"));
            // more checks keep seeing the refusal; none of them changes anything
            await().atMost(PATIENCE).until(() -> Instant.parse(admin().get("/connections/" + id)
                    .path("last_checked_at")).isAfter(changedAt.plusSeconds(3)));
            assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED, id)).hasSize(1);
            List<JsonNode> changes = events(EventTypes.CONNECTION_STATUS_CHANGED, id);
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).at("/data/previous").asText()).isEqualTo("online");
            assertThat(changes.get(0).at("/data/status").asText()).isEqualTo("auth_required");
            JsonPath view = admin().get("/connections/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(view.getString("status_reason")).isNotBlank();
            assertThat(view.getString("last_check_error")).isNotBlank();

            // readiness stays UP and names the degraded connection
            JsonPath ready = given().get("/q/health/ready").then().extract().jsonPath();
            assertThat(ready.getString("status")).as(ready.prettify()).isEqualTo("UP");
            assertThat(ready.getString("checks.find { it.name == 'millwright-connections' }.data." + id))
                    .startsWith("auth_required");
            assertThat(gauge(id, "auth_required")).isEqualTo(1.0);
            assertThat(gauge(id, "online")).isEqualTo(0.0);

            String newToken = admin().contentType(ContentType.JSON)
                    .body(Map.of("settings", Map.of("apiKey", "second-key")))
                    .post("/connections/" + id + "/reauthorize").then().statusCode(200)
                    .body("status", equalTo("online")).extract().path("token");

            changes = events(EventTypes.CONNECTION_STATUS_CHANGED, id);
            assertThat(changes).hasSize(2);
            assertThat(changes.get(1).at("/data/previous").asText()).isEqualTo("auth_required");
            assertThat(changes.get(1).at("/data/status").asText()).isEqualTo("online");
            JsonPath resumed = syncAndWait(newToken);
            assertThat(resumed.getString("state")).isEqualTo("done");
            // only what changed since the watermark is read again
            assertThat(resumed.getLong("records_written")).isEqualTo(3);
            assertThat(resumed.getLong("records_read")).isLessThan(20);
            assertThat(Instant.parse(resumed.getString("watermark"))).isAfter(watermark);
            List<String> changed = as(newToken).queryParam("modified_after", revokedAt.minusSeconds(1).toString())
                    .get("/work-orders").then().statusCode(200).extract().path("results.remote_id");
            assertThat(changed).hasSize(3);
            assertThat(gauge(id, "online")).isEqualTo(1.0);
            assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED, id)).hasSize(1);
            admin().delete("/connections/" + id).then().statusCode(200);
        }
    }

    @Test
    void anUnreachableSourceIsOfflineOnceAndOnlineOnceWhenItIsBack() {
        subscribeToConnectionEvents();
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("key").workOrders(5).purchaseOrders(0)
                .inventoryItems(0).vendors(0).assets(0).build().start()) {
            String id = create(Map.of("system", "maximo", "name", "Flaky Maximo",
                    "settings", Map.of("baseUrl", maximo.baseUrl(), "apiKey", "key", "maxAttempts", "2",
                            "retryDelay", "50"),
                    "schedules", Map.of())).get("id").asText();
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_success_at") != null);

            maximo.faults().serverErrorRate(1.0);
            await().atMost(PATIENCE).untilAsserted(() -> admin().get("/connections/" + id).then()
                    .body("status", equalTo("offline")));
            Instant offlineAt = Instant.parse(admin().get("/connections/" + id).path("status_changed_at"));
            await().atMost(PATIENCE).until(() -> Instant.parse(admin().get("/connections/" + id)
                    .path("last_checked_at")).isAfter(offlineAt.plusSeconds(3)));
            assertThat(given().get("/q/health/ready").then().extract().jsonPath()
                    .getString("checks.find { it.name == 'millwright-connections' }.data." + id))
                    .startsWith("offline");

            maximo.faults().reset();
            await().atMost(PATIENCE).untilAsserted(() -> admin().get("/connections/" + id).then()
                    .body("status", equalTo("online")));
            Instant onlineAt = Instant.parse(admin().get("/connections/" + id).path("status_changed_at"));
            await().atMost(PATIENCE).until(() -> Instant.parse(admin().get("/connections/" + id)
                    .path("last_success_at")).isAfter(onlineAt.plusSeconds(3)));

            List<JsonNode> changes = events(EventTypes.CONNECTION_STATUS_CHANGED, id);
            assertThat(changes).extracting(event -> event.at("/data/status").asText())
                    .containsExactly("offline", "online");
            assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED, id)).isEmpty();
            assertThat(events(EventTypes.SYSTEM_ERROR, id)).isEmpty();
            assertThat(given().get("/q/health/ready").then().extract().jsonPath()
                    .getString("checks.find { it.name == 'millwright-connections' }.data." + id)).isNull();
            admin().delete("/connections/" + id).then().statusCode(200);
        }
    }

    @Test
    void aCheckFailingUnexpectedlyIsOneSystemErrorAndLeavesTheStatusAlone() {
        subscribeToConnectionEvents();
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("key").workOrders(3).purchaseOrders(0)
                .inventoryItems(0).vendors(0).assets(0).build().start()) {
            String id = create(Map.of("system", "maximo", "name", "Garbling Maximo",
                    "settings", Map.of("baseUrl", maximo.baseUrl(), "apiKey", "key"),
                    "schedules", Map.of())).get("id").asText();
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_success_at") != null);

            maximo.faults().malformNextPages(1_000_000);
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_check_error") != null);
            Instant failedAt = Instant.parse(admin().get("/connections/" + id).path("last_checked_at"));
            await().atMost(PATIENCE).until(() -> Instant.parse(admin().get("/connections/" + id)
                    .path("last_checked_at")).isAfter(failedAt.plusSeconds(3)));

            List<JsonNode> errors = events(EventTypes.SYSTEM_ERROR, id);
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).at("/data/error").asText()).isNotBlank();
            admin().get("/connections/" + id).then().body("status", equalTo("online"));
            assertThat(events(EventTypes.CONNECTION_STATUS_CHANGED, id)).isEmpty();

            maximo.faults().reset();
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_check_error") == null);
            admin().delete("/connections/" + id).then().statusCode(200);
        }
    }

    @Test
    void aSuspendedConnectionIsNotChecked() {
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("key").workOrders(1).purchaseOrders(0)
                .inventoryItems(0).vendors(0).assets(0).build().start()) {
            String id = create(Map.of("system", "maximo", "name", "Suspended Maximo",
                    "settings", Map.of("baseUrl", maximo.baseUrl(), "apiKey", "key"),
                    "schedules", Map.of())).get("id").asText();
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_checked_at") != null);

            connections.suspend(id);
            long requests = maximo.requestCount();
            Instant suspendedAt = Instant.now();
            await().atMost(PATIENCE).until(() -> anyCheckAfter(suspendedAt.plusSeconds(3)));

            assertThat(maximo.requestCount()).isLessThanOrEqualTo(requests + 1);
            connections.resume(id);
            await().atMost(PATIENCE).until(() -> maximo.requestCount() > requests + 1);
            admin().delete("/connections/" + id).then().statusCode(200);
        }
    }

    @Test
    void disconnectingEmitsConnectionDisconnectedAndStopsTheChecks() {
        subscribeToConnectionEvents();
        try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("key").workOrders(1).purchaseOrders(0)
                .inventoryItems(0).vendors(0).assets(0).build().start()) {
            String id = create(Map.of("system", "maximo", "name", "Short-lived Maximo",
                    "settings", Map.of("baseUrl", maximo.baseUrl(), "apiKey", "key"),
                    "schedules", Map.of())).get("id").asText();
            await().atMost(PATIENCE).until(() -> admin().get("/connections/" + id).path("last_checked_at") != null);

            admin().delete("/connections/" + id).then().statusCode(200).body("status", equalTo("disconnected"));
            maximo.revokeApiKey("key");
            long requests = maximo.requestCount();
            Instant disconnectedAt = Instant.now();
            // a check of another connection after the disconnection shows that sweeps went on without it
            await().atMost(PATIENCE).until(() -> anyCheckAfter(disconnectedAt.plusSeconds(3)));

            assertThat(maximo.requestCount()).isLessThanOrEqualTo(requests + 1);
            assertThat(events(EventTypes.CONNECTION_DISCONNECTED, id)).hasSize(1);
            assertThat(events(EventTypes.CONNECTION_DISCONNECTED, id).get(0).at("/data/previous").asText())
                    .isEqualTo("online");
            assertThat(events(EventTypes.CONNECTION_AUTH_REQUIRED, id)).isEmpty();
            assertThat(events(EventTypes.SYSTEM_ERROR, id)).isEmpty();
            admin().get("/connections/" + id).then().body("status", equalTo("disconnected"));
            assertThat(gauge(id, "disconnected")).isEqualTo(1.0);
        }
    }

    @Test
    void everyDemoConnectionPassesItsHealthCheck() {
        List<String> demo = admin().get("/connections").then().statusCode(200).extract()
                .path("findAll { it.id.startsWith('demo') }.id");
        assertThat(demo).isNotEmpty();
        for (String id : demo) {
            await().atMost(PATIENCE).untilAsserted(() -> {
                JsonPath view = admin().get("/connections/" + id).then().extract().jsonPath();
                assertThat(view.getString("last_success_at")).as(id + ": " + view.getString("last_check_error"))
                        .isNotNull();
                assertThat(view.getString("status")).as(id).isEqualTo("online");
            });
        }
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("millwright_connection_status{");
    }

    private boolean anyCheckAfter(Instant instant) {
        List<String> checked = admin().get("/connections").then().extract().path("last_checked_at");
        return checked.stream().anyMatch(at -> at != null && Instant.parse(at).isAfter(instant));
    }

    private static ObjectNode create(Map<String, Object> body) {
        String answer = admin().contentType(ContentType.JSON).body(body).post("/connections").then().statusCode(201)
                .extract().asString();
        try {
            return (ObjectNode) JSON.readTree(answer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath syncAndWait(String token) {
        String before = syncStatus(token).getString("last_finished_at");
        as(token).contentType(ContentType.JSON).body(Map.of("entity", "work_order")).post("/sync").then()
                .statusCode(202);
        return await().atMost(PATIENCE).until(() -> syncStatus(token), status ->
                status.getString("last_finished_at") != null && !status.getString("last_finished_at").equals(before)
                        && !status.getString("state").equals("syncing"));
    }

    private static JsonPath syncStatus(String token) {
        JsonPath all = as(token).get("/sync-status").then().statusCode(200).extract().jsonPath();
        return new JsonPath(all.prettify()).setRootPath("entities.find { it.entity == 'work_order' }");
    }

    private static double gauge(String connectionId, String status) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^millwright_connection_status\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            String labels = line.group(1);
            if (labels.contains("connection=\"" + connectionId + "\"") && labels.contains("status=\"" + status + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no millwright_connection_status gauge for " + connectionId + " " + status);
    }

    private List<JsonNode> events(String type, String connectionId) throws RuntimeException {
        List<JsonNode> events = new ArrayList<>();
        try (var jdbc = dataSource.getConnection(); PreparedStatement select = jdbc.prepareStatement(
                "SELECT payload FROM mw_webhook_event WHERE type = ? AND connection_id = ? ORDER BY seq")) {
            select.setString(1, type);
            select.setString(2, connectionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(JSON.readTree(rows.getString(1)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer test-admin-key");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
