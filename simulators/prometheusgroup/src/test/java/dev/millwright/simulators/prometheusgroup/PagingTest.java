package dev.millwright.simulators.prometheusgroup;

import static dev.millwright.simulators.prometheusgroup.TestHttp.enc;
import static dev.millwright.simulators.prometheusgroup.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The three paging styles, each over real HTTP. */
class PagingTest {

    private static PrometheusGroupSimulator simulator(PagingStyle style) {
        return PrometheusGroupSimulator.builder().apiKey(TestHttp.API_KEY).seed(5).workOrders(95).assets(10)
                .paging(PrometheusGroupSimulator.WORK_ORDERS, style).build().start();
    }

    /** Reads every page the way the style says, and answers the records in order. */
    private static List<JsonNode> readAll(PrometheusGroupSimulator pg, PagingStyle style, String query) {
        String first = pg.baseUrl() + "/api/v1/workorders?limit=20" + query;
        List<JsonNode> records = new ArrayList<>();
        String url = first;
        String token = null;
        int offset = 0;
        for (int pages = 0; pages < 100; pages++) {
            TestHttp.Response response = token == null ? get(url) : get(url, "X-Continuation-Token", token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            page.get("data").forEach(records::add);
            switch (style) {
                case NEXT_LINK -> {
                    JsonNode next = page.path("links").get("next");
                    if (next == null) {
                        return records;
                    }
                    url = next.asText();
                }
                case OFFSET -> {
                    if (!page.path("meta").path("hasMore").asBoolean()) {
                        assertThat(page.path("meta").path("total").asInt()).isEqualTo(records.size());
                        return records;
                    }
                    offset += 20;
                    url = first + "&offset=" + offset;
                }
                case CONTINUATION_TOKEN -> {
                    JsonNode next = page.path("meta").get("continuationToken");
                    if (next == null || next.isNull()) {
                        return records;
                    }
                    token = next.asText();
                }
                default -> throw new IllegalStateException();
            }
        }
        throw new AssertionError("more than 100 pages");
    }

    @ParameterizedTest
    @EnumSource(PagingStyle.class)
    void everyStyleYieldsEveryRecordOnceInChangeOrder(PagingStyle style) {
        try (PrometheusGroupSimulator pg = simulator(style)) {
            List<JsonNode> records = readAll(pg, style, "&sort=lastModified");

            assertThat(records).hasSize(95);
            Set<String> ids = new HashSet<>();
            records.forEach(record -> ids.add(record.get("id").asText()));
            assertThat(ids).hasSize(95);
            assertThat(records.stream().map(r -> Instant.parse(r.get("lastModified").asText())).toList()).isSorted();
        }
    }

    @ParameterizedTest
    @EnumSource(PagingStyle.class)
    void modifiedSinceIsInclusive(PagingStyle style) {
        try (PrometheusGroupSimulator pg = simulator(style)) {
            JsonNode middle = pg.records(PrometheusGroupSimulator.WORK_ORDERS).get(40);
            String since = middle.get("lastModified").asText();

            List<JsonNode> records = readAll(pg, style, "&sort=lastModified&modifiedSince=" + enc(since));

            assertThat(records).isNotEmpty().allMatch(r -> !Instant.parse(r.get("lastModified").asText())
                    .isBefore(Instant.parse(since)));
            assertThat(records).anyMatch(r -> r.get("id").asText().equals(middle.get("id").asText()));
        }
    }

    @Test
    void aNextLinkPageResumesAfterItsLastRecordWhenRecordsChangeMeanwhile() {
        try (PrometheusGroupSimulator pg = simulator(PagingStyle.NEXT_LINK)) {
            List<JsonNode> inChangeOrder = new ArrayList<>(pg.records(PrometheusGroupSimulator.WORK_ORDERS));
            inChangeOrder.sort(Comparator.comparing((JsonNode r) -> r.get("lastModified").asText())
                    .thenComparing(r -> Long.parseLong(r.get("id").asText())));
            JsonNode firstPage = get(pg.baseUrl() + "/api/v1/workorders?limit=20&sort=lastModified").json();
            // a record of the first page changes: it moves to the end and must not shift the second page
            pg.modify(PrometheusGroupSimulator.WORK_ORDERS, inChangeOrder.get(3).get("id").asText(),
                    Map.of("crew", "MECH-B"));

            JsonNode secondPage = get(firstPage.path("links").path("next").asText()).json();

            assertThat(secondPage.get("data").get(0).get("id").asText())
                    .isEqualTo(inChangeOrder.get(20).get("id").asText());
        }
    }

    @Test
    void lookupByNumberAnswersJustThoseRecords() {
        try (PrometheusGroupSimulator pg = simulator(PagingStyle.NEXT_LINK)) {
            JsonNode page = get(pg.baseUrl() + "/api/v1/workorders?workOrderNumber=1003,1007,99999").json();

            assertThat(page.get("data")).extracting(r -> r.get("workOrderNumber").asText())
                    .containsExactly("1003", "1007");
        }
    }

    @Test
    void aBadCursorIsAnInvalidParameter() {
        try (PrometheusGroupSimulator pg = simulator(PagingStyle.NEXT_LINK)) {
            TestHttp.Response response = get(pg.baseUrl() + "/api/v1/workorders?cursor=nonsense");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").path("code").asText()).isEqualTo("INVALID_PARAMETER");
            assertThat(response.json().path("error").path("details").get(0).path("field").asText())
                    .isEqualTo("cursor");
        }
    }

    @Test
    void aLimitAboveTheMaximumIsRefused() {
        try (PrometheusGroupSimulator pg = simulator(PagingStyle.OFFSET)) {
            TestHttp.Response response = get(pg.baseUrl() + "/api/v1/workorders?limit=5000");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().path("error").path("message").asText()).contains("limit");
        }
    }
}
