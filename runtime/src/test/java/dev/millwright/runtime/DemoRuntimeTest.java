package dev.millwright.runtime;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.JdbcSyncRunStore;
import dev.millwright.routes.store.SyncRunRecord;
import dev.millwright.runtime.demo.DemoEnvironment;

/** The runtime on its embedded default: H2, the built-in Maximo simulator and the demo connection, data flowing. */
@QuarkusTest
class DemoRuntimeTest {

    @Inject
    JdbcCanonicalStore store;

    @Inject
    JdbcSyncRunStore runs;

    @Inject
    DemoEnvironment demo;

    @Test
    void theDemoConnectionSyncsEveryEntityIntoTheStore() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(store.count("demo-maximo", "work_order")).isEqualTo(demo.maximo().count("MXAPIWODETAIL"));
            assertThat(store.count("demo-maximo", "purchase_order")).isPositive();
            assertThat(store.count("demo-maximo", "inventory_item")).isPositive();
            assertThat(store.count("demo-maximo", "vendor")).isPositive();
            assertThat(store.count("demo-maximo", "asset")).isPositive();
        });
        assertThat(runs.latestWithState("demo-maximo", "work_order", SyncRunRecord.DONE)).isPresent();
    }

    @Test
    void healthIsUpWithCamelChecks() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("camel-routes"));
    }

    @Test
    void metricsCountRecordsPerConnectionAndEntity() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("millwright_sync_records_written_total{connection=\"demo-maximo\",entity=\"work_order\"}"))
                .body(containsString("millwright_sync_lag_seconds{connection=\"demo-maximo\",entity=\"work_order\"}")));
    }

    @Test
    void camelRoutesAreManagedThroughJmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:context=millwright,type=routes,*"), null);

        assertThat(routes).extracting(name -> name.getKeyProperty("name"))
                .anyMatch(name -> name.contains("sync-demo-maximo-work-orders"));
    }
}
