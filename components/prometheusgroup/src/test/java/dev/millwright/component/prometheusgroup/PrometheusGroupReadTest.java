package dev.millwright.component.prometheusgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.RecordVersion;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.prometheusgroup.PrometheusGroupSimulator;

/** readChanges and get with the default profile, against the simulator over real HTTP. */
class PrometheusGroupReadTest extends CamelTestSupport {

    private static final String CLIENT = "millwright";
    private static final String SECRET = "client-secret";
    private static final String WO = PrometheusGroupSimulator.WORK_ORDERS;
    private static PrometheusGroupSimulator pg;

    @BeforeAll
    static void startSimulator() {
        pg = PrometheusGroupSimulator.builder().oauthClient(CLIENT, SECRET).seed(11).workOrders(230).assets(40)
                .historyDays(20).build().start();
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
        return "prometheusgroup:" + collection + "?baseUrl=" + pg.baseUrl() + "&clientId=" + CLIENT
                + "&clientSecret=" + SECRET + "&retryDelay=10&maxRetryDelay=50" + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri, Map<String, Object> headers) {
        Exchange reply = template.request(uri, exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers)));
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    private static Instant modified(ObjectNode record) {
        return Instant.parse(record.get("lastModified").asText());
    }

    @ParameterizedTest
    @CsvSource({"work-orders,workorders", "assets,assets"})
    void readChangesYieldsEveryRecordOnceAcrossPages(String collection, String resource) {
        List<ObjectNode> records = readAll(uri(collection, "pageSize=7&initialHistory=all"), Map.of());

        assertThat(records).hasSize(pg.count(resource));
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asText()));
        assertThat(ids).hasSize(records.size());
    }

    @Test
    void readChangesAsksForTheChangesSinceTheWatermarkInChangeOrder() {
        pg.clearRequestLog();
        readAll(uri("work-orders", "pageSize=50"), Map.of(SourceHeaders.MODIFIED_AFTER, "2024-01-02T03:04:05Z"));

        RecordedRequest first = pg.requestLog().stream().filter(r -> r.path().startsWith("/api/")).findFirst()
                .orElseThrow();
        assertThat(first.path()).isEqualTo("/api/v1/workorders");
        assertThat(first.queryParam("modifiedSince")).isEqualTo("2024-01-02T03:04:05.000Z");
        assertThat(first.queryParam("sort")).isEqualTo("lastModified");
        assertThat(first.queryParam("limit")).isEqualTo("50");
        assertThat(first.header("authorization")).startsWith("Bearer ");
    }

    @Test
    void readChangesReturnsOnlyWhatChangedSinceModifiedAfterInChangeOrder() {
        List<ObjectNode> all = readAll(uri("work-orders", "initialHistory=all&pageSize=100"), Map.of());
        Instant middle = modified(all.get(all.size() / 2));

        List<ObjectNode> recent = readAll(uri("work-orders", "pageSize=9"),
                Map.of(SourceHeaders.MODIFIED_AFTER, middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        List<Instant> times = recent.stream().map(PrometheusGroupReadTest::modified).toList();
        assertThat(times).allMatch(t -> !t.isBefore(middle)).isSorted();
    }

    @Test
    void initialHistoryLimitsTheFirstRead() {
        List<ObjectNode> lastTwoDays = readAll(uri("work-orders", "initialHistory=P2D&pageSize=100"), Map.of());
        List<ObjectNode> all = readAll(uri("work-orders", "initialHistory=all&pageSize=100"), Map.of());

        assertThat(lastTwoDays.size()).isLessThan(all.size());
        Instant twoDaysAgo = Instant.now().minus(java.time.Duration.ofDays(2)).minusSeconds(60);
        assertThat(lastTwoDays).allMatch(r -> modified(r).isAfter(twoDaysAgo));
    }

    @Test
    void recordsSharingTheWatermarkAreNeitherMissedNorReadAgain() {
        Instant tie = Instant.parse("2024-03-01T10:00:00Z");
        List<ObjectNode> assets = pg.records(PrometheusGroupSimulator.ASSETS);
        for (int i = 0; i < 6; i++) {
            pg.modify(PrometheusGroupSimulator.ASSETS, assets.get(i).get("id").asText(),
                    Map.of("lastModified", tie.toString()));
        }
        List<ObjectNode> atTie = readAll(uri("assets", "pageSize=4"), Map.of(SourceHeaders.MODIFIED_AFTER,
                tie.toString())).stream().filter(r -> modified(r).equals(tie)).toList();
        // a first read committed three of the six records sharing the watermark's time
        Set<RecordVersion> committed = atTie.subList(0, 3).stream()
                .map(r -> new RecordVersion(r.get("id").asText(), r.get("version").asText()))
                .collect(Collectors.toSet());

        List<ObjectNode> next = readAll(uri("assets", "pageSize=4"),
                Map.of(SourceHeaders.CURSOR, new IncrementalCursor(tie, committed)));

        Set<String> nextAtTie = next.stream().filter(r -> modified(r).equals(tie)).map(r -> r.get("id").asText())
                .collect(Collectors.toSet());
        assertThat(atTie).hasSize(6);
        assertThat(nextAtTie).containsExactlyInAnyOrderElementsOf(atTie.subList(3, 6).stream()
                .map(r -> r.get("id").asText()).toList());
    }

    @Test
    void pathVariablesOverrideTheProfilesDefaults() {
        pg.clearRequestLog();

        assertThatThrownBy(() -> readAll(uri("assets", "pathVariables=apiVersion:v2"), Map.of()))
                .hasCauseInstanceOf(NotFoundException.class);
        assertThat(pg.requestLog()).anyMatch(r -> r.path().equals("/api/v2/assets"));
    }

    @Test
    void getReturnsTheRecordAndItsVersion() {
        ObjectNode any = pg.records(WO).get(3);

        Exchange reply = template.request(uri("work-orders", "operation=get"),
                exchange -> exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, any.get("id").asText()));

        assertThat(reply.getMessage().getBody(ObjectNode.class)).isEqualTo(any);
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(any.get("version").asText());
    }

    @Test
    void getOfAnUnknownRecordIsNotFoundNamingTheRecord() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("work-orders", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "999999"))
                .hasCauseInstanceOf(NotFoundException.class)
                .cause().hasMessageContaining("record '999999'").hasMessageContaining("NOT_FOUND");
    }
}
