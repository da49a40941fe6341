package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** Each error shape of the planning API as the typed error it means; retries on 429 and 503. */
class ErrorsTest extends CamelTestSupport {

    private static final String KEY = "errors-key";
    private static PrometheusGroupSimulator pg;

    @TempDir
    static Path profiles;

    @BeforeAll
    static void startSimulator() {
        pg = PrometheusGroupSimulator.builder().apiKey(KEY).seed(8).workOrders(45).assets(12).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        pg.close();
    }

    @BeforeEach
    void resetFaults() {
        pg.faults().reset();
    }

    private String uri(String collection, String options) {
        return "prometheusgroup:" + collection + "?baseUrl=" + pg.baseUrl() + "&apiKey=" + KEY + "&profile="
                + TestProfiles.apiKey(profiles) + "&initialHistory=all&retryDelay=10&maxRetryDelay=50"
                + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri) {
        Exchange reply = template.request(uri, exchange -> { });
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void aServerErrorIsARemoteErrorWithTheSystemsCodeAndMessage() {
        pg.faults().failNextRequests(1, 500);

        assertThatThrownBy(() -> readAll(uri("assets", "")))
                .hasCauseInstanceOf(RemoteErrorException.class)
                .cause().satisfies(e -> {
                    RemoteErrorException error = (RemoteErrorException) e;
                    assertThat(error.httpStatus()).isEqualTo(500);
                    assertThat(error.remoteCode()).isEqualTo("INTERNAL_ERROR");
                    assertThat(error.remoteMessage()).contains("simulated failure");
                    assertThat(error.rawBody()).contains("requestId");
                }).hasMessageContaining("entity 'asset'");
    }

    @Test
    void unavailableAnswersAreRetriedWithBackoff() {
        pg.faults().failNextRequests(2, 503);

        assertThat(readAll(uri("assets", ""))).hasSize(12);
    }

    @Test
    void unavailableAnswersBeyondTheRetriesAreSourceUnavailable() {
        pg.faults().failNextRequests(3, 503);

        assertThatThrownBy(() -> readAll(uri("assets", "maxAttempts=3")))
                .hasCauseInstanceOf(SourceUnavailableException.class)
                .cause().hasMessageContaining("SERVICE_UNAVAILABLE");
    }

    @Test
    void rateLimitedAnswersAreRetriedAfterRetryAfter() {
        pg.faults().rateLimitNextRequests(2, 0);

        assertThat(readAll(uri("assets", ""))).hasSize(12);
        assertThat(pg.faults().pendingRateLimits()).isZero();
    }

    @Test
    void aRetryAfterLongerThanAllowedIsRateLimited() {
        pg.faults().rateLimitNextRequests(1, 600);

        assertThatThrownBy(() -> readAll(uri("assets", "maxRetryAfter=5")))
                .hasCauseInstanceOf(RateLimitedException.class);
    }

    @Test
    void aMalformedPageFailsTheReadAfterTheRecordsBeforeIt() {
        Exchange reply = template.request(uri("work-orders", "pageSize=10"), exchange -> { });
        List<ObjectNode> received = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 10; i++) {
                received.add(stream.next());
            }
            pg.faults().malformNextPages(1);
            assertThatThrownBy(stream::next).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("work-orders page /api/v1/workorders?").hasMessageContaining("not valid JSON");
        }
        assertThat(received).hasSize(10);
    }

    @Test
    void aPageWithoutRecordsWhereTheProfileSaysIsMalformed() {
        String profile = TestProfiles.variant(profiles, "wrong-records", Map.of(
                "/auth", "{type: api_key, header: X-API-Key}", "/collections/assets/read/records", "/items"));

        assertThatThrownBy(() -> readAll("prometheusgroup:assets?baseUrl=" + pg.baseUrl() + "&apiKey=" + KEY
                + "&profile=" + profile))
                .hasCauseInstanceOf(MalformedResponseException.class)
                .cause().hasMessageContaining("no record array at /items");
    }
}
