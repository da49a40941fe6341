package dev.millwright.component.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.cursor.RecordVersion;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.netsuite.NetSuiteSimulator;

/** readChanges against the NetSuite simulator: SuiteQL (the default) and the record API, over real HTTP. */
class NetSuiteReadChangesTest extends NetSuiteCamelTest {

    private static final Instant NOW = Instant.now();
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void startSimulator() {
        netsuite = TestAccount.simulator().seed(17).vendors(45).inventoryItems(30).purchaseOrders(38).workOrders(14)
                .assets(21).historyDays(20).timeZone(CHICAGO).maxQueryResults(25).build().start();
    }

    @AfterAll
    static void stopSimulator() {
        netsuite.close();
    }

    @Override
    protected NetSuiteSimulator netsuite() {
        return netsuite;
    }

    private static String uri(String collection, String options) {
        return "netsuite:" + collection + "?connection=" + TestAccount.OAUTH2 + "&timeZone=America/Chicago"
                + "&maxQueryResults=25" + (options.isEmpty() ? "" : "&" + options);
    }

    private static Instant modified(ObjectNode record, String field) {
        return Instant.parse(record.get(field).asText());
    }

    @ParameterizedTest
    @CsvSource({"purchase-orders,purchaseOrder,lastModifiedDate", "work-orders,workOrder,lastModifiedDate",
            "inventory-items,inventoryItem,lastModifiedDate", "vendors,vendor,lastModifiedDate",
            "assets,customrecord_ncfar_asset,lastModified"})
    void everyRecordOfTheCollectionIsReadOnceInModifiedOrder(String collection, String recordType, String field) {
        List<ObjectNode> records = readAll(uri(collection, "pageSize=7&initialHistory=all"));

        assertThat(records).hasSize(netsuite.count(recordType));
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.get("id").asText()));
        assertThat(ids).hasSize(records.size());
        assertThat(records.stream().map(record -> modified(record, field)).toList()).isSorted();
    }

    @Test
    void aSuiteQlReadReadsAsTheRecordApiShowsTheRecord() {
        List<ObjectNode> orders = readAll(uri("purchase-orders", "initialHistory=all&pageSize=50"));
        ObjectNode read = orders.get(3);
        ObjectNode stored = netsuite.record("purchaseOrder", read.get("id").asText());

        for (String field : List.of("tranId", "tranDate", "lastModifiedDate", "createdDate", "dueDate", "memo")) {
            assertThat(read.get(field)).as(field).isEqualTo(stored.get(field));
        }
        for (String reference : List.of("entity", "currency", "subsidiary", "location", "employee", "orderStatus")) {
            assertThat(read.at("/" + reference + "/id")).as(reference).isEqualTo(stored.at("/" + reference + "/id"));
            assertThat(read.at("/" + reference + "/refName")).as(reference).isEqualTo(stored.at("/" + reference + "/refName"));
        }
        assertThat(read.get("total").decimalValue()).isEqualByComparingTo(stored.get("total").decimalValue());
        assertThat(read.at("/item/items").size()).isEqualTo(stored.at("/item/items").size());
        assertThat(read.at("/item/items/0/item/refName")).isEqualTo(stored.at("/item/items/0/item/refName"));
        assertThat(read.at("/item/items/0/quantityReceived").decimalValue())
                .isEqualByComparingTo(stored.at("/item/items/0/quantityReceived").decimalValue());
        assertThat(read.at("/item/items/0/line").asInt()).isEqualTo(1);
    }

    @Test
    void aVendorReadThroughSuiteQlCarriesItsDefaultAddress() {
        List<ObjectNode> vendors = readAll(uri("vendors", "initialHistory=all&pageSize=50"));
        ObjectNode read = vendors.get(0);
        ObjectNode stored = netsuite.record("vendor", read.get("id").asText());

        assertThat(read.at("/addressBook/items/0/addressBookAddress/city"))
                .isEqualTo(stored.at("/addressBook/items/0/addressBookAddress/city"));
        assertThat(read.at("/addressBook/items/0/addressBookAddress/country/id"))
                .isEqualTo(stored.at("/addressBook/items/0/addressBookAddress/country/id"));
        assertThat(read.get("isInactive")).isEqualTo(stored.get("isInactive"));
    }

    @Test
    void theQueryAsksForChangesSinceTheStartInTheUsersTimeZone() {
        netsuite.clearRequestLog();
        Instant from = Instant.parse("2024-01-02T03:04:05Z");

        readAll(uri("vendors", "pageSize=40&where=" + "subsidiary = 2"), Map.of(SourceHeaders.MODIFIED_AFTER, from.toString()));

        RecordedRequest first = netsuite.requestLog().stream().filter(r -> r.path().endsWith("/suiteql")).findFirst()
                .orElseThrow();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("Prefer")).isEqualTo("transient");
        assertThat(first.header("Authorization")).startsWith("Bearer ");
        assertThat(first.queryParam("limit")).isEqualTo("40");
        assertThat(first.queryParam("offset")).isEqualTo("0");
        String local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(LocalDateTime.ofInstant(from, CHICAGO));
        String q = json(first.body()).get("q").asText();
        assertThat(q).startsWith("SELECT id, entityid").contains(" FROM vendor WHERE lastmodifieddate >= TO_TIMESTAMP('"
                + local + "', 'YYYY-MM-DD HH24:MI:SS') AND (subsidiary = 2) ORDER BY lastmodifieddate, id");
    }

    @Test
    void onlyWhatChangedSinceModifiedAfterIsRead() {
        List<ObjectNode> all = readAll(uri("assets", "initialHistory=all"));
        Instant middle = modified(all.get(all.size() / 2), "lastModified");

        List<ObjectNode> recent = readAll(uri("assets", "pageSize=5"), Map.of(SourceHeaders.MODIFIED_AFTER, middle.toString()));

        assertThat(recent).isNotEmpty().hasSizeLessThan(all.size());
        assertThat(recent).allMatch(record -> !modified(record, "lastModified").isBefore(middle));
    }

    @Test
    void initialHistoryLimitsTheFirstRead() {
        List<ObjectNode> lastTwoDays = readAll(uri("purchase-orders", "initialHistory=P2D"));

        assertThat(lastTwoDays.size()).isLessThan(netsuite.count("purchaseOrder"));
        assertThat(lastTwoDays).allMatch(record -> modified(record, "lastModifiedDate")
                .isAfter(Instant.now().minusSeconds(2 * 86_400 + 60)));
    }

    @Test
    void recordsCommittedAtTheBoundaryAreNotReadAgain() {
        List<ObjectNode> all = readAll(uri("vendors", "initialHistory=all"));
        ObjectNode last = all.get(all.size() - 1);
        IncrementalCursor cursor = new IncrementalCursor(modified(last, "lastModifiedDate"),
                Set.of(new RecordVersion(last.get("id").asText(), last.get("lastModifiedDate").asText())));

        List<ObjectNode> again = readAll(uri("vendors", ""), Map.of(SourceHeaders.CURSOR, cursor));

        assertThat(again).noneMatch(record -> record.get("id").asText().equals(last.get("id").asText()));
    }

    @Test
    void recordsSharingTheBoundaryTimeButNotCommittedAreRead() {
        List<ObjectNode> vendors = netsuite.records("vendor");
        Instant tie = NOW.minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            netsuite.modify("vendor", vendors.get(i).get("id").asText(), Map.of("lastModifiedDate", tie));
        }
        ObjectNode committed = netsuite.record("vendor", vendors.get(0).get("id").asText());
        IncrementalCursor cursor = new IncrementalCursor(tie, Set.of(new RecordVersion(committed.get("id").asText(),
                committed.get("lastModifiedDate").asText())));

        List<ObjectNode> read = readAll(uri("vendors", "pageSize=2"), Map.of(SourceHeaders.CURSOR, cursor));

        List<String> ids = read.stream().map(record -> record.get("id").asText()).toList();
        assertThat(ids).doesNotContain(committed.get("id").asText())
                .contains(vendors.get(1).get("id").asText(), vendors.get(2).get("id").asText());
    }

    @Test
    void aReadBeyondTheQueryResultCapContinuesWithAKeysetQuery() {
        netsuite.clearRequestLog();

        List<ObjectNode> vendors = readAll(uri("vendors", "pageSize=5&initialHistory=all"));

        assertThat(vendors).hasSize(45);
        List<String> queries = netsuite.requestLog().stream().filter(r -> r.path().endsWith("/suiteql"))
                .map(r -> json(r.body()).get("q").asText()).filter(q -> q.contains(" FROM vendor ")).distinct().toList();
        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).contains("(lastmodifieddate > TO_TIMESTAMP('").contains("AND id > ");
    }

    @Test
    void extraColumnsLandInTheRecordUnderTheirOwnNames() {
        List<ObjectNode> items = readAll(uri("inventory-items", "initialHistory=all&extraColumns=itemtype"));

        assertThat(items).allMatch(item -> item.path("itemtype").asText().equals("InvtPart"));
    }

    @Test
    void theRecordApiReadListsIdsThenReadsEachRecord() {
        netsuite.clearRequestLog();

        List<ObjectNode> vendors = readAll(uri("vendors", "readMode=record&pageSize=20&initialHistory=all"));

        assertThat(vendors).hasSize(netsuite.count("vendor"));
        assertThat(vendors.get(0).has("companyName")).isTrue();
        List<RecordedRequest> lists = netsuite.requestLog().stream().filter(r -> r.path().endsWith("/record/v1/vendor"))
                .toList();
        assertThat(lists).hasSize(3);
        assertThat(lists.get(0).queryParam("q")).isEqualTo("lastModifiedDate ON_OR_AFTER \"12/31/1969 6:00 PM\"");
        assertThat(netsuite.requestLog()).anyMatch(r -> "true".equals(r.queryParam("expandSubResources")));
    }

    @Test
    void theRecordApiFilterIsWrittenInTheUsersDateFormat() {
        try (NetSuiteSimulator german = TestAccount.simulator().vendors(6).purchaseOrders(0).workOrders(0)
                .inventoryItems(0).assets(4).timeZone(ZoneId.of("Europe/Berlin")).dateFormat("dd.MM.yyyy")
                .timeFormat("HH:mm").build().start()) {
            String uri = "netsuite:assets?readMode=record&timeZone=Europe/Berlin&queryDateFormat=dd.MM.yyyy HH:mm&"
                    + TestAccount.tbaOptions(german);

            List<ObjectNode> assets = readAll(uri, Map.of(SourceHeaders.MODIFIED_AFTER, "2024-03-05T17:45:30Z"));

            assertThat(assets).hasSize(german.count("customrecord_ncfar_asset"));
            assertThat(german.requestLog().get(0).queryParam("q"))
                    .isEqualTo("lastModified ON_OR_AFTER \"05.03.2024 18:45\"");
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
