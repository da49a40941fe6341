package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.TestHttp.get;
import static dev.millwright.simulators.netsuite.TestHttp.recordUrl;
import static dev.millwright.simulators.netsuite.TestHttp.suiteQl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.simulators.common.PageListener;

/** Fault injection, the account concurrency limit, page listeners and the control endpoints. */
class NetSuiteFaultsTest {

    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void start() {
        netsuite = NetSuiteSimulator.builder().vendors(30).purchaseOrders(5).workOrders(2).inventoryItems(5).assets(2)
                .concurrencyLimit(3).build().start();
    }

    @AfterAll
    static void stop() {
        netsuite.close();
    }

    @BeforeEach
    void reset() {
        netsuite.faults().reset();
        netsuite.resetConcurrencyStats();
    }

    @Test
    void requestsBeyondTheConcurrencyLimitGet429() {
        netsuite.faults().latencyMillis(300);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<CompletableFuture<TestHttp.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> get(recordUrl(netsuite, "vendor")), clients));
        }

        List<TestHttp.Response> responses = calls.stream().map(CompletableFuture::join).toList();
        clients.shutdown();

        assertThat(responses).extracting(TestHttp.Response::status).contains(200, 429);
        TestHttp.Response refused = responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(refused.errorCode()).isEqualTo("CONCURRENCY_LIMIT_EXCEEDED");
        assertThat(netsuite.mostConcurrentRequests()).isGreaterThan(3);
    }

    @Test
    void injectedRateLimitsCarryRetryAfter() {
        netsuite.faults().rateLimitNextRequests(1, 7);

        TestHttp.Response response = get(recordUrl(netsuite, "vendor"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isEqualTo("7");
        assertThat(get(recordUrl(netsuite, "vendor")).status()).isEqualTo(200);
    }

    @Test
    void injectedFailuresAnswerWithNetSuiteErrorBodies() {
        netsuite.faults().failNextRequests(1, 503);

        TestHttp.Response response = get(recordUrl(netsuite, "vendor"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("title").asText()).isEqualTo("Service Unavailable");
        assertThat(response.errorCode()).isEqualTo("UNEXPECTED_ERROR");
    }

    @Test
    void aMalformedSuiteQlPageIsCutOff() {
        netsuite.faults().malformNextPages(1);

        TestHttp.Response response = suiteQl(netsuite, "SELECT id, companyname FROM vendor", 20, 0);

        assertThat(response.status()).isEqualTo(200);
        assertThatThrownBy(response::json).hasMessageContaining("Not JSON");
    }

    @Test
    void pageListenersHearEveryPageWithItsNumber() {
        List<String> pages = new CopyOnWriteArrayList<>();
        PageListener listener = (name, page) -> pages.add(name + "#" + page);
        netsuite.onPageServed(listener);
        try {
            suiteQl(netsuite, "SELECT id FROM vendor", 10, 10);
            get(recordUrl(netsuite, "vendor") + "?limit=10&offset=20");
        } finally {
            netsuite.removePageListener(listener);
        }

        assertThat(pages).containsExactly("vendor#2", "vendor#3");
    }

    @Test
    void theControlEndpointSetsFaultsAndReportsStatistics() throws Exception {
        TestHttp.Response set = TestHttp.post(netsuite.baseUrl() + "/_sim/faults",
                "{\"failNextRequests\":{\"count\":1,\"status\":500}}");
        TestHttp.Response stats = get(netsuite.baseUrl() + "/_sim/stats");

        assertThat(set.status()).isEqualTo(200);
        assertThat(netsuite.faults().pendingFailures()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(stats.body()).at("/records/vendor").asInt()).isEqualTo(30);
    }
}
