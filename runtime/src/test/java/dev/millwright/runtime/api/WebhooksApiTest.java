package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.sun.net.httpserver.HttpServer;

import dev.millwright.runtime.demo.DemoEnvironment;

/** Webhook subscriptions over HTTP with the admin key, and events from API writes arriving signed. */
@QuarkusTest
class WebhooksApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    DemoEnvironment demo;

    private HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private volatile int answer = 204;
    private final List<String> subscribed = new ArrayList<>();

    record Received(String id, String timestamp, String signature, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            int status = answer;
            if (status / 100 == 2) {
                synchronized (received) {
                    received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"), new String(body, StandardCharsets.UTF_8)));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        // the application outlives this class: its subscriptions must not receive the other tests' events
        for (String id : subscribed) {
            Api.admin().delete("/webhooks/" + id);
        }
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    private List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private JsonPath subscribe(Map<String, Object> body) {
        JsonPath created = Api.admin().contentType(ContentType.JSON).body(body).post("/webhooks").then()
                .statusCode(201).extract().jsonPath();
        subscribed.add(created.getString("id"));
        return created;
    }

    @Test
    void aSubscriptionIsCreatedWithASecretShownOnceListedReadAndDeleted() {
        JsonPath created = subscribe(Map.of("url", url(), "events", List.of("sync.completed", "work_order.created"),
                "description", "planning board"));
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
        assertThat(created.getList("events", String.class)).containsExactly("sync.completed", "work_order.created");
        assertThat(created.getString("connections")).isNull();
        assertThat(created.getString("state")).isEqualTo("active");

        Api.admin().get("/webhooks").then().statusCode(200).body("id", hasItem(id))
                .body("find { it.id == '" + id + "' }.secret", nullValue());
        Api.admin().get("/webhooks/" + id).then().statusCode(200).body("url", equalTo(url()))
                .body("description", equalTo("planning board")).body("secret", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("secrets")));

        Api.admin().delete("/webhooks/" + id).then().statusCode(204);
        Api.admin().get("/webhooks/" + id).then().statusCode(404);
        Api.admin().delete("/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void webhooksNeedTheAdminKey() {
        io.restassured.RestAssured.given().get("/webhooks").then().statusCode(401);
        Api.as("not-the-admin-key").get("/webhooks").then().statusCode(401);
    }

    @Test
    void anUnknownEventTypeOrARefusedUrlIsAProblemNamingTheField() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("url", url(), "events", List.of("work_order.eaten")))
                .post("/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events[0]"));
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("url", "http://example.com/hooks", "events", List.of("sync.failed")))
                .post("/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        Api.admin().contentType(ContentType.JSON)
                .body(Map.of("url", "https://10.0.0.8/hooks", "events", List.of("sync.failed")))
                .post("/webhooks").then().statusCode(400).body("errors[0].field", equalTo("url"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("url", url()))
                .post("/webhooks").then().statusCode(400).body("errors[0].field", equalTo("events"));
    }

    @Test
    void aWriteThroughTheApiSendsASignedWorkOrderCreatedEvent() throws Exception {
        var connection = Api.createMaximoConnection(demo, Map.of());
        String token = connection.path("token");
        String connectionId = connection.path("id");
        JsonPath subscription = subscribe(Map.of("url", url(), "events", List.of("work_order.created"),
                "connections", List.of(connectionId)));

        String recordId = createWorkOrder(token, "Webhook conveyor check");

        Received event = await().atMost(PATIENCE).until(() -> received().stream()
                .filter(r -> r.body().contains(recordId)).findFirst().orElse(null), r -> r != null);
        JsonPath payload = JsonPath.from(event.body());
        assertThat(payload.getString("id")).isEqualTo(event.id());
        assertThat(payload.getString("type")).isEqualTo("work_order.created");
        assertThat(payload.getString("connection_id")).isEqualTo(connectionId);
        assertThat(payload.getString("timestamp")).isNotBlank();
        assertThat(payload.getString("data.title")).isEqualTo("Webhook conveyor check");
        assertThat(verifies(subscription.getString("secret"), event)).isTrue();
        assertThat(verifies("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), event)).isFalse();

        JsonPath deliveries = Api.admin().get("/webhooks/" + subscription.getString("id") + "/deliveries").then()
                .statusCode(200).extract().jsonPath();
        assertThat(deliveries.getString("results[0].event_id")).isEqualTo(event.id());
        assertThat(deliveries.getString("results[0].event_type")).isEqualTo("work_order.created");
        await().atMost(PATIENCE).until(() -> "delivered".equals(Api.admin()
                .get("/webhooks/" + subscription.getString("id") + "/deliveries").path("results[0].state")));
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        var connection = Api.createMaximoConnection(demo, Map.of());
        String token = connection.path("token");
        JsonPath subscription = subscribe(Map.of("url", url(), "events", List.of("work_order.created"),
                "connections", List.of(connection.path("id").toString())));
        String id = subscription.getString("id");
        String previous = subscription.getString("secret");

        JsonPath rotated = Api.admin().post("/webhooks/" + id + "/rotate-secret").then().statusCode(200)
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        String current = rotated.getString("secret");
        assertThat(current).isNotEqualTo(previous);
        assertThat(rotated.getString("previous_secret_expires_at")).isNotBlank();
        Api.admin().get("/webhooks/" + id).then().body("secret", nullValue());

        String recordId = createWorkOrder(token, "Rotation check");

        Received event = await().atMost(PATIENCE).until(() -> received().stream()
                .filter(r -> r.body().contains(recordId)).findFirst().orElse(null), r -> r != null);
        assertThat(event.signature().split(" ")).hasSize(2);
        assertThat(verifies(previous, event)).isTrue();
        assertThat(verifies(current, event)).isTrue();
        Api.admin().post("/webhooks/not-there/rotate-secret").then().statusCode(404);
    }

    @Test
    void failedDeliveriesShowTheirAttemptsAndCanBeReplayed() throws Exception {
        var connection = Api.createMaximoConnection(demo, Map.of());
        String token = connection.path("token");
        String id = subscribe(Map.of("url", url(), "events", List.of("work_order.created"),
                "connections", List.of(connection.path("id").toString()))).getString("id");
        answer = 500;

        String recordId = createWorkOrder(token, "Replay check");

        // the test retry schedule has 5 attempts, each answered 500: then the delivery is dead
        await().atMost(PATIENCE).until(() -> "dead".equals(Api.admin().get("/webhooks/" + id + "/deliveries")
                .path("results[0].state")));
        JsonPath dead = Api.admin().get("/webhooks/" + id + "/deliveries?page_size=1").then().statusCode(200)
                .extract().jsonPath();
        assertThat(dead.getInt("results[0].attempts")).isEqualTo(5);
        assertThat(dead.getList("results[0].attempt_log")).hasSize(5);
        assertThat(dead.getInt("results[0].attempt_log[0].status_code")).isEqualTo(500);
        assertThat(dead.getString("results[0].attempt_log[0].error")).contains("500");
        assertThat(dead.getLong("results[0].attempt_log[0].latency_ms")).isNotNegative();
        long deliveryId = dead.getLong("results[0].id");
        assertThat(received()).noneMatch(r -> r.body().contains(recordId));

        answer = 204;
        Api.admin().contentType(ContentType.JSON).body(Map.of("since", "2000-01-01T00:00:00Z"))
                .post("/webhooks/" + id + "/replay").then().statusCode(200).body("replayed", equalTo(1));
        await().atMost(PATIENCE).until(() -> received().stream().anyMatch(r -> r.body().contains(recordId)));
        await().atMost(PATIENCE).until(() -> "delivered".equals(Api.admin().get("/webhooks/" + id + "/deliveries")
                .path("results[0].state")));

        // one delivery again, by its id: the same event (same webhook-id) once more
        Api.admin().contentType(ContentType.JSON).body(Map.of("delivery_id", deliveryId))
                .post("/webhooks/" + id + "/replay").then().statusCode(200).body("replayed", equalTo(1));
        await().atMost(PATIENCE).until(() -> received().stream().filter(r -> r.body().contains(recordId)).count() == 2);
        assertThat(received().stream().filter(r -> r.body().contains(recordId)).map(Received::id).distinct())
                .hasSize(1);
        Api.admin().contentType(ContentType.JSON).body(Map.of("delivery_id", 999999999))
                .post("/webhooks/" + id + "/replay").then().statusCode(404);
        Api.admin().contentType(ContentType.JSON).body(Map.of("since", "yesterday"))
                .post("/webhooks/" + id + "/replay").then().statusCode(400).body("errors[0].field", equalTo("since"));
    }

    @Test
    void deliveriesArePaginated() throws Exception {
        var connection = Api.createMaximoConnection(demo, Map.of());
        String token = connection.path("token");
        String id = subscribe(Map.of("url", url(), "events", List.of("work_order.created"),
                "connections", List.of(connection.path("id").toString()))).getString("id");
        for (int i = 0; i < 3; i++) {
            createWorkOrder(token, "Page check " + i);
        }
        await().atMost(PATIENCE).until(() -> Api.admin().get("/webhooks/" + id + "/deliveries")
                .jsonPath().getList("results").size() == 3);

        JsonPath first = Api.admin().get("/webhooks/" + id + "/deliveries?page_size=2").then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("results")).hasSize(2);
        String next = first.getString("next_cursor");
        JsonPath second = Api.admin().get("/webhooks/" + id + "/deliveries?page_size=2&cursor=" + next).then()
                .statusCode(200).extract().jsonPath();
        assertThat(second.getList("results")).hasSize(1);
        assertThat(second.getString("next_cursor")).isNull();
        assertThat(second.getLong("results[0].id")).isLessThan(first.getLong("results[1].id"));
    }

    private static String createWorkOrder(String token, String title) {
        return Api.as(token).contentType(ContentType.JSON).body(Map.of("title", title, "site", "BEDFORD",
                "status", "pending_approval", "type", "CM", "priority", "2"))
                .post("/work-orders").then().statusCode(201).extract().path("id");
    }

    /** Standard Webhooks verification written out here, independently of the runtime's signer. */
    private static boolean verifies(String secret, Received event) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        byte[] expected = mac.doFinal((event.id() + "." + event.timestamp() + "." + event.body())
                .getBytes(StandardCharsets.UTF_8));
        for (String signature : event.signature().split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
}
