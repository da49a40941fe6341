package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.routes.webhook.WebhookSignature;
import dev.millwright.runtime.demo.DemoEnvironment;

/**
 * Dead letters through the API: a real mapping failure (a garbled source field) and a real sink failure (the
 * database refusing one record) are listed, replayed, and seen only by their own connection.
 */
@QuarkusTest
class DeadLettersApiTest {

    private static final String WO = "MXAPIWODETAIL";

    @Inject
    DemoEnvironment demo;

    @Inject
    DataSource dataSource;

    @Test
    void deadLettersAreListedReplayedAndSeenOnlyByTheirConnection() throws Exception {
        var created = Api.createMaximoConnection(demo, Map.of());
        String token = created.path("token");
        String connectionId = created.path("id");
        String other = Api.createMaximoConnection(demo, Map.of()).path("token");
        String garbled = demo.maximo().restIdOf(demo.maximo().records(WO).get(11));
        String refused = demo.maximo().restIdOf(demo.maximo().records(WO).get(12));
        String constraint = "dl_test_" + connectionId.replaceAll("[^A-Za-z0-9]", "_");
        demo.maximo().garble(WO, garbled, "schedstart", "31/12/2024 8h");
        sql("ALTER TABLE mw_record ADD CONSTRAINT " + constraint + " CHECK (NOT (connection_id = '" + connectionId
                + "' AND remote_id = '" + refused + "'))");
        boolean constraintDropped = false;
        try {
            JsonPath status = SyncApiTest.syncAndWait(token, "work_order", false);
            assertThat(status.getLong("records_failed")).isEqualTo(2);

            // both are listed, oldest first, with their stage, typed error and the raw source record
            JsonPath all = Api.as(token).queryParam("entity", "work_order").get("/dead-letters").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(all.getList("results.remote_id")).containsExactlyInAnyOrder(garbled, refused);
            assertThat(all.getString("next_cursor")).isNull();
            JsonPath mapping = new JsonPath(all.prettify()).setRootPath("results.find { it.stage == 'mapping' }");
            assertThat(mapping.getString("remote_id")).isEqualTo(garbled);
            assertThat(mapping.getString("entity")).isEqualTo("work_order");
            assertThat(mapping.getString("error_code")).isEqualTo("MAPPING_FAILED");
            assertThat(mapping.getString("error_message")).contains("schedstart").contains("31/12/2024 8h");
            assertThat(mapping.getString("state")).isEqualTo("pending");
            assertThat(mapping.getInt("attempts")).isEqualTo(1);
            assertThat(mapping.getString("created_at")).isNotNull();
            assertThat(mapping.getString("payload.schedstart")).isEqualTo("31/12/2024 8h");
            JsonPath sink = new JsonPath(all.prettify()).setRootPath("results.find { it.stage == 'sink' }");
            assertThat(sink.getString("remote_id")).isEqualTo(refused);
            assertThat(sink.getString("payload.wonum")).isNotBlank();

            // keyset pages of one
            JsonPath first = Api.as(token).queryParam("page_size", "1").get("/dead-letters").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(first.getList("results")).hasSize(1);
            JsonPath second = Api.as(token).queryParam("page_size", "1").queryParam("cursor",
                    first.getString("next_cursor")).get("/dead-letters").then().statusCode(200).extract().jsonPath();
            assertThat(second.getList("results")).hasSize(1);
            assertThat(second.getLong("results[0].id")).isGreaterThan(first.getLong("results[0].id"));
            assertThat(second.getString("next_cursor")).isNull();

            // another connection sees none of it and replays nothing of it
            Api.as(other).get("/dead-letters").then().statusCode(200).body("results.size()", equalTo(0));
            Api.as(other).contentType(ContentType.JSON).body(Map.of("entity", "work_order"))
                    .post("/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(0))
                    .body("still_failing", equalTo(0));
            Api.as(token).queryParam("state", "pending").get("/dead-letters").then().statusCode(200)
                    .body("results.size()", equalTo(2));

            // the database accepts the record again: the replay stores it; the garbled one still fails
            String refusedId = CanonicalIds.stableId(connectionId, "work_order", refused);
            Api.as(token).get("/work-orders/" + refusedId).then().statusCode(404);
            sql("ALTER TABLE mw_record DROP CONSTRAINT " + constraint);
            constraintDropped = true;

            Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "work_order", "limit", 100))
                    .post("/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(1))
                    .body("still_failing", equalTo(1));

            Api.as(token).get("/work-orders/" + refusedId).then().statusCode(200).body("remote_id", equalTo(refused));
            Api.as(token).queryParam("state", "replayed").get("/dead-letters").then().statusCode(200)
                    .body("results.remote_id", equalTo(List.of(refused)))
                    .body("results[0].state", equalTo("replayed")).body("results[0].attempts", equalTo(2));
            JsonPath pending = Api.as(token).queryParam("state", "pending").queryParam("entity", "work_order")
                    .get("/dead-letters").then().statusCode(200).extract().jsonPath();
            assertThat(pending.getList("results.remote_id")).containsExactly(garbled);
            assertThat(pending.getInt("results[0].attempts")).isEqualTo(2);
            assertThat(pending.getString("results[0].error_message")).contains("schedstart");

            // fixed at the source: the kept payload still fails, reading the record again from the source stores it
            demo.maximo().ungarble(WO, garbled);
            String garbledId = CanonicalIds.stableId(connectionId, "work_order", garbled);
            Api.as(token).get("/work-orders/" + garbledId).then().statusCode(404);
            Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "work_order", "from_source", true))
                    .post("/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(1))
                    .body("still_failing", equalTo(0));
            Api.as(token).get("/work-orders/" + garbledId).then().statusCode(200).body("remote_id", equalTo(garbled));
            Api.as(token).queryParam("state", "pending").get("/dead-letters").then().statusCode(200)
                    .body("results.size()", equalTo(0));
            JsonPath replayed = Api.as(token).queryParam("state", "replayed").get("/dead-letters").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(replayed.getList("results.remote_id")).containsExactlyInAnyOrder(garbled, refused);
            assertThat(replayed.getList("results.state")).containsOnly("replayed");
            // the other connection still sees nothing
            Api.as(other).queryParam("state", "all").get("/dead-letters").then().statusCode(200)
                    .body("results.size()", equalTo(0));
            // no inbound dead letters here: nothing to requeue
            Api.as(token).contentType(ContentType.JSON).body(Map.of("stage", "inbound"))
                    .post("/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(0))
                    .body("still_failing", equalTo(0));
        } finally {
            demo.maximo().ungarble(WO, garbled);
            if (!constraintDropped) {
                sql("ALTER TABLE mw_record DROP CONSTRAINT IF EXISTS " + constraint);
            }
        }
    }

    @Test
    void badParametersAreRefusedNaming() {
        String token = Api.createMaximoConnection(demo, Map.of()).path("token");

        badList(token, "entity", "widget");
        badList(token, "state", "lost");
        badList(token, "page_size", "0");
        badList(token, "page_size", "many");
        badList(token, "cursor", "not-a-cursor");
        badList(token, "colour", "red");
        Api.as(token).queryParam("entity", "webhook").get("/dead-letters").then().statusCode(200);

        badReplay(token, "{\"entity\": \"widget\"}", "entity");
        badReplay(token, "{}", "entity");
        badReplay(token, "{\"stage\": \"mapping\"}", "stage");
        badReplay(token, "{\"stage\": \"inbound\", \"entity\": \"work_order\"}", "entity");
        badReplay(token, "{\"entity\": \"work_order\", \"limit\": 0}", "limit");
        badReplay(token, "{\"entity\": \"work_order\", \"limit\": \"ten\"}", "limit");
        badReplay(token, "{\"entity\": \"work_order\", \"colour\": \"red\"}", "colour");
        badReplay(token, "{\"entity\": 7}", "entity");
        badReplay(token, "{\"entity\": \"work_order\", \"from_source\": \"yes\"}", "from_source");
        badReplay(token, "{\"stage\": \"inbound\", \"from_source\": true}", "from_source");
        Api.as(token).contentType(ContentType.JSON).body("[").post("/dead-letters/replay").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        // no token, no dead letters
        io.restassured.RestAssured.given().get("/dead-letters").then().statusCode(401);
    }

    @Test
    void aFailedInboundWebhookIsListedAsWebhookAndGoesBackToTheInbox() {
        var created = Api.createMaximoConnection(demo, Map.of());
        String token = created.path("token");
        String connectionId = created.path("id");
        String secret = created.path("inbound_secret");
        String other = Api.createMaximoConnection(demo, Map.of()).path("token");
        byte[] body = "{\"entity\": \"widget\", \"remote_id\": \"42\"}".getBytes(StandardCharsets.UTF_8);
        String webhookId = "msg_dl_" + System.nanoTime();
        long timestamp = Instant.now().getEpochSecond();
        io.restassured.RestAssured.given().contentType(ContentType.JSON)
                .header(WebhookSignature.ID_HEADER, webhookId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.header(
                        List.of(secret), webhookId, timestamp, body))
                .body(body).post("/inbound/" + connectionId).then().statusCode(200);

        JsonPath letters = await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(token)
                .queryParam("entity", "webhook").get("/dead-letters").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("results").size() == 1);
        assertThat(letters.getString("results[0].stage")).isEqualTo("inbound");
        assertThat(letters.getString("results[0].state")).isEqualTo("pending");
        assertThat(letters.getString("results[0].error_message")).contains(webhookId);
        assertThat(letters.getString("results[0].payload.webhook_id")).isEqualTo(webhookId);
        Api.as(other).queryParam("entity", "webhook").get("/dead-letters").then().statusCode(200)
                .body("results.size()", equalTo(0));
        Api.as(other).contentType(ContentType.JSON).body(Map.of("stage", "inbound")).post("/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(0));

        Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "webhook")).post("/dead-letters/replay")
                .then().statusCode(200).body("replayed", equalTo(1)).body("still_failing", equalTo(0));

        // back in the inbox, it is processed again: still invalid, so it is dead-lettered anew
        JsonPath after = await().atMost(Duration.ofSeconds(30)).until(() -> Api.as(token)
                .queryParam("entity", "webhook").get("/dead-letters").then().statusCode(200).extract().jsonPath(),
                page -> page.getList("results").size() == 2);
        assertThat(after.getList("results.state")).containsExactly("replayed", "pending");
    }

    @Test
    void theOpenApiDocumentDescribesTheDeadLetterEndpoints() {
        io.restassured.RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/dead-letters/replay")).body(containsString("DeadLetterPage"));
    }

    private static void badList(String token, String parameter, String value) {
        Api.as(token).queryParam(parameter, value).get("/dead-letters").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(parameter));
    }

    private static void badReplay(String token, String body, String field) {
        Api.as(token).contentType(ContentType.JSON).body(body).post("/dead-letters/replay").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(field));
    }

    private void sql(String statement) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }
}
