package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.millwright.simulators.maximo.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorFaultsTest {
    private MaximoSimulator maximo;
    private String page;

    @BeforeEach
    void start() {
        maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(99).workOrders(20).build().start();
        page = maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.select=*&oslc.pageSize=5";
    }

    @AfterEach
    void stop() {
        maximo.close();
    }

    @Test
    void latencyDelaysEveryRequest() {
        maximo.faults().latencyMillis(300);

        long started = System.nanoTime();
        assertThat(get(page).status()).isEqualTo(200);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void jitterAddsARandomDelayUpToItsBound() {
        maximo.faults().latencyMillis(10).jitterMillis(40);

        Set<Long> delays = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long delay = maximo.faults().nextDelayMillis();
            assertThat(delay).isBetween(10L, 50L);
            delays.add(delay);
        }
        assertThat(delays.size()).isGreaterThan(10);
    }

    @Test
    void fullServerErrorRateAnswersEveryRequestWith503AndAMaximoErrorBody() {
        maximo.faults().serverErrorRate(1.0);

        TestHttp.Response response = get(page);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().at("/Error/statusCode").asText()).isEqualTo("503");
        assertThat(response.json().at("/Error/reasonCode").asText()).startsWith("BMXAA");
    }

    @Test
    void serverErrorsFollowTheSeed() {
        List<Integer> first = statusesWithHalfFailing(maximo);
        List<Integer> second;
        try (MaximoSimulator twin = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(99).workOrders(20)
                .build().start()) {
            second = statusesWithHalfFailing(twin);
        }

        assertThat(first).isEqualTo(second).contains(200, 503);
    }

    @Test
    void failNextRequestsFailsExactlyThatMany() {
        maximo.faults().failNextRequests(2, 500);

        assertThat(get(page).status()).isEqualTo(500);
        TestHttp.Response second = get(page);
        assertThat(second.status()).isEqualTo(500);
        assertThat(second.json().at("/Error/statusCode").asText()).isEqualTo("500");
        assertThat(get(page).status()).isEqualTo(200);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        maximo.faults().rateLimitNextRequests(1, 7);

        TestHttp.Response limited = get(page);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(limited.json().at("/Error/statusCode").asText()).isEqualTo("429");
        assertThat(get(page).status()).isEqualTo(200);
    }

    @Test
    void malformedPageIsTruncatedJsonWithStatus200() {
        maximo.faults().malformNextPages(1);

        TestHttp.Response broken = get(page);

        assertThat(broken.status()).isEqualTo(200);
        assertThatThrownBy(() -> new ObjectMapper().readTree(broken.body())).isInstanceOf(IOException.class);
        assertThat(get(page).json().get("member")).hasSize(5);
    }

    @Test
    void malformedPagesSpareMemberRequests() {
        maximo.faults().malformNextPages(1);
        String member = maximo.records("MXAPIWODETAIL").get(0).get("href").asText();

        assertThat(get(member).json().get("wonum")).isNotNull();
        assertThat(maximo.faults().pendingMalformedPages()).isEqualTo(1);
    }

    @Test
    void resetClearsEveryFault() {
        maximo.faults().latencyMillis(5000).serverErrorRate(1).failNextRequests(3, 500).rateLimitNextRequests(3, 1)
                .malformNextPages(3);

        maximo.faults().reset();

        assertThat(get(page).json().get("member")).hasSize(5);
    }

    @Test
    void faultsDoNotApplyToControlEndpoints() {
        maximo.faults().failNextRequests(1, 500);

        assertThat(TestHttp.getWith(maximo.baseUrl().replace("/maximo", "/_sim/stats")).status()).isEqualTo(200);
        assertThat(maximo.faults().pendingFailures()).isEqualTo(1);
    }

    @Test
    void faultsCanBeSetThroughTheControlEndpoint() {
        TestHttp.Response set = TestHttp.post(maximo.baseUrl().replace("/maximo", "/_sim/faults"),
                "{\"failNextRequests\":{\"count\":1,\"status\":502},\"rateLimitNextRequests\":{\"count\":1,"
                        + "\"retryAfterSeconds\":2}}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(get(page).status()).isEqualTo(502);
        assertThat(get(page).status()).isEqualTo(429);
        assertThat(get(page).status()).isEqualTo(200);
    }

    @Test
    void faultedRequestsAreStillLoggedAndCounted() {
        long before = maximo.requestCount();
        maximo.faults().failNextRequests(1, 503);

        get(page);

        assertThat(maximo.requestCount()).isEqualTo(before + 1);
        assertThat(maximo.requestLog().get(maximo.requestLog().size() - 1).rawQuery()).contains("oslc.pageSize=5");
    }

    private List<Integer> statusesWithHalfFailing(MaximoSimulator simulator) {
        simulator.faults().serverErrorRate(0.5);
        String url = simulator.baseUrl() + "/oslc/os/mxapiwodetail?lean=1";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(get(url).status());
        }
        return statuses;
    }
}
