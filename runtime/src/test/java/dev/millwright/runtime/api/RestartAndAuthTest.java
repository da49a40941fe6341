package dev.millwright.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.demo.DemoEnvironment;
import dev.millwright.runtime.sync.SyncSchedules;

/** Connections come back from the database with their schedules; refused credentials pause syncs until reauthorized. */
@QuarkusTest
class RestartAndAuthTest {

    @Inject
    DemoEnvironment demo;

    @Inject
    ConnectionService connections;

    @Inject
    SyncSchedules schedules;

    @Inject
    CamelContext camel;

    @Test
    void theScheduledSyncsOfStoredConnectionsAreRebuiltAtStart() {
        Response created = Api.createMaximoConnection(demo, Map.of("vendor", "0 0/7 * * * ?"));
        String id = created.path("id");
        // as after a restart: the routes are gone, the connection is in the database
        schedules.remove(id);
        assertThat(camel.getRoute("sync-" + id + "-vendors")).isNull();

        connections.start();

        assertThat(camel.getRoute("sync-" + id + "-vendors")).isNotNull();
        Api.admin().get("/connections/" + id).then().body("sync.vendor.next_run_at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void refusedCredentialsMarkTheConnectionAndPauseItsSyncsUntilReauthorized() {
        Map<String, Object> body = Map.of("system", "maximo", "name", "Wrong key",
                "settings", Map.of("baseUrl", demo.maximo().baseUrl(), "apiKey", "not-the-key", "initialHistory", "all"),
                "schedules", Map.of("asset", "0 0/7 * * * ?"));
        Response created = Api.admin().contentType(ContentType.JSON).body(body).post("/connections").then()
                .statusCode(201).extract().response();
        String id = created.path("id");
        String token = created.path("token");

        Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "asset")).post("/sync").then()
                .statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.admin().get("/connections/" + id).then()
                .body("status", equalTo("auth_required")));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                camel.getRouteController().getRouteStatus("sync-" + id + "-assets").isStopped());
        Api.as(token).get("/sync-status").then().body("entities.find { it.entity == 'asset' }.state",
                equalTo("paused"));
        Api.as(token).contentType(ContentType.JSON).body(Map.of("entity", "asset")).post("/sync").then()
                .statusCode(409);

        String newToken = Api.admin().contentType(ContentType.JSON)
                .body(Map.of("settings", Map.of("apiKey", "demo-maximo-key"))).post("/connections/" + id
                        + "/reauthorize").then().statusCode(200).body("status", equalTo("online"))
                .extract().path("token");

        assertThat(camel.getRouteController().getRouteStatus("sync-" + id + "-assets").isStarted()).isTrue();
        SyncApiTest.syncAndWait(newToken, "asset", false);
        Api.as(newToken).get("/assets").then().body("results.size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
