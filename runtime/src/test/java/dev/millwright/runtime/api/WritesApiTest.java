package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.model.CanonicalIds;
import dev.millwright.runtime.demo.DemoEnvironment;
import dev.millwright.simulators.common.RecordedRequest;

/** Writes through the canonical model to the source, the capability matrix, optimistic concurrency, bulk. */
@QuarkusTest
class WritesApiTest {

    private static final String WO = "MXAPIWODETAIL";

    @Inject
    DemoEnvironment demo;

    private String token;
    private String connectionId;

    @BeforeEach
    void connect() {
        var created = Api.createMaximoConnection(demo, Map.of());
        token = created.path("token");
        connectionId = created.path("id");
    }

    private JsonPath workOrderWithStatus(String maximoStatus) {
        SyncApiTest.syncAndWait(token, "work_order", false);
        ObjectNode source = demo.maximo().records(WO).stream()
                .filter(wo -> wo.path("status").asText().equals(maximoStatus)).findFirst().orElseThrow();
        String id = CanonicalIds.stableId(connectionId, "work_order", demo.maximo().restIdOf(source));
        return Api.as(token).get("/work-orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aCreatedWorkOrderIsInTheSourceAndInTheStore() {
        JsonPath created = Api.as(token).contentType(ContentType.JSON).body(Map.of("title", "Replace conveyor belt",
                "site", "BEDFORD", "status", "pending_approval", "type", "CM", "priority", "2"))
                .post("/work-orders").then().statusCode(201).extract().jsonPath();

        ObjectNode source = demo.maximo().record(WO, created.getString("remote_id"));
        assertThat(source.get("description").asText()).isEqualTo("Replace conveyor belt");
        assertThat(source.get("status").asText()).isEqualTo("WAPPR");
        assertThat(created.getString("remote_version")).isEqualTo(source.get("_rowstamp").asText());
        Api.as(token).get("/work-orders/" + created.getString("id")).then().statusCode(200)
                .body("title", equalTo("Replace conveyor belt")).body("number", equalTo(source.get("wonum").asText()));
    }

    @Test
    void anUpdateChangesOnlyTheGivenFieldsAtTheSource() {
        JsonPath workOrder = workOrderWithStatus("APPR");
        String id = workOrder.getString("id");

        Api.as(token).contentType(ContentType.JSON).body(Map.of("title", "Updated through the API"))
                .patch("/work-orders/" + id).then().statusCode(200).body("title", equalTo("Updated through the API"))
                .body("status", equalTo("approved"));

        ObjectNode source = demo.maximo().record(WO, workOrder.getString("remote_id"));
        assertThat(source.get("description").asText()).isEqualTo("Updated through the API");
        assertThat(source.get("status").asText()).isEqualTo("APPR");
    }

    @Test
    void aStaleVersionIsAConflictNotASilentOverwrite() {
        JsonPath workOrder = workOrderWithStatus("WSCH");
        String staleVersion = workOrder.getString("remote_version");
        demo.maximo().modify(WO, workOrder.getString("remote_id"), Map.of("description", "changed in Maximo"));

        Api.as(token).header("If-Match", staleVersion).contentType(ContentType.JSON)
                .body(Map.of("title", "my change")).patch("/work-orders/" + workOrder.getString("id")).then()
                .statusCode(409).body("code", equalTo("CONFLICT")).body("detail", containsString(staleVersion));

        assertThat(demo.maximo().record(WO, workOrder.getString("remote_id")).get("description").asText())
                .isEqualTo("changed in Maximo");
    }

    @Test
    void aWriteTheCapabilityMatrixForbidsNeverReachesTheSource() {
        JsonPath closed = workOrderWithStatus("CLOSE");
        Instant start = Instant.now();

        Api.as(token).contentType(ContentType.JSON).body(Map.of("title", "reopen")).patch("/work-orders/"
                + closed.getString("id")).then().statusCode(422).body("code", equalTo("OPERATION_NOT_SUPPORTED"))
                .body("detail", containsString("finished-work-order-is-final"));
        Api.as(token).contentType(ContentType.JSON).body(Map.of("site", "TEXAS")).patch("/work-orders/"
                + workOrderWithStatus("APPR").getString("id")).then().statusCode(422)
                .body("code", equalTo("FIELD_NOT_UPDATABLE")).body("errors[0].field", equalTo("site"));
        Api.as(token).contentType(ContentType.JSON).body(Map.of("item_number", "X")).post("/inventory-items")
                .then().statusCode(422).body("code", equalTo("OPERATION_NOT_SUPPORTED"));

        // background syncs and health checks keep reading; no write of any kind reached Maximo
        assertThat(demo.maximo().requestLog()).filteredOn(request -> !request.receivedAt().isBefore(start))
                .extracting(RecordedRequest::method).doesNotContain("POST", "PUT", "PATCH", "DELETE");
    }

    @Test
    void aDeleteFollowsWhatTheSystemSupports() {
        JsonPath created = Api.as(token).contentType(ContentType.JSON).body(Map.of("title", "Delete me",
                "site", "BEDFORD", "status", "pending_approval")).post("/work-orders").then().statusCode(201)
                .extract().jsonPath();

        Api.as(token).delete("/work-orders/" + created.getString("id")).then().statusCode(200)
                .body("deleted", equalTo(true));

        assertThat(demo.maximo().record(WO, created.getString("remote_id"))).isNull();
        Api.as(token).get("/work-orders/" + created.getString("id")).then().body("deleted", equalTo(true));
    }

    @Test
    void aBulkWriteRunsInBatchesWithPerRecordResults() {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            records.add(Map.of("title", "Bulk " + i, "site", "BEDFORD", "status", "pending_approval"));
        }
        records.add(Map.of("title", "Bad", "status", "on_fire"));
        records.add(Map.of("titel", "typo"));

        String job = Api.as(token).contentType(ContentType.JSON).body(records).queryParam("batch_size", "10")
                .queryParam("batch_delay_ms", "0").post("/bulk/work-orders").then().statusCode(202)
                .body("state", equalTo("queued")).extract().path("id");

        JsonPath done = await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(token).get("/bulk/" + job).then()
                .statusCode(200).extract().jsonPath(), status -> status.getString("state").equals("done"));
        assertThat(done.getInt("total")).isEqualTo(25);
        assertThat(done.getInt("succeeded")).isEqualTo(23);
        assertThat(done.getInt("failed")).isEqualTo(2);
        assertThat(done.getString("results[23].error.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(done.getString("results[23].error.detail")).contains("status");
        assertThat(done.getString("results[24].error.detail")).contains("titel");
        assertThat(done.getString("results[0].id")).isNotNull();
    }

    @Test
    void ndjsonIsAcceptedForBulkWrites() {
        String body = "{\"title\":\"line one\",\"site\":\"BEDFORD\"}\n{\"title\":\"line two\",\"site\":\"BEDFORD\"}\n";

        String job = Api.as(token).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/bulk/work-orders").then()
                .statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).until(() -> Api.as(token).get("/bulk/" + job).then().extract()
                .jsonPath().getInt("succeeded") == 2);
    }

    @Test
    void malformedRequestsAreProblemsNeverServerErrors() {
        String id = workOrderWithStatus("APPR").getString("id");
        List<Runnable> malformed = List.of(
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"title\": ").post("/work-orders")
                        .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")),
                () -> Api.as(token).contentType(ContentType.JSON).body("[1,2]").post("/work-orders")
                        .then().statusCode(400),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"priority\": {\"a\": 1}}")
                        .post("/work-orders").then().statusCode(400).body("errors[0].field", equalTo("priority")),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"colour\": \"red\"}").post("/work-orders")
                        .then().statusCode(400).body("errors[0].field", equalTo("colour")),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"id\": \"x\", \"title\": \"t\"}")
                        .post("/work-orders").then().statusCode(400).body("errors[0].field", equalTo("id")),
                () -> Api.as(token).contentType(ContentType.JSON).body("{}").patch("/work-orders/" + id)
                        .then().statusCode(400),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"scheduled_start\": \"tomorrow\"}")
                        .patch("/work-orders/" + id).then().statusCode(400)
                        .body("errors[0].field", equalTo("scheduled_start")),
                () -> Api.as(token).contentType(ContentType.TEXT).body("title=x").post("/work-orders")
                        .then().statusCode(415),
                () -> Api.as(token).contentType(ContentType.JSON).body("{}").patch("/work-orders/no-such-id")
                        .then().statusCode(404),
                () -> Api.as(token).put("/work-orders/" + id).then().statusCode(405),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"entity\": 7}").post("/sync")
                        .then().statusCode(400),
                () -> Api.as(token).contentType(ContentType.JSON).body("{\"a\":1}").post("/bulk/work-orders")
                        .then().statusCode(400),
                () -> Api.as(token).get("/bulk/bulk_nope").then().statusCode(404),
                () -> Api.admin().contentType(ContentType.JSON).body("{\"system\": 3}").post("/connections")
                        .then().statusCode(400),
                () -> Api.admin().contentType(ContentType.JSON).body("not json").post("/connections")
                        .then().statusCode(400),
                () -> Api.admin().get("/connections/unknown").then().statusCode(404));

        malformed.forEach(Runnable::run);
        Api.as(token).contentType(ContentType.JSON).body(List.of("x")).post("/bulk/work-orders").then()
                .statusCode(lessThan(500));
        Api.as(token).queryParam("page_size", "-1").get("/work-orders").then().statusCode(lessThan(500))
                .body("errors.field", everyItem(equalTo("page_size")));
    }
}
