package dev.millwright.runtime.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import javax.management.MBeanServer;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.millwright.runtime.connection.ConnectionMBeans;
import dev.millwright.runtime.demo.DemoEnvironment;

/** The management endpoints: connections with their own tokens, reauthorization, disconnection, JMX. */
@QuarkusTest
class ConnectionsApiTest {

    @Inject
    DemoEnvironment demo;

    @Inject
    DataSource dataSource;

    @Inject
    CamelContext camel;

    @Test
    void managementNeedsTheAdminKey() {
        given().get("/connections").then().statusCode(401).contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("UNAUTHORIZED")).body("request_id", notNullValue());
        Api.as("not-the-admin-key").get("/connections").then().statusCode(401);
    }

    @Test
    void aCreatedConnectionHasAShownOnceTokenAndNoSecrets() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of("work_order", "0 0/15 * * * ?"));
        String id = created.path("id");
        String token = created.path("token");

        assertThat(token).startsWith("mw_").hasSizeGreaterThan(40);
        assertThat(created.asString()).doesNotContain("demo-maximo-key");
        Api.admin().get("/connections/" + id).then().statusCode(200)
                .body("status", equalTo("online"))
                .body("secret_settings", hasItem("apiKey"))
                .body("settings.apiKey", nullValue())
                .body("token", nullValue())
                .body("schedules.work_order", equalTo("0 0/15 * * * ?"))
                .body("sync.work_order.schedule", equalTo("0 0/15 * * * ?"));
        try (var connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT token_hash, secrets FROM mw_connection WHERE id = '"
                        + id + "'")) {
            row.next();
            assertThat(row.getString(1)).hasSize(64).doesNotContain(token);
            assertThat(row.getString(2)).doesNotContain("demo-maximo-key");
        }
    }

    @Test
    void aNewConnectionHasItsStatusGaugeAtOnce() {
        String id = Api.createMaximoConnection(demo, Map.of()).path("id");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).contains("millwright_connection_status{connection=\"" + id + "\",status=\"online\"} 1.0");
    }

    @Test
    void anUnknownSystemOrOptionIsRefusedNamingTheField() {
        Api.admin().contentType(ContentType.JSON).body(Map.of("system", "sap-r2")).post("/connections").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("system")).body("errors[0].message", containsString("maximo"));
        Api.admin().contentType(ContentType.JSON).body(Map.of("system", "maximo",
                "settings", Map.of("baseUrl", "http://x/maximo", "apiKeyy", "k"),
                "schedules", Map.of("work_order", "every minute", "widget", "0 * * * * ?"))).post("/connections")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("settings.apiKeyy",
                        "schedules.work_order", "schedules.widget"));
    }

    @Test
    void reauthorizingGivesANewTokenAndTheOldOneStopsWorking() {
        Response created = Api.createMaximoConnection(demo, Map.of());
        String id = created.path("id");
        String oldToken = created.path("token");
        Api.as(oldToken).get("/work-orders").then().statusCode(200);

        String newToken = Api.admin().contentType(ContentType.JSON)
                .body(Map.of("settings", Map.of("apiKey", "demo-maximo-key"))).post("/connections/" + id
                        + "/reauthorize").then().statusCode(200).extract().path("token");

        assertThat(newToken).isNotEqualTo(oldToken);
        Api.as(oldToken).get("/work-orders").then().statusCode(401);
        Api.as(newToken).get("/work-orders").then().statusCode(200);
    }

    @Test
    void disconnectingInvalidatesTheTokenStopsTheSyncsAndKeepsTheData() {
        Response created = Api.createMaximoConnection(demo, Map.of("vendor", "0 0/5 * * * ?"));
        String id = created.path("id");
        String token = created.path("token");
        assertThat(camel.getRoute("sync-" + id + "-vendors")).isNotNull();

        Api.admin().delete("/connections/" + id).then().statusCode(200).body("status", equalTo("disconnected"));

        Api.as(token).get("/vendors").then().statusCode(401);
        assertThat(camel.getRoute("sync-" + id + "-vendors")).isNull();
        Api.admin().get("/connections/" + id).then().statusCode(200).body("disconnected_at", notNullValue());
    }

    @Test
    void deletingTheDataOfAConnectionEmptiesItsCollections() {
        Response created = Api.createMaximoConnection(demo, Map.of());
        String id = created.path("id");
        String token = created.path("token");
        SyncApiTest.syncAndWait(token, "vendor", false);
        Api.as(token).get("/vendors").then().body("results.size()", org.hamcrest.Matchers.greaterThan(0));

        Api.admin().delete("/connections/" + id + "/data").then().statusCode(200)
                .body("records_deleted", org.hamcrest.Matchers.greaterThan(0));

        Api.as(token).get("/vendors").then().statusCode(200).body("results.size()", equalTo(0));
    }

    @Test
    void eachConnectionHasAnMBeanThatSuspendsResumesAndSyncs() throws Exception {
        Response created = Api.createMaximoConnection(demo, Map.of("asset", "0 0/5 * * * ?"));
        String id = created.path("id");
        String token = created.path("token");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        var name = ConnectionMBeans.name(id);

        assertThat(server.getAttribute(name, "Status")).isEqualTo("online");
        server.invoke(name, "suspend", new Object[0], new String[0]);
        assertThat(server.getAttribute(name, "Suspended")).isEqualTo(true);
        Api.as(token).get("/sync-status").then().body("entities.find { it.entity == 'asset' }.state",
                equalTo("paused"));
        server.invoke(name, "resume", new Object[0], new String[0]);
        server.invoke(name, "syncNow", new Object[] {"asset"}, new String[] {String.class.getName()});

        SyncApiTest.awaitRun(token, "asset");
        Api.as(token).get("/assets").then().body("results.size()", org.hamcrest.Matchers.greaterThan(0));
    }
}
