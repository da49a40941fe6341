package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.millwright.core.cursor.RecordVersion;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.s4hana.S4HanaSimulator;

/** The s4hana producer against the S/4HANA simulator over real HTTP, with Basic authentication. */
class S4HanaProducerTest extends CamelTestSupport {

    private static final String USER = "MILLWRIGHT";
    private static final String PASSWORD = "Welcome1!";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static S4HanaSimulator s4;

    @BeforeAll
    static void startSimulator() {
        s4 = S4HanaSimulator.builder().basicUser(USER, PASSWORD).seed(11).purchaseOrders(60).maintenanceOrders(45)
                .stockRecords(33).suppliers(25).equipment(40).historyDays(20).serverPageSize(7).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        s4.close();
    }

    @BeforeEach
    void resetFaults() {
        s4.faults().reset();
        s4.restoreCredentials(USER);
    }

    private String uri(String collection, String options) {
        return "s4hana:" + collection + "?baseUrl=" + s4.baseUrl() + "&user=" + USER + "&password=RAW(" + PASSWORD
                + ")&retryDelay=10&maxRetryDelay=50" + (options.isEmpty() ? "" : "&" + options);
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

    private static Instant changed(ObjectNode record) {
        return ODataDates.parse(record.get("LastChangeDateTime").asText());
    }

    private RecordedRequest lastRequest() {
        List<RecordedRequest> log = s4.requestLog();
        return log.get(log.size() - 1);
    }

    @ParameterizedTest
    @CsvSource({"purchase-orders,A_PurchaseOrder", "work-orders,MaintenanceOrder", "inventory-items,A_MatlStkInAcctMod",
            "vendors,A_Supplier", "assets,Equipment"})
    void readChangesYieldsEveryRecordOfTheCollectionAcrossServerPagesAndWindows(String collection, String entitySet) {
        List<ObjectNode> records = readAll(uri(collection, "pageSize=10&initialHistory=all"), Map.of());

        assertThat(records).hasSize(s4.count(entitySet));
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(s4.remoteIdOf(record)));
        assertThat(ids).hasSize(records.size());
    }

    @Test
    void readChangesFiltersAndOrdersOnTheChangeTimeAndKeyInJson() {
        s4.clearRequestLog();
        readAll(uri("purchase-orders", "pageSize=50&filter=CompanyCode eq '1010'&sapClient=100"),
                Map.of(SourceHeaders.MODIFIED_AFTER, "2024-01-02T03:04:05Z"));

        RecordedRequest first = s4.requestLog().get(0);
        assertThat(first.path()).isEqualTo("/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/A_PurchaseOrder");
        assertThat(first.header("authorization")).startsWith("Basic ");
        assertThat(first.queryParam("$filter"))
                .isEqualTo("LastChangeDateTime ge datetimeoffset'2024-01-02T03:04:05Z' and (CompanyCode eq '1010')");
        assertThat(first.queryParam("$orderby")).isEqualTo("LastChangeDateTime asc,PurchaseOrder asc");
        assertThat(first.queryParam("$top")).isEqualTo("50");
        assertThat(first.queryParam("$inlinecount")).isEqualTo("allpages");
        assertThat(first.queryParam("$expand")).isEqualTo("to_PurchaseOrderItem/to_ScheduleLine");
        assertThat(first.queryParam("$format")).isEqualTo("json");
        assertThat(first.queryParam("sap-client")).isEqualTo("100");
    }

    @Test
    void readChangesFollowsTheServersNextLinksWithSkiptokens() {
        s4.clearRequestLog();
        readAll(uri("work-orders", "pageSize=20&initialHistory=all"), Map.of());

        assertThat(s4.requestLog()).anySatisfy(request -> assertThat(request.queryParam("$skiptoken")).isEqualTo("7"));
    }

    @Test
    void readChangesReturnsOnlyWhatChangedSinceModifiedAfterInChangeOrder() {
        List<ObjectNode> all = readAll(uri("assets", "initialHistory=all"), Map.of());
        Instant middle = changed(all.get(all.size() / 2));

        List<ObjectNode> recent = readAll(uri("assets", "pageSize=5"), Map.of(SourceHeaders.MODIFIED_AFTER, middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        List<Instant> times = recent.stream().map(S4HanaProducerTest::changed).toList();
        assertThat(times).allMatch(t -> !t.isBefore(middle)).isSorted();
    }

    @Test
    void recordsSharingOneChangeTimeBeyondAWindowAreReadOnceEach() {
        Instant tie = Instant.parse("2024-03-01T10:00:00Z");
        List<ObjectNode> orders = s4.records("MaintenanceOrder");
        for (int i = 0; i < 12; i++) {
            s4.modify("MaintenanceOrder", s4.remoteIdOf(orders.get(i)), Map.of("LastChangeDateTime", tie));
        }

        List<ObjectNode> read = readAll(uri("work-orders", "pageSize=5"), Map.of(SourceHeaders.MODIFIED_AFTER,
                "2024-03-01T10:00:00Z"));

        List<String> ids = read.stream().filter(r -> changed(r).equals(tie)).map(s4::remoteIdOf).toList();
        assertThat(ids).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void recordsCommittedAtTheBoundaryAreNotReadAgain() {
        List<ObjectNode> orders = readAll(uri("purchase-orders", "initialHistory=all"), Map.of());
        ObjectNode last = orders.get(orders.size() - 1);
        IncrementalCursor cursor = new IncrementalCursor(changed(last), Set.of(new RecordVersion(
                last.get("PurchaseOrder").asText(), last.path("__metadata").path("etag").asText())));

        List<ObjectNode> again = readAll(uri("purchase-orders", ""), Map.of(SourceHeaders.CURSOR, cursor));

        assertThat(again).noneMatch(r -> r.get("PurchaseOrder").asText().equals(last.get("PurchaseOrder").asText()));
    }

    @Test
    void stockHasNoChangeTimeSoEveryReadIsWholeAndStampedWithItsReadTime() {
        s4.clearRequestLog();
        Instant before = Instant.now();

        List<ObjectNode> stock = readAll(uri("inventory-items", "pageSize=10"),
                Map.of(SourceHeaders.MODIFIED_AFTER, "2099-01-01T00:00:00Z"));

        assertThat(stock).hasSize(s4.count("A_MatlStkInAcctMod"));
        assertThat(s4.requestLog().get(0).queryParam("$filter")).isNull();
        assertThat(stock).allSatisfy(record -> assertThat(Instant.parse(record.path("__millwright")
                .path("observedAt").asText())).isAfterOrEqualTo(before));
    }

    @Test
    void theReadTimeOfStockComesFromTheEndpointsClock() {
        String endpointUri = uri("inventory-items", "pageSize=100&initialHistory=all");
        Instant fixed = Instant.parse("2024-05-06T07:08:09Z");
        context.getEndpoint(endpointUri, S4HanaEndpoint.class).setClock(java.time.Clock.fixed(fixed,
                java.time.ZoneOffset.UTC));

        Exchange reply = template.request(endpointUri, exchange -> { });
        ChangeStream stream = reply.getMessage().getBody(ChangeStream.class);
        ObjectNode first = stream.next();
        stream.close();

        assertThat(first.path("__millwright").path("observedAt").asText()).isEqualTo("2024-05-06T07:08:09Z");
        assertThat(new S4HanaRecordIdentity(List.of("Material"), null).modifiedAt(first)).isEqualTo(fixed);
    }

    @Test
    void updatesCanBeSentAsMerge() {
        ObjectNode supplier = s4.records("A_Supplier").get(4);
        String id = supplier.get("Supplier").asText();

        template.requestBodyAndHeaders(uri("vendors", "operation=update&updateMethod=MERGE"),
                Map.of("SupplierName", "Merged Supply Co"), Map.of(SourceHeaders.REMOTE_ID, id,
                        SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(supplier)));

        assertThat(s4.record("A_Supplier", id).get("SupplierName").asText()).isEqualTo("Merged Supply Co");
        assertThat(s4.requestLog()).anySatisfy(request -> assertThat(request.method()).isEqualTo("MERGE"));
    }

    @Test
    void getReturnsTheRecordWithItsItemsAndItsEtag() {
        ObjectNode any = s4.records("A_PurchaseOrder").get(3);
        String id = any.get("PurchaseOrder").asText();

        Exchange reply = template.request(uri("purchase-orders", "operation=get"),
                exchange -> exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id));

        ObjectNode body = reply.getMessage().getBody(ObjectNode.class);
        assertThat(body.get("Supplier").asText()).isEqualTo(any.get("Supplier").asText());
        assertThat(body.path("to_PurchaseOrderItem").path("results").size())
                .isEqualTo(any.path("to_PurchaseOrderItem").path("results").size());
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(S4HanaSimulator.etagOf(any));
    }

    @Test
    void getAddressesCompositeKeysByTheirEntityPath() {
        ObjectNode equipment = s4.records("Equipment").get(2);
        String id = s4.remoteIdOf(equipment);

        ObjectNode body = template.requestBodyAndHeader(uri("assets", "operation=get"), null,
                SourceHeaders.REMOTE_ID, id, ObjectNode.class);

        assertThat(id).startsWith("Equipment(Equipment='").contains("ValidityEndDate=datetime'9999-12-31T00%3A00%3A00'");
        assertThat(body.get("Equipment").asText()).isEqualTo(equipment.get("Equipment").asText());
    }

    @Test
    void createPostsAPurchaseOrderWithItemsUnderACsrfTokenAndAnswersItsNumberAndEtag() {
        ObjectNode order = JSON.createObjectNode().put("CompanyCode", "1010").put("PurchaseOrderType", "NB")
                .put("Supplier", s4.records("A_Supplier").get(0).get("Supplier").asText())
                .put("PurchasingOrganization", "1010").put("PurchasingGroup", "001").put("DocumentCurrency", "EUR");
        order.putObject("to_PurchaseOrderItem").putArray("results").addObject().put("Material", "TG11")
                .put("PurchaseOrderItemText", "Trading Good 11").put("Plant", "1010").put("OrderQuantity", "12")
                .put("PurchaseOrderQuantityUnit", "PC").put("NetPriceAmount", "25.50");
        long fetches = s4.csrfFetches();

        Exchange reply = template.request(uri("purchase-orders", "operation=create"),
                exchange -> exchange.getMessage().setBody(order));

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        ObjectNode stored = s4.record("A_PurchaseOrder", id);
        assertThat(id).startsWith("45");
        assertThat(stored.path("to_PurchaseOrderItem").path("results").get(0).get("PurchaseOrderItem").asText())
                .isEqualTo("00010");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(S4HanaSimulator.etagOf(stored));
        RecordedRequest post = lastRequest();
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("x-csrf-token")).isNotBlank();
        assertThat(post.header("cookie")).contains("SAP_SESSIONID");
        assertThat(s4.csrfFetches()).isGreaterThan(fetches);
    }

    @Test
    void updateWithTheCurrentEtagPatchesAndAnswersTheNewEtag() {
        ObjectNode order = s4.records("MaintenanceOrder").stream()
                .filter(o -> o.get("SystemStatusText").asText().startsWith("CRTD NMAT")).findFirst().orElseThrow();
        String id = order.get("MaintenanceOrder").asText();

        Exchange reply = template.request(uri("work-orders", "operation=update"), exchange -> {
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id);
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(order));
            exchange.getMessage().setBody(Map.of("MaintenanceOrderDesc", "Updated through Millwright"));
        });

        assertThat(reply.getException()).isNull();
        ObjectNode stored = s4.record("MaintenanceOrder", id);
        assertThat(stored.get("MaintenanceOrderDesc").asText()).isEqualTo("Updated through Millwright");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(S4HanaSimulator.etagOf(stored));
        RecordedRequest patch = s4.requestLog().stream().filter(r -> r.method().equals("PATCH")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(patch.header("if-match")).isEqualTo(S4HanaSimulator.etagOf(order));
    }

    @Test
    void updateWithAStaleEtagIsAConflict() {
        ObjectNode equipment = s4.records("Equipment").get(6);
        String id = s4.remoteIdOf(equipment);
        s4.modify("Equipment", id, Map.of("EquipmentName", "Changed in SAP meanwhile"));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("assets", "operation=update"),
                Map.of("EquipmentName", "late"), Map.of(SourceHeaders.REMOTE_ID, id,
                        SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(equipment))))
                .hasCauseInstanceOf(ConflictException.class)
                .cause().hasMessageContaining("/IWBEP/CM_MGW_RT/103").hasMessageContaining("record '" + id + "'");
        assertThat(s4.record("Equipment", id).get("EquipmentName").asText()).isEqualTo("Changed in SAP meanwhile");
    }

    @Test
    void updateWithoutAnEtagIsAConflictNamingIfMatch() {
        String id = s4.records("A_Supplier").get(1).get("Supplier").asText();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("vendors", "operation=update"),
                Map.of("SupplierName", "No version"), SourceHeaders.REMOTE_ID, id))
                .hasCauseInstanceOf(ConflictException.class).cause().hasMessageContaining("If-Match");
    }

    @Test
    void deleteGivesThePurchaseOrderDeletionCodeL() {
        ObjectNode order = s4.records("A_PurchaseOrder").stream()
                .filter(o -> o.get("PurchasingDocumentDeletionCode").asText().isEmpty()).findFirst().orElseThrow();
        String id = order.get("PurchaseOrder").asText();

        template.requestBodyAndHeaders(uri("purchase-orders", "operation=delete"), null,
                Map.of(SourceHeaders.REMOTE_ID, id, SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(order)));

        assertThat(s4.record("A_PurchaseOrder", id).get("PurchasingDocumentDeletionCode").asText()).isEqualTo("L");
    }

    @Test
    void anExpiredCsrfTokenIsFetchedAgainAndTheWriteRetriedOnce() {
        ObjectNode supplier = s4.records("A_Supplier").get(2);
        String id = supplier.get("Supplier").asText();
        template.requestBodyAndHeaders(uri("vendors", "operation=get"), null, Map.of(SourceHeaders.REMOTE_ID, id));
        String endpoint = uri("vendors", "operation=update");
        template.requestBodyAndHeaders(endpoint, Map.of("SupplierName", "First"),
                Map.of(SourceHeaders.REMOTE_ID, id, SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(supplier)));
        s4.invalidateCsrfTokens();
        long fetches = s4.csrfFetches();

        template.requestBodyAndHeaders(endpoint, Map.of("SupplierName", "Second"), Map.of(SourceHeaders.REMOTE_ID, id,
                SourceHeaders.REMOTE_VERSION, S4HanaSimulator.etagOf(s4.record("A_Supplier", id))));

        assertThat(s4.record("A_Supplier", id).get("SupplierName").asText()).isEqualTo("Second");
        assertThat(s4.csrfFetches()).isEqualTo(fetches + 1);
    }

    @Test
    void propertyErrorsOfARejectedCreateAreFieldErrorsWithSapsCodes() {
        ObjectNode incomplete = JSON.createObjectNode().put("MaintenanceOrderType", "PM01");

        assertThatThrownBy(() -> template.requestBody(uri("work-orders", "operation=create"), incomplete))
                .cause().isInstanceOf(ValidationFailedException.class)
                .satisfies(e -> assertThat(((ValidationFailedException) e).fieldErrors())
                        .extracting(f -> f.field() + "/" + f.remoteCode())
                        .contains("MaintenanceOrderDesc/00/055", "MaintenancePlanningPlant/00/055"))
                .hasMessageContaining("entity 'work_order'");
    }

    @Test
    void aBusinessRefusalIsARemoteErrorKeepingSapsCodeAndMessage() {
        ObjectNode completed = s4.records("MaintenanceOrder").stream()
                .filter(o -> o.get("SystemStatusText").asText().startsWith("TECO")).findFirst().orElseThrow();

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "operation=update"),
                Map.of("MaintenanceOrderDesc", "too late"), Map.of(SourceHeaders.REMOTE_ID,
                        completed.get("MaintenanceOrder").asText(), SourceHeaders.REMOTE_VERSION,
                        S4HanaSimulator.etagOf(completed))))
                .cause().isInstanceOf(RemoteErrorException.class)
                .satisfies(e -> assertThat(((RemoteErrorException) e).remoteCode()).isEqualTo("IW/035"))
                .hasMessageContaining("TECO");
    }

    @Test
    void aWriteSapDoesNotOfferIsOperationNotSupported() {
        assertThatThrownBy(() -> template.requestBody(uri("inventory-items", "operation=create"),
                Map.of("Material", "TG11")))
                .cause().isInstanceOf(OperationNotSupportedException.class).hasMessageContaining("/IWBEP/CM_MGW_RT/021");
    }

    @Test
    void anUnknownRecordIsNotFound() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("purchase-orders", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "4599999999"))
                .cause().isInstanceOf(NotFoundException.class).hasMessageContaining("record '4599999999'");
    }

    @Test
    void aCustomCollectionNeedsItsService() {
        assertThatThrownBy(() -> readAll(uri("A_ProductPlant", ""), Map.of()))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).rootCause().hasMessageContaining("service=");
    }

    @Test
    void revokedCredentialsAreAuthenticationRequiredNamingConnectionAndEntity() {
        s4.revokeCredentials(USER);

        assertThatThrownBy(() -> readAll(uri("work-orders", ""), Map.of()))
                .hasCauseInstanceOf(AuthenticationRequiredException.class)
                .cause().hasMessageContaining("AUTH_REQUIRED").hasMessageContaining("entity 'work_order'")
                .hasMessageContaining("connection 's4hana@" + s4.baseUrl() + "'");
    }

    @Test
    void aMalformedPageFailsTheReadAfterTheRecordsBeforeIt() {
        Exchange reply = template.request(uri("work-orders", "pageSize=10&initialHistory=all"), exchange -> { });
        List<ObjectNode> received = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 7; i++) {
                received.add(stream.next());
            }
            s4.faults().malformNextPages(1);
            assertThatThrownBy(stream::next).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("MaintenanceOrder").hasMessageContaining("not valid JSON");
        }
        assertThat(received).hasSize(7);
    }

    @Test
    void rateLimitedAnswersAreRetriedAfterRetryAfter() {
        s4.faults().rateLimitNextRequests(2, 0);

        assertThat(readAll(uri("vendors", "initialHistory=all&pageSize=100"), Map.of())).hasSize(s4.count("A_Supplier"));
        assertThat(s4.faults().pendingRateLimits()).isZero();
    }

    @Test
    void unavailableAnswersAreRetriedWithBackoff() {
        s4.faults().failNextRequests(2, 503);

        assertThat(readAll(uri("vendors", "initialHistory=all&pageSize=100"), Map.of())).hasSize(s4.count("A_Supplier"));
        assertThat(s4.faults().pendingFailures()).isZero();
    }

    @Test
    void aRetryAfterLongerThanAllowedIsRateLimited() {
        s4.faults().rateLimitNextRequests(1, 600);

        assertThatThrownBy(() -> readAll(uri("vendors", "maxRetryAfter=5"), Map.of()))
                .hasCauseInstanceOf(RateLimitedException.class);
    }
}
