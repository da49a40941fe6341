package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.inbound.InboxWorker;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.webhook.WebhookSecrets;
import dev.millwright.routes.webhook.WebhookSignature;
import dev.millwright.runtime.demo.DemoEnvironment;
import dev.millwright.simulators.maximo.ChangeNotifier;

/**
 * Inbound webhooks over HTTP against the running runtime: signed notifications are stored once and processed
 * once, forgeries are refused with nothing stored, and the canonical store ends at the source's newest state.
 */
@QuarkusTest
class InboundWebhooksTest {

    private static final String WO = "MXAPIWODETAIL";
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    @Inject
    DemoEnvironment demo;

    @Inject
    DataSource dataSource;

    @Inject
    JdbcCanonicalStore canonicalStore;

    @Inject
    JdbcDeadLetterStore deadLetters;

    private final HttpClient http = HttpClient.newHttpClient();

    /** One POST as a sender makes it. */
    private record Delivery(String webhookId, byte[] body, String secret, boolean forged) {
    }

    private int post(String connectionId, Delivery delivery) throws Exception {
        long ts = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/inbound/"
                        + connectionId))
                .header("content-type", "application/json")
                .header(WebhookSignature.ID_HEADER, delivery.webhookId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(List.of(delivery.secret()),
                        delivery.webhookId(), ts, delivery.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body())).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String restId(ObjectNode record) {
        String href = record.get("href").asText();
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private static byte[] notification(ObjectNode version) {
        return ("{\"entity\":\"work_order\",\"remote_id\":\"" + restId(version) + "\",\"version\":\""
                + version.get("_rowstamp").asText() + "\",\"changedate\":\"" + version.get("changedate").asText()
                + "\",\"event\":\"updated\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSecretIsShownOnceAndAReauthorizationReplacesIt() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of());
        String id = created.path("id");
        String secret = created.path("inbound_secret");
        assertThat(secret).startsWith(WebhookSecrets.PREFIX);
        byte[] body = "{\"entity\":\"vendor\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(post(id, new Delivery("msg_before", body, secret, false))).isEqualTo(200);

        Api.admin().get("/connections/" + id).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("inbound_secret")));
        String renewed = Api.admin().contentType("application/json").body(Map.of("settings", Map.of()))
                .post("/connections/" + id + "/reauthorize").then().statusCode(200).extract().path("inbound_secret");

        assertThat(renewed).startsWith(WebhookSecrets.PREFIX).isNotEqualTo(secret);
        assertThat(post(id, new Delivery("msg_old_secret", body, secret, true))).isEqualTo(401);
        assertThat(post(id, new Delivery("msg_new_secret", body, renewed, false))).isEqualTo(200);
        assertThat(post("no-such-connection", new Delivery("msg_x", body, renewed, true))).isEqualTo(401);
        assertThat(inboxIds(id)).containsExactlyInAnyOrder("msg_before", "msg_new_secret");
    }

    @Test
    void aDisconnectedConnectionsSecretNoLongerVerifies() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of());
        String id = created.path("id");
        byte[] body = "{\"entity\":\"vendor\"}".getBytes(StandardCharsets.UTF_8);

        Api.admin().delete("/connections/" + id).then().statusCode(200);

        assertThat(post(id, new Delivery("msg_disconnected", body, created.path("inbound_secret"), false)))
                .isEqualTo(401);
        assertThat(inboxIds(id)).isEmpty();
    }

    @Test
    void refusalsAreProblemsWithClearCodes() {
        Response created = Api.createMaximoConnection(demo, Map.of());
        String id = created.path("id");
        String secret = created.path("inbound_secret");
        byte[] body = "{\"entity\":\"vendor\"}".getBytes(StandardCharsets.UTF_8);
        long stale = Instant.now().minus(Duration.ofMinutes(10)).getEpochSecond();

        RestAssured.given().header(WebhookSignature.ID_HEADER, "msg_stale")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(stale))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(List.of(secret), "msg_stale",
                        stale, body))
                .body(body).post("/inbound/" + id).then().statusCode(401).contentType("application/problem+json")
                .body("code", org.hamcrest.Matchers.equalTo("WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE"));
        RestAssured.given().header(WebhookSignature.ID_HEADER, "msg_forged")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(Instant.now().getEpochSecond()))
                .header(WebhookSignature.SIGNATURE_HEADER, "v1,AAAA")
                .body(body).post("/inbound/" + id).then().statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("WEBHOOK_SIGNATURE_INVALID"));
        byte[] big = new byte[262_145];
        long now = Instant.now().getEpochSecond();
        RestAssured.given().header(WebhookSignature.ID_HEADER, "msg_big")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(List.of(secret), "msg_big", now,
                        big))
                .body(big).post("/inbound/" + id).then().statusCode(413)
                .body("code", org.hamcrest.Matchers.equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(inboxIds(id)).isEmpty();
    }

    @Test
    void tenThousandNotificationsWithDuplicatesReorderingAndForgeriesEndAtTheNewestState() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of("work_order", NEVER));
        String id = created.path("id");
        String token = created.path("token");
        String secret = created.path("inbound_secret");
        SyncApiTest.syncAndWait(token, "work_order", false);

        // 325 work orders changed 20 times each in the source: 6,500 versions, one valid notification each
        Random random = new Random(4);
        List<ObjectNode> workOrders = new ArrayList<>(demo.maximo().records(WO));
        Collections.shuffle(workOrders, random);
        List<ObjectNode> touched = workOrders.subList(0, 325);
        List<Delivery> valid = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            for (ObjectNode workOrder : touched) {
                ObjectNode version = demo.maximo().modify(WO, restId(workOrder),
                        Map.of("description", "inbound round " + round));
                valid.add(new Delivery("msg_" + UUID.randomUUID(), notification(version), secret, false));
            }
        }
        List<Delivery> deliveries = new ArrayList<>(valid);
        for (int i = 0; i < 3_000; i++) {
            deliveries.add(valid.get(random.nextInt(valid.size())));
        }
        String wrongSecret = WebhookSecrets.generate();
        for (int i = 0; i < 500; i++) {
            Delivery copied = valid.get(random.nextInt(valid.size()));
            deliveries.add(new Delivery("forged_" + i, copied.body(), wrongSecret, true));
        }
        Collections.shuffle(deliveries, random);
        assertThat(deliveries).hasSize(10_000);

        Map<Delivery, List<Integer>> answers = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                running.add(senders.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < deliveries.size(); ) {
                        Delivery delivery = deliveries.get(i);
                        int status = post(id, delivery);
                        answers.computeIfAbsent(delivery, d -> Collections.synchronizedList(new ArrayList<>()))
                                .add(status);
                    }
                    return null;
                }));
            }
            for (Future<?> sender : running) {
                sender.get();
            }
        } finally {
            senders.shutdownNow();
        }

        answers.forEach((delivery, statuses) -> assertThat(statuses).as(delivery.webhookId())
                .containsOnly(delivery.forged() ? 401 : 200));
        Set<String> validIds = new HashSet<>();
        valid.forEach(delivery -> validIds.add(delivery.webhookId()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> inboxStates(id).values().stream().allMatch(state -> state.startsWith("done|")));
        Map<String, String> inbox = inboxStates(id);
        assertThat(inbox.keySet()).isEqualTo(validIds);
        assertThat(inbox.values()).allMatch(state -> state.startsWith("done|1|"), "processed once, at the first try");
        assertThat(deadLetters.pending(id, InboxWorker.DEAD_LETTER_ENTITY, 10)).isEmpty();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (ObjectNode workOrder : touched) {
                ObjectNode newest = demo.maximo().record(WO, restId(workOrder));
                JdbcCanonicalStore.StoredRecord stored = canonicalStore.find(CanonicalIds.stableId(id, "work_order",
                        restId(workOrder)));
                assertThat(stored.remoteVersion()).as("work order %s", workOrder.get("wonum"))
                        .isEqualTo(newest.get("_rowstamp").asText());
            }
        });
    }

    @Test
    void aChangeTheSimulatorNotifiesReachesTheApiWithoutWaitingForTheSchedule() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of("work_order", NEVER));
        String id = created.path("id");
        String token = created.path("token");
        SyncApiTest.syncAndWait(token, "work_order", false);
        ChangeNotifier.Target target = demo.maximo().changeNotifications().addTarget(
                "http://localhost:" + RestAssured.port + "/inbound/" + id, created.path("inbound_secret"));
        try {
            ObjectNode workOrder = demo.maximo().records(WO).get(17);
            String description = "changed in Maximo " + UUID.randomUUID();

            demo.maximo().modify(WO, restId(workOrder), Map.of("description", description));

            String canonicalId = CanonicalIds.stableId(id, "work_order", restId(workOrder));
            await().atMost(Duration.ofSeconds(60)).until(() -> description.equals(Api.as(token)
                    .queryParam("include_raw", "true").get("/work-orders/" + canonicalId).then().statusCode(200)
                    .extract().path("remote_data.description")));
        } finally {
            demo.maximo().changeNotifications().removeTarget(target);
        }
        assertThat(inboxStates(id)).hasSize(1);
    }

    private Set<String> inboxIds(String connectionId) {
        return inboxStates(connectionId).keySet();
    }

    /** webhook id → state|attempts|outcome. */
    private Map<String, String> inboxStates(String connectionId) {
        Map<String, String> states = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT webhook_id, state, attempts, outcome FROM mw_inbox WHERE connection_id = ?")) {
            select.setString(1, connectionId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    states.put(row.getString(1), row.getString(2) + "|" + row.getInt(3) + "|" + row.getString(4));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }
}
