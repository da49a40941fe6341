package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static dev.millwright.simulators.maximo.TestHttp.enc;
import static dev.millwright.simulators.maximo.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

class MaximoPagingTest {
    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final String SINCE = "changedate>=\"2024-01-01T00:00:00-00:00\"";

    private MaximoSimulator maximo;

    @BeforeEach
    void start() {
        maximo = MaximoSimulator.builder().apiKey(TestHttp.API_KEY).seed(11).workOrders(120)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterEach
    void stop() {
        maximo.close();
    }

    @Test
    void relativeNextPageHrefKeepsEveryParameterAndSetsPageno() {
        String query = "lean=1&oslc.select=wonum&oslc.pageSize=10&relativeuri=1&oslc.where=" + enc(SINCE)
                + "&oslc.orderBy=" + enc("+changedate");
        JsonNode page = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?" + query).json();

        assertThat(page.at("/responseInfo/nextPage/href").asText())
                .isEqualTo("oslc/os/mxapiwodetail?pageno=2&" + query);
        assertThat(page.get("href").asText()).isEqualTo("oslc/os/mxapiwodetail");
        assertThat(page.at("/member/0/href").asText()).startsWith("oslc/os/mxapiwodetail/_");
        assertThat(page.at("/responseInfo/pagenum").asInt()).isEqualTo(1);
    }

    @Test
    void absoluteNextPageHrefWithoutRelativeUri() {
        JsonNode page = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=10").json();

        assertThat(page.at("/responseInfo/nextPage/href").asText())
                .isEqualTo(maximo.baseUrl() + "/oslc/os/mxapiwodetail?pageno=2&lean=1&oslc.pageSize=10");
        assertThat(page.at("/member/0/href").asText()).startsWith(maximo.baseUrl() + "/oslc/os/mxapiwodetail/_");
    }

    @Test
    void followingNextPageHrefsReadsEveryRecordOnceInOrder() {
        List<String> read = readAll("lean=1&oslc.select=wonum,changedate&oslc.pageSize=7&relativeuri=1&oslc.where="
                + enc(SINCE) + "&oslc.orderBy=" + enc("+changedate"));

        List<String> expected = maximo.records("MXAPIWODETAIL").stream()
                .sorted(Comparator.comparing((ObjectNode r) -> OffsetDateTime.parse(r.get("changedate").asText()))
                        .thenComparing(r -> r.get("workorderid").asInt()))
                .map(r -> r.get("wonum").asText())
                .toList();
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void followingNextPageHrefsOfADescendingReadGivesTheReverseOrder() {
        List<String> ascending = readAll("lean=1&oslc.select=wonum&oslc.pageSize=9&oslc.orderBy=" + enc("+changedate"));
        List<String> descending = readAll("lean=1&oslc.select=wonum&oslc.pageSize=9&oslc.orderBy=" + enc("-changedate"));

        List<String> reversed = new ArrayList<>(ascending);
        Collections.reverse(reversed);
        assertThat(ascending).hasSize(120);
        assertThat(descending).isEqualTo(reversed);
    }

    @Test
    void lastPageHasNoNextPage() {
        JsonNode page = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=50&pageno=3").json();

        assertThat(page.get("member")).hasSize(20);
        assertThat(page.at("/responseInfo/pagenum").asInt()).isEqualTo(3);
        assertThat(page.get("responseInfo").has("nextPage")).isFalse();
        assertThat(page.at("/responseInfo/previousPage/href").asText()).contains("pageno=2");
    }

    @Test
    void collectionCountAddsTotalCount() {
        JsonNode page = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=10&collectioncount=1"
                + "&oslc.where=" + enc("status=\"CLOSE\"")).json();

        long closed = maximo.records("MXAPIWODETAIL").stream()
                .filter(r -> r.get("status").asText().equals("CLOSE")).count();
        assertThat(page.at("/responseInfo/totalCount").asInt()).isEqualTo((int) closed).isPositive();
        assertThat(page.at("/responseInfo/totalPages").asInt()).isEqualTo((int) ((closed + 9) / 10));
    }

    @Test
    void totalCountIsAbsentWithoutCollectionCount() {
        JsonNode page = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=10").json();

        assertThat(page.get("responseInfo").has("totalCount")).isFalse();
    }

    @Test
    void withoutPageSizePagesHoldTheMaximumPageSize() {
        try (MaximoSimulator small = MaximoSimulator.builder().workOrders(60).maxPageSize(25).build().start()) {
            JsonNode page = get(small.baseUrl() + "/oslc/os/mxapiwodetail?lean=1").json();

            assertThat(page.get("member")).hasSize(25);
            assertThat(page.at("/responseInfo/nextPage/href").asText()).contains("pageno=2");
        }
    }

    @Test
    void pageSizeAboveTheMaximumIsCapped() {
        try (MaximoSimulator small = MaximoSimulator.builder().workOrders(60).maxPageSize(25).build().start()) {
            assertThat(get(small.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=500").json().get("member"))
                    .hasSize(25);
        }
    }

    @Test
    void withoutStablePagingARecordChangedBetweenPagesShiftsTheRest() {
        List<String> order = changedateOrder();
        maximo.onPageServed((os, page) -> {
            if (page == 1) {
                // The first record gets a new changedate: it moves to the end of the result set.
                maximo.modify(os, restIdOf(order.get(0)), Map.of("description", "Changed during the read"));
            }
        });
        String query = "lean=1&oslc.select=wonum&oslc.pageSize=10&oslc.where=" + enc(SINCE)
                + "&oslc.orderBy=" + enc("+changedate");

        JsonNode first = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?" + query).json();
        JsonNode second = get(first.at("/responseInfo/nextPage/href").asText()).json();

        assertThat(wonums(first)).isEqualTo(order.subList(0, 10));
        assertThat(wonums(second)).isEqualTo(order.subList(11, 21)); // order[10] was skipped
    }

    @Test
    void stablePagingServesTheCurrentVersionOfTheSnapshotRecords() {
        List<String> order = changedateOrder();
        maximo.onPageServed((os, page) -> {
            if (page == 1) {
                maximo.modify(os, restIdOf(order.get(0)), Map.of("description", "Moved to the end"));
                maximo.modify(os, restIdOf(order.get(15)), Map.of("description", "Changed during the read"));
            }
        });
        String query = "lean=1&oslc.select=wonum,description&oslc.pageSize=10&stablepaging=true&oslc.where="
                + enc(SINCE) + "&oslc.orderBy=" + enc("+changedate");

        JsonNode first = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?" + query).json();
        String next = first.at("/responseInfo/nextPage/href").asText();
        JsonNode second = get(next).json();

        assertThat(next).contains("stablepaging=true").contains("_snapshot=");
        assertThat(wonums(second)).isEqualTo(order.subList(10, 20)); // no shift
        assertThat(second.at("/member/5/description").asText()).isEqualTo("Changed during the read");
        assertThat(second.at("/responseInfo/pagenum").asInt()).isEqualTo(2);
    }

    @Test
    void stablePagingSkipsRecordsDeletedSinceTheFirstPage() {
        List<String> order = changedateOrder();
        maximo.onPageServed((os, page) -> {
            if (page == 1) {
                maximo.delete(os, restIdOf(order.get(12)));
            }
        });
        String query = "lean=1&oslc.select=wonum&oslc.pageSize=10&stablepaging=1&oslc.where=" + enc(SINCE)
                + "&oslc.orderBy=" + enc("+changedate");

        JsonNode first = get(maximo.baseUrl() + "/oslc/os/mxapiwodetail?" + query).json();
        JsonNode second = get(first.at("/responseInfo/nextPage/href").asText()).json();

        List<String> expected = new ArrayList<>(order.subList(10, 20));
        expected.remove(order.get(12));
        assertThat(wonums(second)).isEqualTo(expected);
    }

    @Test
    void stablePagingWithAnUnknownSnapshotGets410() {
        TestHttp.Response response = get(maximo.baseUrl()
                + "/oslc/os/mxapiwodetail?lean=1&oslc.pageSize=10&stablepaging=true&pageno=2&_snapshot=gone");

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.json().at("/Error/statusCode").asText()).isEqualTo("410");
    }

    @Test
    void pageListenerIsToldOfEveryPage() {
        List<String> served = new ArrayList<>();
        maximo.onPageServed((os, page) -> served.add(os + "#" + page));

        readAll("lean=1&oslc.pageSize=50");

        assertThat(served).containsExactly("MXAPIWODETAIL#1", "MXAPIWODETAIL#2", "MXAPIWODETAIL#3");
    }

    // ---- helpers ----

    /** Follows nextPage hrefs, resolving relative ones against the context root. */
    private List<String> readAll(String query) {
        List<String> wonums = new ArrayList<>();
        String url = maximo.baseUrl() + "/oslc/os/mxapiwodetail?" + query;
        int expectedPage = 1;
        while (url != null) {
            JsonNode page = get(url).json();
            assertThat(page.at("/responseInfo/pagenum").asInt()).isEqualTo(expectedPage++);
            page.get("member").forEach(m -> wonums.add(m.path("wonum").asText(m.get("href").asText())));
            JsonNode next = page.at("/responseInfo/nextPage/href");
            url = next.isMissingNode() ? null
                    : next.asText().startsWith("http") ? next.asText() : maximo.baseUrl() + "/" + next.asText();
        }
        return wonums;
    }

    /** The wonums in (changedate, insertion) order, i.e. the order of an +changedate read. */
    private List<String> changedateOrder() {
        return maximo.records("MXAPIWODETAIL").stream()
                .sorted(Comparator.comparing((ObjectNode r) -> OffsetDateTime.parse(r.get("changedate").asText()))
                        .thenComparing(r -> r.get("workorderid").asInt()))
                .map(r -> r.get("wonum").asText())
                .toList();
    }

    private String restIdOf(String wonum) {
        return maximo.records("MXAPIWODETAIL").stream()
                .filter(r -> r.get("wonum").asText().equals(wonum))
                .map(maximo::restIdOf)
                .findFirst().orElseThrow();
    }

    private static List<String> wonums(JsonNode page) {
        List<String> wonums = new ArrayList<>();
        page.get("member").forEach(m -> wonums.add(m.get("wonum").asText()));
        return wonums;
    }
}
