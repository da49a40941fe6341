package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static dev.millwright.simulators.dynamics.TestHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Server-driven paging: Prefer odata.maxpagesize, absolute next links with skip tokens, stable under changes. */
class BusinessCentralPagingTest {

    private BusinessCentralSimulator bc;
    private TestHttp http;

    @BeforeEach
    void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).seed(5).vendors(95).items(4).fixedAssets(2)
                .purchaseOrders(3).maxPageSize(40).build().start();
        http = new TestHttp(bc);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    /** Follows next links to the end; answers the records and the URLs fetched. */
    private List<JsonNode> readAll(String url, int pageSize, List<String> urls) {
        List<JsonNode> records = new ArrayList<>();
        String next = url;
        while (next != null) {
            urls.add(next);
            TestHttp.Response page = http.get(next, "Prefer", "odata.maxpagesize=" + pageSize);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("value").forEach(records::add);
            JsonNode link = page.json().get("@odata.nextLink");
            next = link == null ? null : link.asText();
        }
        return records;
    }

    @Test
    void nextLinksAreAbsoluteAndCarryASkipToken() {
        TestHttp.Response first = http.get(http.company("/vendors"), "Prefer", "odata.maxpagesize=10");

        String next = first.json().get("@odata.nextLink").asText();
        assertThat(next).startsWith(http.company("/vendors?")).contains("$skiptoken=");
        assertThat(first.json().get("value")).hasSize(10);
        assertThat(first.header("Preference-Applied")).isEqualTo("odata.maxpagesize=10");
    }

    @Test
    void followingNextLinksYieldsEveryRecordOnce() {
        List<String> urls = new ArrayList<>();
        List<JsonNode> vendors = readAll(http.company("/vendors"), 10, urls);

        assertThat(urls).hasSize(10);
        Set<String> ids = new HashSet<>();
        vendors.forEach(v -> ids.add(v.get("id").asText()));
        assertThat(ids).hasSize(95);
    }

    @Test
    void nextLinksKeepFilterAndOrder() {
        String filter = "lastModifiedDateTime ge 2000-01-01T00:00:00Z";
        List<String> urls = new ArrayList<>();
        List<JsonNode> vendors = readAll(http.company("/vendors?$filter=" + enc(filter) + "&$orderby="
                + enc("lastModifiedDateTime asc")), 7, urls);

        assertThat(urls.get(1)).contains("$filter=" + enc(filter)).contains("$orderby=");
        List<Instant> times = vendors.stream().map(v -> Instant.parse(v.get("lastModifiedDateTime").asText())).toList();
        assertThat(times).hasSize(95).isSorted();
    }

    @Test
    void withoutPreferencePagesHoldTheServerMaximum() {
        TestHttp.Response first = http.get(http.company("/vendors"));

        assertThat(first.json().get("value")).hasSize(40);
        assertThat(first.header("Preference-Applied")).isNull();
    }

    @Test
    void aPreferenceAboveTheMaximumIsCapped() {
        TestHttp.Response first = http.get(http.company("/vendors"), "Prefer", "odata.maxpagesize=5000");

        assertThat(first.json().get("value")).hasSize(40);
        assertThat(first.header("Preference-Applied")).isEqualTo("odata.maxpagesize=40");
    }

    @Test
    void recordsChangedDuringAnOrderedReadAreNeitherSkippedNorShifted() {
        List<ObjectNode> before = bc.records("vendors");
        AtomicBoolean changed = new AtomicBoolean();
        bc.onPageServed((set, page) -> {
            if (page == 2 && changed.compareAndSet(false, true)) {
                // moves one record already read and one not yet read to the end of the order
                bc.modify("vendors", before.get(0).get("id").asText(), Map.of("displayName", "Renamed A"));
                bc.modify("vendors", before.get(94).get("id").asText(), Map.of("displayName", "Renamed B"));
            }
        });
        List<JsonNode> vendors = readAll(http.company("/vendors?$filter=" + enc("lastModifiedDateTime ge 2000-01-01T00:00:00Z")
                + "&$orderby=" + enc("lastModifiedDateTime asc")), 10, new ArrayList<>());

        Set<String> ids = new HashSet<>();
        vendors.forEach(v -> ids.add(v.get("id").asText()));
        assertThat(ids).hasSize(95);
        assertThat(vendors.get(vendors.size() - 1).get("displayName").asText()).startsWith("Renamed");
    }

    @Test
    void pageListenersHearEveryPageWithItsNumber() {
        List<String> heard = new CopyOnWriteArrayList<>();
        bc.onPageServed((set, page) -> heard.add(set + ":" + page));

        readAll(http.company("/vendors"), 40, new ArrayList<>());

        assertThat(heard).containsExactly("vendors:1", "vendors:2", "vendors:3");
    }

    @Test
    void aMalformedSkipTokenIsABadRequest() {
        assertThat(http.get(http.company("/vendors?$skiptoken=garbage")).status()).isEqualTo(400);
    }

    @Test
    void skipDropsTheFirstRecordsOfTheFirstPageOnly() {
        List<JsonNode> vendors = readAll(http.company("/vendors?$skip=90"), 3, new ArrayList<>());

        assertThat(vendors).extracting(v -> v.get("number").asText())
                .containsExactly("V00910", "V00920", "V00930", "V00940", "V00950");
    }
}
