package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.prometheusgroup.PagingStyle;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** The one paging engine in each of its styles: the profile says which, the simulator serves it. */
class PagingStylesTest extends CamelTestSupport {

    private static final String KEY = "paging-key";
    private static final String WO = PrometheusGroupSimulator.WORK_ORDERS;

    private static final Map<String, String> PAGING = Map.of(
            "next-link", "{style: next_link, page_size_parameter: limit, next: /links/next}",
            "offset-total", "{style: offset, offset_parameter: offset, limit_parameter: limit, total: /meta/total}",
            "offset-has-more", "{style: offset, offset_parameter: offset, limit_parameter: limit,"
                    + " has_more: /meta/hasMore, reanchor: false}",
            "offset-short-page", "{style: offset, offset_parameter: offset, limit_parameter: limit}",
            "token-header", "{style: continuation_token, page_size_parameter: limit, token: /meta/continuationToken,"
                    + " token_header: X-Continuation-Token}",
            "token-parameter", "{style: continuation_token, page_size_parameter: limit,"
                    + " token: /meta/continuationToken, token_parameter: continuationToken}");

    @TempDir
    Path profiles;
    private PrometheusGroupSimulator pg;

    @AfterEach
    void stopSimulator() {
        pg.close();
    }

    private String profile(String variant) {
        return TestProfiles.variant(profiles, variant, Map.of(
                "/auth", "{type: api_key, header: X-API-Key}",
                "/collections/work-orders/read/paging", PAGING.get(variant)));
    }

    private void start(PagingStyle style) {
        pg = PrometheusGroupSimulator.builder().apiKey(KEY).seed(17).workOrders(95).assets(3)
                .paging(WO, style).build().start();
    }

    private List<ObjectNode> readAll(String variant, int pageSize) {
        String uri = "prometheusgroup:work-orders?baseUrl=" + pg.baseUrl() + "&apiKey=" + KEY + "&profile="
                + profile(variant) + "&initialHistory=all&pageSize=" + pageSize;
        Exchange reply = template.request(uri, exchange -> { });
        assertThat(reply.getException()).isNull();
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @ParameterizedTest
    @CsvSource({"next-link,NEXT_LINK", "offset-total,OFFSET", "offset-has-more,OFFSET", "offset-short-page,OFFSET",
        "token-header,CONTINUATION_TOKEN", "token-parameter,CONTINUATION_TOKEN"})
    void everyStyleReadsEveryRecordOnceInChangeOrder(String variant, PagingStyle style) {
        start(style);

        List<ObjectNode> records = readAll(variant, 10);

        assertThat(records).hasSize(95);
        assertThat(records.stream().map(r -> r.get("id").asText()).distinct()).hasSize(95);
        assertThat(records.stream().map(r -> Instant.parse(r.get("lastModified").asText())).toList()).isSorted();
        assertThat(pg.requestLog().stream().filter(r -> r.path().equals("/api/v1/workorders"))).hasSize(10);
    }

    @Test
    void aContinuationTokenGoesBackInTheProfilesHeader() {
        start(PagingStyle.CONTINUATION_TOKEN);

        readAll("token-header", 50);

        List<RecordedRequest> pages = pg.requestLog();
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).header("X-Continuation-Token")).isNull();
        assertThat(pages.get(1).header("X-Continuation-Token")).isNotBlank();
        assertThat(pages.get(1).queryParam("continuationToken")).isNull();
    }

    @Test
    void offsetPagingReanchorsEachPageAtTheLastChangeTimeRead() {
        start(PagingStyle.OFFSET);

        List<ObjectNode> records = readAll("offset-total", 40);

        RecordedRequest second = pg.requestLog().get(1);
        assertThat(second.queryParam("modifiedSince")).isEqualTo(records.get(39).get("lastModified").asText());
        assertThat(second.queryParam("offset")).isEqualTo("1");
    }

    @Test
    void withReanchoringRecordsChangedDuringTheReadDoNotPushOthersIntoAGap() {
        start(PagingStyle.OFFSET);
        List<ObjectNode> before = new ArrayList<>(pg.records(WO));
        before.sort(Comparator.comparing((ObjectNode r) -> r.get("lastModified").asText())
                .thenComparing(r -> Long.parseLong(r.get("id").asText())));
        Set<String> firstFive = before.subList(0, 5).stream().map(r -> r.get("id").asText()).collect(Collectors.toSet());
        AtomicBoolean changed = new AtomicBoolean();
        PageListener changeAfterFirstPage = (resource, page) -> {
            if (page == 1 && changed.compareAndSet(false, true)) {
                // five records of the first page change: they move to the end of the change order
                pg.modifyAll(WO, r -> firstFive.contains(r.get("id").asText()), Map.of("planner", "LWAGNER"));
            }
        };
        pg.onPageServed(changeAfterFirstPage);

        List<ObjectNode> records = readAll("offset-total", 20);

        Set<String> read = records.stream().map(r -> r.get("id").asText()).collect(Collectors.toSet());
        assertThat(read).containsAll(before.stream().map(r -> r.get("id").asText()).toList());
    }
}
