package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.millwright.runtime.demo.DemoEnvironment;

/** Sync control and status, and the capability matrix. */
@QuarkusTest
class SyncApiTest {

    @Inject
    DemoEnvironment demo;

    /** Triggers a sync and waits for a finished run of the entity. */
    static JsonPath syncAndWait(String token, String entity, boolean full) {
        String before = status(token, entity).getString("last_finished_at");
        Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", entity, "full", full)).post("/sync")
                .then().statusCode(202).body("state", equalTo("triggered"));
        return await().atMost(Duration.ofSeconds(60)).until(() -> status(token, entity),
                status -> status.getString("last_finished_at") != null
                        && !status.getString("last_finished_at").equals(before)
                        && !status.getString("state").equals("syncing"));
    }

    static JsonPath awaitRun(String token, String entity) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> status(token, entity),
                status -> status.getString("last_finished_at") != null && !status.getString("state").equals("syncing"));
    }

    static JsonPath status(String token, String entity) {
        JsonPath all = Api.as(token).get("/sync-status").then().statusCode(200).extract().jsonPath();
        return new JsonPath(all.prettify()).setRootPath("entities.find { it.entity == '" + entity + "' }");
    }

    @Test
    void aManualSyncRunsAndItsStatusShowsTheWatermark() {
        String token = Api.createMaximoConnection(demo, Map.of()).path("token");

        JsonPath status = syncAndWait(token, "work_order", false);

        assertThat(status.getString("state")).isEqualTo("done");
        assertThat(status.getLong("records_written")).isEqualTo(demo.maximo().count("MXAPIWODETAIL"));
        assertThat(status.getString("watermark")).isNotNull();
        assertThat(status.getString("last_success_at")).isNotNull();
        // the watermark is usable as the next modified_after
        Api.as(token).queryParam("modified_after", status.getString("watermark")).get("/work-orders").then()
                .statusCode(200);
    }

    @Test
    void aFullResyncMarksWhatTheSourceDeletedAsDeleted() {
        String token = Api.createMaximoConnection(demo, Map.of()).path("token");
        var vendor = demo.maximo().insert("MXAPIVENDOR", Map.of("company", "GONE" + System.nanoTime() % 100000,
                "name", "Soon gone", "orgid", "EAGLENA", "type", "V"));
        syncAndWait(token, "vendor", false);
        demo.maximo().delete("MXAPIVENDOR", demo.maximo().restIdOf(vendor));

        syncAndWait(token, "vendor", true);

        JsonPath all = Api.as(token).queryParam("include_deleted", "true").queryParam("page_size", "1000")
                .get("/vendors").then().extract().jsonPath();
        assertThat(all.getList("results.findAll { it.name == 'Soon gone' }.deleted")).containsExactly(true);
        assertThat(Api.as(token).queryParam("page_size", "1000").get("/vendors").then().extract().jsonPath()
                .getList("results.name")).doesNotContain("Soon gone");
    }

    @Test
    void anEntityTheSystemCannotReadIsRefused() {
        String token = Api.createMaximoConnection(demo, Map.of()).path("token");

        Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "widget")).post("/sync").then()
                .statusCode(400).body("errors[0].field", equalTo("entity"));
    }

    @Test
    void theCapabilityMatrixIsServed() {
        String token = Api.createMaximoConnection(demo, Map.of()).path("token");

        Api.as(token).get("/capabilities").then().statusCode(200).body("system", equalTo("maximo"))
                .body("entities.purchase_order.rules[0].id", equalTo("approved-purchase-order-is-final"))
                .body("entities.work_order.operations", notNullValue());
    }
}
