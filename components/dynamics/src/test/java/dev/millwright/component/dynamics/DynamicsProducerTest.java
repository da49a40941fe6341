package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.TestBusinessCentral.readAll;
import static dev.millwright.component.dynamics.TestBusinessCentral.requestsTo;
import static dev.millwright.component.dynamics.TestBusinessCentral.uri;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.SourceOperation;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.RecordVersion;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.dynamics.BusinessCentralSimulator;

/** The dynamics producer against the Business Central simulator over real HTTP. */
class DynamicsProducerTest extends CamelTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BusinessCentralSimulator bc;

    @BeforeAll
    static void startSimulator() {
        bc = BusinessCentralSimulator.builder().client(TestBusinessCentral.CLIENT_ID, TestBusinessCentral.SECRET)
                .seed(11).purchaseOrders(40).vendors(25).items(30).fixedAssets(35).historyDays(20).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        bc.close();
    }

    @BeforeEach
    void resetFaults() {
        bc.faults().reset();
    }

    private String uri(String collection, String options) {
        return TestBusinessCentral.uri(bc, collection, options);
    }

    private Instant modifiedAt(JsonNode record) {
        return OffsetDateTime.parse(record.get("lastModifiedDateTime").asText()).toInstant();
    }

    // ---- readChanges ----

    @ParameterizedTest
    @CsvSource({"purchase-orders,purchaseOrders", "inventory-items,items", "vendors,vendors", "assets,fixedAssets"})
    void readChangesYieldsEveryRecordOfTheCollectionAcrossPages(String collection, String entitySet) {
        List<ObjectNode> records = readAll(template, uri(collection, "pageSize=7&initialHistory=all"), Map.of());

        assertThat(records).hasSize(bc.count(entitySet));
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asText()));
        assertThat(ids).hasSize(records.size());
    }

    @Test
    void readChangesAsksForAFilteredOrderedPageWithTheLinesOfEachOrder() {
        bc.clearRequestLog();
        readAll(template, uri("purchase-orders", "pageSize=50"),
                Map.of(SourceHeaders.MODIFIED_AFTER, "2024-01-02T03:04:05.678Z"));

        RecordedRequest first = requestsTo(bc, "/purchaseOrders").get(0);
        assertThat(first.path()).isEqualTo("/v2.0/" + bc.tenantId() + "/production/api/v2.0/companies("
                + bc.companyId() + ")/purchaseOrders");
        assertThat(first.queryParam("$filter")).isEqualTo("lastModifiedDateTime ge 2024-01-02T03:04:05.678Z");
        assertThat(first.queryParam("$orderby")).isEqualTo("lastModifiedDateTime asc");
        assertThat(first.queryParam("$expand")).isEqualTo("purchaseOrderLines");
        assertThat(first.header("Prefer")).isEqualTo("odata.maxpagesize=50");
        assertThat(first.header("Authorization")).startsWith("Bearer ey");
        assertThat(first.header("Data-Access-Intent")).isEqualTo("ReadOnly");
    }

    @Test
    void readChangesFollowsNextLinksWithTheirSkipTokens() {
        bc.clearRequestLog();
        List<ObjectNode> vendors = readAll(template, uri("vendors", "pageSize=10&initialHistory=all"), Map.of());

        List<RecordedRequest> pages = requestsTo(bc, "/vendors");
        assertThat(vendors).hasSize(25);
        assertThat(pages).hasSize(3);
        assertThat(pages.get(1).queryParam("$skiptoken")).isNotBlank();
        assertThat(pages.get(1).queryParam("$filter")).isEqualTo(pages.get(0).queryParam("$filter"));
        assertThat(pages.get(2).header("Prefer")).isEqualTo("odata.maxpagesize=10");
    }

    @Test
    void readChangesReturnsOnlyWhatChangedSinceModifiedAfterInChangeOrder() {
        List<ObjectNode> all = readAll(template, uri("assets", "initialHistory=all"), Map.of());
        Instant middle = modifiedAt(all.get(all.size() / 2));

        List<ObjectNode> recent = readAll(template, uri("assets", "pageSize=5"),
                Map.of(SourceHeaders.MODIFIED_AFTER, middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        List<Instant> times = recent.stream().map(this::modifiedAt).toList();
        assertThat(times).allMatch(t -> !t.isBefore(middle)).isSorted();
    }

    @Test
    void initialHistoryLimitsTheFirstRead() {
        List<ObjectNode> lastTwoDays = readAll(template, uri("inventory-items", "initialHistory=P2D"), Map.of());
        List<ObjectNode> all = readAll(template, uri("inventory-items", "initialHistory=all"), Map.of());

        assertThat(lastTwoDays.size()).isLessThan(all.size());
        Instant twoDaysAgo = Instant.now().minus(java.time.Duration.ofDays(2)).minusSeconds(60);
        assertThat(lastTwoDays).allMatch(item -> modifiedAt(item).isAfter(twoDaysAgo));
    }

    @Test
    void recordsCommittedAtTheBoundaryAreNotReadAgainButTheirTiesAre() {
        Instant tie = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<ObjectNode> vendors = bc.records("vendors");
        List<ObjectNode> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(bc.modify("vendors", vendors.get(i).get("id").asText(), Map.of("lastModifiedDateTime",
                    tie.toString())));
        }
        IncrementalCursor cursor = new IncrementalCursor(tie, Set.of(
                new RecordVersion(tied.get(0).get("id").asText(), tied.get(0).get("@odata.etag").asText()),
                new RecordVersion(tied.get(1).get("id").asText(), tied.get(1).get("@odata.etag").asText())));

        List<ObjectNode> again = readAll(template, uri("vendors", "pageSize=3"), Map.of(SourceHeaders.CURSOR, cursor));

        List<String> ids = again.stream().map(v -> v.get("id").asText()).toList();
        assertThat(ids).doesNotContain(tied.get(0).get("id").asText(), tied.get(1).get("id").asText())
                .contains(tied.get(2).get("id").asText(), tied.get(3).get("id").asText());
    }

    @Test
    void anExtraFilterNarrowsTheRead() {
        List<ObjectNode> blocked = readAll(template, uri("vendors", "initialHistory=all&filter=RAW(blocked eq 'All')"),
                Map.of());

        long expected = bc.records("vendors").stream().filter(v -> v.get("blocked").asText().equals("All")).count();
        assertThat(blocked).hasSize((int) expected).allMatch(v -> v.get("blocked").asText().equals("All"));
        assertThat(requestsTo(bc, "/vendors").get(requestsTo(bc, "/vendors").size() - 1).queryParam("$filter"))
                .endsWith(" and (blocked eq 'All')");
    }

    @Test
    void withoutOrderingTheReadIsUnorderedButComplete() {
        bc.clearRequestLog();
        List<ObjectNode> items = readAll(template, uri("inventory-items", "initialHistory=all&pageSize=9"
                + "&orderByModifiedTime=false"), Map.of());

        assertThat(items).hasSize(bc.count("items"));
        assertThat(requestsTo(bc, "/items").get(0).queryParam("$orderby")).isNull();
        assertThat(context.getEndpoint(uri("inventory-items", "initialHistory=all&pageSize=9&orderByModifiedTime=false"),
                DynamicsEndpoint.class).client().ordersByModifiedTime()).isFalse();
    }

    @Test
    void purchaseOrdersCarryTheirLinesAndTheDerivedStatus() {
        ObjectNode received = bc.records("purchaseOrders").get(0);
        bc.modify("purchaseOrders", received.get("id").asText(), Map.of("status", "Open", "fullyReceived", true));
        ObjectNode inReview = bc.records("purchaseOrders").get(1);
        bc.modify("purchaseOrders", inReview.get("id").asText(), Map.of("status", "In Review"));

        List<ObjectNode> orders = readAll(template, uri("purchase-orders", "initialHistory=all"), Map.of());

        ObjectNode first = orders.stream().filter(o -> o.get("id").equals(received.get("id"))).findFirst().orElseThrow();
        ObjectNode second = orders.stream().filter(o -> o.get("id").equals(inReview.get("id"))).findFirst().orElseThrow();
        assertThat(first.get("@millwright.status").asText()).isEqualTo("Received");
        assertThat(first.get("status").asText()).isEqualTo("Open");
        assertThat(second.get("@millwright.status").asText()).isEqualTo("In Review");
        assertThat(first.get("purchaseOrderLines")).hasSize(received.get("purchaseOrderLines").size());
    }

    @Test
    void fixedAssetsCarryTheStateOfTheirFlags() {
        ObjectNode asset = bc.records("fixedAssets").get(0);
        bc.modify("fixedAssets", asset.get("id").asText(), Map.of("underMaintenance", true, "blocked", false));

        ObjectNode read = readAll(template, uri("assets", "initialHistory=all"), Map.of()).stream()
                .filter(a -> a.get("id").equals(asset.get("id"))).findFirst().orElseThrow();

        assertThat(read.get("@millwright.status").asText()).isEqualTo("Under Maintenance");
    }

    @Test
    void anEmptyCurrencyCodeIsAnnotatedWithTheLocalCurrencyLookedUpOnce() {
        bc.clearRequestLog();
        List<ObjectNode> vendors = readAll(template, uri("vendors", "initialHistory=all&pageSize=5"), Map.of());

        assertThat(vendors).filteredOn(v -> v.get("currencyCode").asText().isEmpty())
                .isNotEmpty().allMatch(v -> v.get("@millwright.currencyCode").asText().equals("USD"));
        assertThat(vendors).filteredOn(v -> !v.get("currencyCode").asText().isEmpty())
                .allMatch(v -> v.get("@millwright.currencyCode").asText().equals(v.get("currencyCode").asText()));
        assertThat(requestsTo(bc, "/companyInformation")).hasSize(1);
    }

    @Test
    void aConfiguredLocalCurrencySparesTheLookup() {
        bc.clearRequestLog();
        List<ObjectNode> vendors = readAll(template, uri("vendors", "initialHistory=all&localCurrency=usd"), Map.of());

        assertThat(vendors).filteredOn(v -> v.get("currencyCode").asText().isEmpty())
                .allMatch(v -> v.get("@millwright.currencyCode").asText().equals("USD"));
        assertThat(requestsTo(bc, "/companyInformation")).isEmpty();
    }

    @Test
    void aMalformedPageFailsTheReadAfterTheRecordsBeforeIt() {
        Exchange reply = template.request(uri("vendors", "pageSize=10&initialHistory=all"), exchange -> { });
        List<ObjectNode> received = new ArrayList<>();
        try (ChangeStream stream = reply.getMessage().getBody(ChangeStream.class)) {
            for (int i = 0; i < 10; i++) {
                received.add(stream.next());
            }
            bc.faults().malformNextPages(1);
            assertThatThrownBy(stream::next).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("vendors").hasMessageContaining("$skiptoken")
                    .hasMessageContaining("not valid JSON");
        }
        assertThat(received).hasSize(10);
    }

    // ---- get and writes ----

    @Test
    void getReturnsTheRecordWithItsLinesAndEtag() {
        ObjectNode order = bc.records("purchaseOrders").get(3);
        String id = order.get("id").asText();

        Exchange reply = template.request(uri("purchase-orders", "operation=get"),
                exchange -> exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id));

        ObjectNode body = reply.getMessage().getBody(ObjectNode.class);
        assertThat(body.get("number").asText()).isEqualTo(order.get("number").asText());
        assertThat(body.get("purchaseOrderLines")).hasSize(order.get("purchaseOrderLines").size());
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(order.get("@odata.etag").asText());
    }

    @Test
    void createPostsAVendorAndAnswersItsIdAndVersion() {
        ObjectNode vendor = JSON.createObjectNode().put("displayName", "Great Lakes Hydraulics, Inc.")
                .put("city", "Milwaukee").put("state", "WI").put("blocked", " ");

        Exchange reply = template.request(uri("vendors", "operation=create"),
                exchange -> exchange.getMessage().setBody(vendor));

        assertThat(reply.getException()).isNull();
        String id = reply.getMessage().getHeader(SourceHeaders.REMOTE_ID, String.class);
        ObjectNode stored = bc.record("vendors", id);
        assertThat(stored.get("displayName").asText()).isEqualTo("Great Lakes Hydraulics, Inc.");
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION)).isEqualTo(stored.get("@odata.etag").asText());
        RecordedRequest post = requestsTo(bc, "/vendors").get(requestsTo(bc, "/vendors").size() - 1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.header("Content-Type")).startsWith("application/json");
        assertThat(post.body()).contains("Great Lakes Hydraulics");
    }

    @Test
    void createPostsAPurchaseOrderWithItsLinesInOneRequest() {
        ObjectNode vendor = bc.records("vendors").get(2);
        ObjectNode order = JSON.createObjectNode().put("vendorId", vendor.get("id").asText())
                .put("orderDate", "2024-05-30").put("currencyCode", "USD");
        order.putArray("purchaseOrderLines").addObject().put("lineObjectNumber", "1896-S").put("quantity", 3);

        Exchange reply = template.request(uri("purchase-orders", "operation=create"),
                exchange -> exchange.getMessage().setBody(order));

        assertThat(reply.getException()).isNull();
        ObjectNode created = reply.getMessage().getBody(ObjectNode.class);
        assertThat(created.get("purchaseOrderLines")).hasSize(1);
        assertThat(created.at("/purchaseOrderLines/0/description").asText()).isEqualTo("ATHENS Desk");
        assertThat(created.get("status").asText()).isEqualTo("Draft");
        RecordedRequest post = requestsTo(bc, "/purchaseOrders").get(requestsTo(bc, "/purchaseOrders").size() - 1);
        assertThat(post.queryParam("$expand")).isEqualTo("purchaseOrderLines");
        assertThat(post.body()).contains("\"lineType\":\"Item\"").contains("\"currencyCode\":\"\"");
        assertThat(bc.record("purchaseOrders", created.get("id").asText()).get("currencyCode").asText()).isEmpty();
    }

    @Test
    void updateWithTheCurrentEtagIsApplied() {
        ObjectNode item = bc.records("items").get(5);
        String id = item.get("id").asText();

        Exchange reply = template.request(uri("inventory-items", "operation=update"), exchange -> {
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_ID, id);
            exchange.getMessage().setHeader(SourceHeaders.REMOTE_VERSION, item.get("@odata.etag").asText());
            exchange.getMessage().setBody(Map.of("displayName", "Updated through Millwright"));
        });

        assertThat(reply.getException()).isNull();
        assertThat(bc.record("items", id).get("displayName").asText()).isEqualTo("Updated through Millwright");
        RecordedRequest patch = bc.requestLog().get(bc.requestLog().size() - 1);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.header("If-Match")).isEqualTo(item.get("@odata.etag").asText());
        assertThat(reply.getMessage().getHeader(SourceHeaders.REMOTE_VERSION))
                .isEqualTo(bc.record("items", id).get("@odata.etag").asText());
    }

    @Test
    void updateWithoutAKnownVersionSendsIfMatchStar() {
        String id = bc.records("fixedAssets").get(4).get("id").asText();

        template.requestBodyAndHeader(uri("assets", "operation=update"), Map.of("serialNumber", "SN-0042"),
                SourceHeaders.REMOTE_ID, id);

        assertThat(bc.requestLog().get(bc.requestLog().size() - 1).header("If-Match")).isEqualTo("*");
        assertThat(bc.record("fixedAssets", id).get("serialNumber").asText()).isEqualTo("SN-0042");
    }

    @Test
    void updateWithAStaleEtagIsAConflictKeepingBcsCode() {
        ObjectNode vendor = bc.records("vendors").get(6);
        String id = vendor.get("id").asText();
        bc.modify("vendors", id, Map.of("displayName", "Changed in Business Central meanwhile"));

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("vendors", "operation=update"),
                Map.of("displayName", "late"), Map.of(SourceHeaders.REMOTE_ID, id,
                        SourceHeaders.REMOTE_VERSION, vendor.get("@odata.etag").asText())))
                .hasCauseInstanceOf(ConflictException.class)
                .cause().hasMessageContaining("Request_EntityChanged").hasMessageContaining("record '" + id + "'");
        assertThat(bc.record("vendors", id).get("displayName").asText()).isEqualTo("Changed in Business Central meanwhile");
    }

    @Test
    void updatingTheLinesOfAnOrderIsRefusedBeforeAnyRequest() {
        String id = bc.records("purchaseOrders").get(0).get("id").asText();
        long before = bc.requestCount();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("purchase-orders", "operation=update"),
                Map.of("purchaseOrderLines", List.of(Map.of("quantity", 2))), SourceHeaders.REMOTE_ID, id))
                .hasCauseInstanceOf(ValidationFailedException.class)
                .cause().hasMessageContaining("purchaseOrderLines");
        assertThat(bc.requestCount()).isEqualTo(before);
    }

    @Test
    void aLineOfADraftOrderIsUpdatedThroughThePurchaseOrderLinesCollection() {
        ObjectNode order = bc.records("purchaseOrders").stream().filter(o -> o.get("status").asText().equals("Draft"))
                .findFirst().orElseThrow();
        JsonNode line = order.get("purchaseOrderLines").get(0);

        template.requestBodyAndHeaders(uri("purchaseOrderLines", "operation=update"), Map.of("quantity", 7),
                Map.of(SourceHeaders.REMOTE_ID, line.get("id").asText(),
                        SourceHeaders.REMOTE_VERSION, line.get("@odata.etag").asText()));

        ObjectNode stored = bc.record("purchaseOrders", order.get("id").asText());
        assertThat(stored.at("/purchaseOrderLines/0/quantity").asInt()).isEqualTo(7);
        assertThat(stored.get("@odata.etag").asText()).isNotEqualTo(order.get("@odata.etag").asText());
    }

    @Test
    void deleteRemovesTheRecord() {
        ObjectNode asset = bc.insert("fixedAssets", Map.of("displayName", "Temporary pump"));
        String id = asset.get("id").asText();

        template.requestBodyAndHeaders(uri("assets", "operation=delete"), null, Map.of(SourceHeaders.REMOTE_ID, id,
                SourceHeaders.REMOTE_VERSION, asset.get("@odata.etag").asText()));

        assertThat(bc.record("fixedAssets", id)).isNull();
    }

    @Test
    void aDeleteBcRefusesIsARemoteErrorWithBcsCode() {
        String vendorId = bc.records("purchaseOrders").get(0).get("vendorId").asText();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("vendors", "operation=delete"), null,
                SourceHeaders.REMOTE_ID, vendorId))
                .cause().isInstanceOf(RemoteErrorException.class)
                .satisfies(e -> {
                    RemoteErrorException error = (RemoteErrorException) e;
                    assertThat(error.remoteCode()).isEqualTo("Application_DialogException");
                    assertThat(error.httpStatus()).isEqualTo(400);
                    assertThat(error.remoteMessage()).contains("outstanding Purchase Order");
                });
    }

    @Test
    void aRefusedCreateCarriesBcsCodeAndMessage() {
        ObjectNode invalid = JSON.createObjectNode().put("displayName", "x").put("colour", "red");

        assertThatThrownBy(() -> template.requestBody(uri("vendors", "operation=create"), invalid))
                .cause().isInstanceOf(RemoteErrorException.class)
                .hasMessageContaining("[BadRequest]").hasMessageContaining("colour");
    }

    @Test
    void aRemoteIdThatIsNotAGuidIsRefusedBeforeAnyRequest() {
        long before = bc.requestCount();

        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("vendors", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "V00010)/items("))
                .hasCauseInstanceOf(ValidationFailedException.class).cause().hasMessageContaining("not a Business Central id");
        assertThat(bc.requestCount()).isEqualTo(before);
    }

    // ---- work orders ----

    @ParameterizedTest
    @EnumSource(SourceOperation.class)
    void everyWorkOrderOperationIsNotSupportedBeforeAnyRequest(SourceOperation operation) {
        long before = bc.requestCount();

        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri("work-orders", "operation=" + operation),
                Map.of("description", "Replace seal"), Map.of(SourceHeaders.REMOTE_ID,
                        "5d115c9c-44e3-ea11-bb43-000d3a2feca1")))
                .hasCauseInstanceOf(OperationNotSupportedException.class)
                .cause().hasMessageContaining("Business Central (dynamics) has no work orders")
                .hasMessageContaining("entity 'work_order'");
        assertThat(bc.requestCount()).isEqualTo(before);
    }

    // ---- errors ----

    @Test
    void anUnknownRecordIsNotFoundWithBcsCode() {
        assertThatThrownBy(() -> template.requestBodyAndHeader(uri("inventory-items", "operation=get"), null,
                SourceHeaders.REMOTE_ID, "5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c"))
                .hasCauseInstanceOf(NotFoundException.class)
                .cause().hasMessageContaining("Internal_RecordNotFound").hasMessageContaining("entity 'inventory_item'");
    }

    @Test
    void anUnknownCompanyIdIsNotFoundWithBcsCode() {
        String unknown = uri("vendors", "").replace(bc.companyId(), "7e0f9c7b-2a5d-4c1e-9b3f-8a6d5c4b3a21");

        assertThatThrownBy(() -> readAll(template, unknown, Map.of()))
                .hasCauseInstanceOf(NotFoundException.class).cause().hasMessageContaining("Internal_CompanyNotFound");
    }

    @Test
    void anUnknownCompanyNameIsNotFoundListingTheCompanies() {
        String byName = uri("vendors", "").replace("&companyId=" + bc.companyId(), "&companyName=RAW(Fabrikam Ltd)");

        assertThatThrownBy(() -> readAll(template, byName, Map.of()))
                .hasCauseInstanceOf(NotFoundException.class)
                .cause().hasMessageContaining("no company named 'Fabrikam Ltd'").hasMessageContaining("CRONUS USA, Inc.");
    }

    @Test
    void rateLimitedAnswersAreRetriedAfterRetryAfter() {
        bc.faults().rateLimitNextRequests(2, 0);

        List<ObjectNode> records = readAll(template, uri("vendors", "initialHistory=all&pageSize=100"), Map.of());

        assertThat(records).hasSize(bc.count("vendors"));
        assertThat(bc.faults().pendingRateLimits()).isZero();
    }

    @Test
    void unavailableAnswersAreRetriedWithBackoff() {
        bc.faults().failNextRequests(2, 503);

        assertThat(readAll(template, uri("vendors", "initialHistory=all&pageSize=100"), Map.of()))
                .hasSize(bc.count("vendors"));
    }

    @Test
    void aRetryAfterLongerThanAllowedIsRateLimited() {
        readAll(template, uri("vendors", "maxRetryAfter=5"), Map.of());
        bc.faults().rateLimitNextRequests(1, 600);

        assertThatThrownBy(() -> readAll(template, uri("vendors", "maxRetryAfter=5"), Map.of()))
                .hasCauseInstanceOf(RateLimitedException.class);
    }

    @Test
    void anEndpointWithoutCredentialsNamesWhatIsMissing() {
        assertThatThrownBy(() -> readAll(template, "dynamics:vendors?tenantId=" + bc.tenantId() + "&companyId="
                + bc.companyId(), Map.of()))
                .hasRootCauseInstanceOf(IllegalArgumentException.class).rootCause().hasMessageContaining("clientId");
    }
}
