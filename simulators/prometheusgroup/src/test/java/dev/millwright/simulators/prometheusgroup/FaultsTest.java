package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fault injection in the planning API's own error dialect, and the control endpoints. */
class FaultsTest {

    private static PrometheusGroupSimulator pg;

    @BeforeAll
    static void start() {
        pg = PrometheusGroupSimulator.builder().apiKey(TestHttp.API_KEY).workOrders(30).assets(5).build().start();
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void reset() {
        pg.faults().reset();
    }

    @Test
    void failingRequestsAnswerWithTheErrorBody() {
        pg.faults().failNextRequests(1, 503);

        TestHttp.Response failed = get(pg.baseUrl() + "/api/v1/workorders");

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(get(pg.baseUrl() + "/api/v1/workorders").status()).isEqualTo(200);
    }

    @Test
    void rateLimitedRequestsCarryRetryAfter() {
        pg.faults().rateLimitNextRequests(1, 7);

        TestHttp.Response limited = get(pg.baseUrl() + "/api/v1/assets");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(limited.json().at("/error/code").asText()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aMalformedPageIsCutInTheMiddle() {
        pg.faults().malformNextPages(1);

        TestHttp.Response page = get(pg.baseUrl() + "/api/v1/workorders?limit=10");

        assertThat(page.status()).isEqualTo(200);
        assertThatThrownBy(page::json).hasMessageContaining("Not JSON");
    }

    @Test
    void pageListenersHearEveryPageWithItsNumber() {
        List<String> heard = new ArrayList<>();
        dev.millwright.simulators.common.PageListener listener = (resource, page) -> heard.add(resource + "#" + page);
        pg.onPageServed(listener);
        try {
            String next = get(pg.baseUrl() + "/api/v1/workorders?limit=20").json().at("/links/next").asText();
            get(next);
        } finally {
            pg.removePageListener(listener);
        }

        assertThat(heard).containsExactly("workorders#1", "workorders#2");
    }

    @Test
    void theControlEndpointSetsFaultsAndReportsStats() {
        TestHttp.Response set = TestHttp.send(HttpRequest.newBuilder(URI.create(pg.baseUrl() + "/_sim/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"failNextRequests\": {\"count\": 1, \"status\": 500}}")));

        assertThat(set.status()).isEqualTo(200);
        assertThat(get(pg.baseUrl() + "/api/v1/workorders").status()).isEqualTo(500);
        TestHttp.Response stats = TestHttp.getWith(pg.baseUrl() + "/_sim/stats");
        assertThat(stats.json().at("/resources/workorders").asInt()).isEqualTo(30);
        assertThat(stats.json().at("/paging/assets").asText()).isEqualTo("NEXT_LINK");
    }

    @Test
    void theRequestLogKeepsWhatTheClientSent() {
        pg.clearRequestLog();

        get(pg.baseUrl() + "/api/v1/workorders?limit=5&sort=lastModified");

        assertThat(pg.requestLog()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/api/v1/workorders");
            assertThat(request.queryParam("sort")).isEqualTo("lastModified");
            assertThat(request.header("x-api-key")).isEqualTo(TestHttp.API_KEY);
        });
    }

    @Test
    void anUnknownPathIsNotFoundInTheErrorDialect() {
        TestHttp.Response response = get(pg.baseUrl() + "/api/v1/meters");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
    }
}
