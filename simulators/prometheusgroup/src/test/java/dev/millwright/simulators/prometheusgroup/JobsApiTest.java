package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.getWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The second API shape: token header, offset paging with has_more, epoch times, its own error body. */
class JobsApiTest {

    private static PrometheusGroupSimulator pg;
    private static String jobs;

    @BeforeAll
    static void start() {
        pg = PrometheusGroupSimulator.builder().apiKey("jobs-key").jobs(45).workOrders(1).assets(1).build().start();
        jobs = pg.jobsBaseUrl() + "/v2/accounts/acme/jobs";
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void pagesFollowOffsetsUntilHasMoreIsFalse() {
        List<JsonNode> all = new ArrayList<>();
        int offset = 0;
        JsonNode page;
        do {
            page = getWith(jobs + "?limit=20&offset=" + offset, "Authorization", "Token jobs-key").json();
            page.get("items").forEach(all::add);
            offset += 20;
        } while (page.at("/paging/has_more").asBoolean());

        assertThat(all).hasSize(45);
        assertThat(all.stream().map(j -> j.get("updated_at").asLong()).toList()).isSorted();
    }

    @Test
    void updatedAfterIsExclusive() {
        JsonNode any = pg.records(PrometheusGroupSimulator.JOBS).get(10);
        long at = any.get("updated_at").asLong();

        JsonNode page = getWith(jobs + "?limit=100&updated_after=" + at, "Authorization", "Token jobs-key").json();

        assertThat(page.get("items")).allMatch(j -> j.get("updated_at").asLong() > at)
                .noneMatch(j -> j.get("job_id").asLong() == any.get("job_id").asLong());
    }

    @Test
    void anotherAccountIsNotFound() {
        TestHttp.Response response = getWith(pg.jobsBaseUrl() + "/v2/accounts/other/jobs", "Authorization",
                "Token jobs-key");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/errors/0/code").asText()).isEqualTo("not_found");
    }

    @Test
    void anApiKeyHeaderOfThePlanningApiIsNotAccepted() {
        TestHttp.Response response = getWith(jobs, "X-API-Key", "jobs-key");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().at("/errors/0/code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void aCreateWithAnInvalidStateNamesTheField() {
        TestHttp.Response response = TestHttp.send(HttpRequest.newBuilder(URI.create(jobs))
                .header("Authorization", "Token jobs-key").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ref\": \"J-90000\", \"summary\": \"x\", \"state\": \"lost\"}")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo("state");
    }
}
