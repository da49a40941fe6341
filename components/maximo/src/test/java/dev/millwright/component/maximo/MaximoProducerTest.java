package dev.millwright.component.maximo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.simulators.maximo.MaximoSimulator;
import dev.millwright.simulators.common.RecordedRequest;

/** The maximo producer against the Maximo simulator over real HTTP. */
class MaximoProducerTest extends CamelTestSupport {

    private static final String KEY = "test-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MaximoSimulator maximo;

    @BeforeAll
    static void startSimulator() {
        maximo = MaximoSimulator.builder().apiKey(KEY).seed(11).workOrders(230).purchaseOrders(40)
                .inventoryItems(40).vendors(25).assets(40).historyDays(20).build();
        maximo.start();
    }

    @AfterAll
    static void stopSimulator() {
        maximo.close();
    }

    @BeforeEach
    void resetFaults() {
        maximo.faults().reset();
        maximo.restoreApiKey(KEY);
    }

    private String uri(String collection, String options) {
        return "maximo:" + collection + "?baseUrl=" + maximo.baseUrl() + "&apiKey=" + KEY
                + "&retryDelay=10&maxRetryDelay=50" + (options.isEmpty() ? "" : "&" + options);
    }

    private List<ObjectNode> readAll(String uri, Map<String, Object> headers) {
        Exchange reply = template.request(uri, exchange -> exchange.getMessage().setHeaders(new java.util.HashMap<>(headers)));
        if (reply.getException() != null) {
            throw new CamelExecutionException("readChanges failed", reply, reply.getException());
        }
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @ParameterizedTest
    @CsvSource({"work-orders,MXAPIWODETAIL", "purchase-orders,MXAPIPO", "inventory-items,MXAPIINVENTORY",
            "vendors,MXAPIVENDOR", "assets,MXAPIASSET"})
    void readChangesYieldsEveryRecordOfTheCollectionAcrossPages(String collection, String objectStructure) {
        List<ObjectNode> records = readAll(uri(collection, "pageSize=7&initialHistory=all"), Map.of());

        assertThat(records).hasSize(maximo.count(objectStructure));
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("href").asText()));
        assertThat(ids).hasSize(records.size());
    }

    @Test
    void readChangesAsksMaximoForLeanStablePagesOrderedByChangeDate() {
        maximo.clearRequestLog();
        readAll(uri("work-orders", "pageSize=50&where=siteid=\"BEDFORD\""),
                Map.of(SourceHeaders.MODIFIED_AFTER, "2024-01-02T03:04:05Z"));

        RecordedRequest first = maximo.requestLog().get(0);
        assertThat(first.path()).isEqualTo("/maximo/oslc/os/mxapiwodetail");
        assertThat(first.header("apikey")).isEqualTo(KEY);
        assertThat(first.queryParam("lean")).isEqualTo("1");
        assertThat(first.queryParam("oslc.where"))
                .isEqualTo("changedate>=\"2024-01-02T03:04:05+00:00\" and siteid=\"BEDFORD\"");
        assertThat(first.queryParam("oslc.orderBy")).isEqualTo("+changedate");
        assertThat(first.queryParam("oslc.pageSize")).isEqualTo("50");
        assertThat(first.queryParam("oslc.select")).isEqualTo("*");
        assertThat(first.queryParam("stablepaging")).isEqualTo("true");
    }

    @Test
    void readChangesFollowsRelativeNextPageLinks() {
        maximo.clearRequestLog();
        List<ObjectNode> records = readAll(uri("vendors", "pageSize=10&relativeUri=true&initialHistory=all"), Map.of());

        assertThat(records).hasSize(maximo.count("MXAPIVENDOR"));
        assertThat(records.get(0).get("href").asText()).startsWith("oslc/os/mxapivendor/");
        assertThat(maximo.requestLog()).hasSize(3);
    }

    @Test
    void readChangesReturnsOnlyWhatChangedSinceModifiedAfterInChangeOrder() {
        List<ObjectNode> all = readAll(uri("assets", "initialHistory=all"), Map.of());
        Instant middle = Instant.parse(all.get(all.size() / 2).get("changedate").asText().replaceAll("\\+00:00$", "Z"));

        List<ObjectNode> recent = readAll(uri("assets", "pageSize=5"), Map.of(SourceHeaders.MODIFIED_AFTER, middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        List<Instant> times = recent.stream().map(r -> java.time.OffsetDateTime.parse(r.get("changedate").asText())
                .toInstant()).toList();
        assertThat(times).allMatch(t -> !t.isBefore(middle)).isSorted();
    }

    @Test
    void initialHistoryLimitsTheFirstRead() {
        List<ObjectNode> lastTwoDays = readAll(uri("work-orders", "initialHistory=P2D&pageSize=100"), Map.of());
        List<ObjectNode> all = readAll(uri("work-orders", "initialHistory=all&pageSize=100"), Map.of());

        assertThat(lastTwoDays.size()).isLessThan(all.size());
        Instant twoDaysAgo = Instant.now().minus(java.time.Duration.ofDays(2)).minusSeconds(60);
        assertThat(lastTwoDays).allMatch(r -> java.time.OffsetDateTime.parse(r.get("changedate").asText())
                .toInstant().isAfter(twoDaysAgo));
    }

    @Test
    void recordsCommittedAtTheBoundaryAreNotReadAgain() {
        List<ObjectNode> all = readAll(uri("vendors", "initialHistory=all"), Map.of());
        ObjectNode last = all.get(all.size() - 1);
        Instant watermark = java.time.OffsetDateTime.parse(last.get("changedate").asText()).toInstant();
        String lastId = MaximoRecordIdentity.resourceId(last.get("href").asText());
        IncrementalCursor cursor = new IncrementalCursor(watermark,
                Set.of(new dev.millwright.core.cursor.RecordVersion(lastId, last.get("_rowstamp").asText())));

        List<ObjectNode> again = readAll(uri("vendors", ""), Map.of(SourceHeaders.CURSOR, cursor));

        assertThat(again).noneMatch(r -> r.get("href").asText().equals(last.get("href").asText()));
    }

    @Test
    void getReturnsTheRecordAndItsRowstamp() {
        ObjectNode any = maximo.records("MXAPIASSET").get(3);
        String id = maximo.restIdOf(any);

        Exchange reply = template.request(uri("assets", "operation=get"),
                exchange -> exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id));

        ObjectNode body = reply.getMessage().getBody(ObjectNode.class);
        assertThat(body.get("assetnum").asText()).isEqualTo(any.get("assetnum").asText());
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(any.get("_rowstamp").asText());
    }

    @Test
    void createPostsTheRecordAndAnswersItsIdAndVersion() {
        ObjectNode workOrder = JSON.createObjectNode().put("siteid", "BEDFORD").put("description", "Replace seal")
                .put("status", "WAPPR").put("worktype", "CM");

        Exchange reply = template.request(uri("work-orders", "operation=create"),
                exchange -> exchange.getMessage().setBody(workOrder));

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        assertThat(maximo.record("MXAPIWODETAIL", id).get("description").asText()).isEqualTo("Replace seal");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION))
                .isEqualTo(maximo.record("MXAPIWODETAIL", id).get("_rowstamp").asText());
        RecordedRequest post = maximo.requestLog().get(maximo.requestLog().size() - 1);
        assertThat(post.header("properties")).isEqualTo("*");
        assertThat(post.header("transactionid")).isNotBlank();
    }

    @Test
    void updateWithTheCurrentRowstampIsApplied() {
        ObjectNode any = maximo.records("MXAPIWODETAIL").get(5);
        String id = maximo.restIdOf(any);

        Exchange reply = template.request(uri("work-orders", "operation=update"), exchange -> {
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id);
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_VERSION, any.get("_rowstamp").asText());
            exchange.getMessage().setBody(Map.of("description", "Updated through Millwright"));
        });

        assertThat(reply.getException()).isNull();
        assertThat(maximo.record("MXAPIWODETAIL", id).get("description").asText()).isEqualTo("Updated through Millwright");
        RecordedRequest post = maximo.requestLog().get(maximo.requestLog().size() - 1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("x-method-override")).isEqualTo("PATCH");
        assertThat(post.header("if-match")).isEqualTo(any.get("_rowstamp").asText());
    }

    @Test
    void updateWithAStaleRowstampIsAConflict() {
        ObjectNode any = maximo.records("MXAPIWODETAIL").get(6);
        String id = maximo.restIdOf(any);
        maximo.modify("MXAPIWODETAIL", id, Map.of("description", "changed in Maximo meanwhile"));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "operation=update"),
                Map.of("description", "late"), Map.of(SourceHeaders.REMOTE_ID, id,
                        SourceHeaders.REMOTE_VERSION, any.get("_rowstamp").asText())))
                .hasCauseInstanceOf(ConflictException.class)
                .cause().hasMessageContaining("BMXAA8229W").hasMessageContaining("record '" + id + "'");
        assertThat(maximo.record("MXAPIWODETAIL", id).get("description").asText()).isEqualTo("changed in Maximo meanwhile");
    }

    @Test
    void deleteRemovesTheRecord() {
        ObjectNode created = maximo.insert("MXAPIVENDOR", Map.of("company", "TMPV1", "name", "Temporary", "orgid", "EAGLENA", "type", "V"));
        String id = maximo.restIdOf(created);

        template.requestBodyAndHeader(uri("vendors", "operation=delete"), null, SourceHeaders.REMOTE_ID, id);

        assertThat(maximo.record("MXAPIVENDOR", id)).isNull();
    }

    @Test
    void aRevokedKeyIsAuthenticationRequiredNamingConnectionAndEntity() {
        maximo.revokeApiKey(KEY);

        assertThatThrownBy(() -> readAll(uri("work-orders", ""), Map.of()))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("entity 'work_order'")
                .hasMessageContaining("connection 'maximo@" + maximo.baseUrl() + "'").hasMessageContaining("BMXAA7901E");
    }

    @Test
    void anUnknownObjectStructureIsNotFound() {
        assertThatThrownBy(() -> readAll(uri("meters", ""), Map.of()))
                .hasCauseInstanceOf(NotFoundException.class)
                .cause().hasMessageContaining("entity 'meters'");
    }

    @Test
    void aMalformedPageFailsTheReadAfterTheRecordsBeforeIt() {
        Exchange reply = template.request(uri("work-orders", "pageSize=10&initialHistory=all"), exchange -> { });
        List<ObjectNode> received = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 10; i++) {
                received.add(stream.next());
            }
            maximo.faults().malformNextPages(1);
            assertThatThrownBy(stream::next).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("MXAPIWODETAIL").hasMessageContaining("not valid JSON");
        }
        assertThat(received).hasSize(10);
    }

    @Test
    void rateLimitedAnswersAreRetriedAfterRetryAfter() {
        maximo.faults().rateLimitNextRequests(2, 0);

        List<ObjectNode> records = readAll(uri("vendors", "initialHistory=all&pageSize=100"), Map.of());

        assertThat(records).hasSize(maximo.count("MXAPIVENDOR"));
        assertThat(maximo.faults().pendingRateLimits()).isZero();
    }

    @Test
    void unavailableAnswersAreRetriedWithBackoff() {
        maximo.faults().failNextRequests(2, 503);

        assertThat(readAll(uri("vendors", "initialHistory=all&pageSize=100"), Map.of())).hasSize(maximo.count("MXAPIVENDOR"));
    }

    @Test
    void aRetryAfterLongerThanAllowedIsRateLimited() {
        maximo.faults().rateLimitNextRequests(1, 600);

        assertThatThrownBy(() -> readAll(uri("vendors", "maxRetryAfter=5"), Map.of()))
                .hasCauseInstanceOf(RateLimitedException.class);
    }

    @Test
    void aRefusedCreateCarriesMaximosReasonCode() {
        ObjectNode invalid = JSON.createObjectNode().put("siteid", "BEDFORD").put("nosuchattribute", "x");

        assertThatThrownBy(() -> template.requestBody(uri("work-orders", "operation=create"), invalid))
                .cause().isInstanceOf(RemoteErrorException.class)
                .satisfies(e -> assertThat(((RemoteErrorException) e).remoteCode()).startsWith("BMXAA"))
                .hasMessageContaining("nosuchattribute");
    }
}
