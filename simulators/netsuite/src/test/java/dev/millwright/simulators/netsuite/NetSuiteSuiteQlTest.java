package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.TestHttp.suiteQl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** SuiteQL: the subset an incremental reader sends, NetSuite's value rendering, paging and its 100,000 row cap. */
class NetSuiteSuiteQlTest {

    private static final Instant NOW = Instant.parse("2024-06-03T15:00:00Z");
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void start() {
        netsuite = NetSuiteSimulator.builder().seed(8).vendors(60).inventoryItems(25).purchaseOrders(30)
                .workOrders(12).assets(9).historyDays(20).timeZone(CHICAGO).maxQueryResults(40)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterAll
    static void stop() {
        netsuite.close();
    }

    private static String local(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, CHICAGO));
    }

    @Test
    void anIncrementalQueryReturnsTheChangedRowsInModifiedOrder() {
        List<ObjectNode> orders = netsuite.records("purchaseOrder");
        Instant from = orders.stream().map(o -> Instant.parse(o.get("lastModifiedDate").asText())).sorted().toList().get(10);

        JsonNode page = suiteQl(netsuite, "SELECT id, tranid, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS"
                + " modified FROM transaction WHERE type = 'PurchOrd' AND lastmodifieddate >= TO_TIMESTAMP('"
                + local(from) + "', 'YYYY-MM-DD HH24:MI:SS') ORDER BY lastmodifieddate, id", 1000, 0).json();

        assertThat(page.get("totalResults").asInt()).isEqualTo(20);
        List<String> modified = new ArrayList<>();
        page.get("items").forEach(item -> modified.add(item.get("modified").asText()));
        assertThat(modified).isSorted().allMatch(text -> text.compareTo(local(from)) >= 0);
        assertThat(page.get("items").get(0).get("tranid").asText()).startsWith("PO");
    }

    @Test
    void aDateTimeWithoutToCharIsRenderedAsADateInTheUserFormat() {
        ObjectNode order = netsuite.records("purchaseOrder").get(0);
        Instant modified = Instant.parse(order.get("lastModifiedDate").asText());

        JsonNode item = suiteQl(netsuite, "SELECT lastmodifieddate FROM transaction WHERE id = "
                + order.get("id").asText(), 10, 0).json().get("items").get(0);

        assertThat(item.get("lastmodifieddate").asText())
                .isEqualTo(DateTimeFormatter.ofPattern("M/d/yyyy").format(modified.atZone(CHICAGO)));
    }

    @Test
    void valuesAreTextEmptyColumnsAreLeftOutAndDisplayNamesComeFromBuiltinDf() {
        ObjectNode order = netsuite.records("purchaseOrder").get(2);

        JsonNode item = suiteQl(netsuite, "SELECT id, foreigntotal, entity, BUILTIN.DF(entity) AS entityname, status,"
                + " BUILTIN.DF(status) AS statusname, startdate FROM transaction WHERE id = "
                + order.get("id").asText(), 10, 0).json().get("items").get(0);

        assertThat(item.get("id").isTextual()).isTrue();
        assertThat(item.get("foreigntotal").asText())
                .isEqualTo(order.get("total").decimalValue().stripTrailingZeros().toPlainString());
        assertThat(item.get("entity").asText()).isEqualTo(order.at("/entity/id").asText());
        assertThat(item.get("entityname").asText()).isEqualTo(order.at("/entity/refName").asText());
        assertThat(item.get("status").asText()).isEqualTo(order.at("/orderStatus/id").asText());
        assertThat(item.get("statusname").asText()).startsWith("Purchase Order : ");
        assertThat(item.has("startdate")).isFalse();
        assertThat(item.get("links")).isEmpty();
    }

    @Test
    void theLinesOfSeveralTransactionsComeFromTransactionLine() {
        List<ObjectNode> orders = netsuite.records("purchaseOrder").subList(0, 3);
        String ids = String.join(", ", orders.stream().map(o -> o.get("id").asText()).toList());
        int lines = orders.stream().mapToInt(o -> o.at("/item/items").size()).sum();

        JsonNode page = suiteQl(netsuite, "SELECT transaction, linesequencenumber, item, BUILTIN.DF(item) AS itemname,"
                + " quantity, rate, subsidiary FROM transactionline WHERE transaction IN (" + ids + ") AND mainline = 'F'"
                + " ORDER BY transaction, linesequencenumber", 1000, 0).json();

        assertThat(page.get("count").asInt()).isEqualTo(lines);
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("transaction").asText()).isEqualTo(orders.get(0).get("id").asText());
        assertThat(first.get("linesequencenumber").asText()).isEqualTo("1");
        assertThat(first.get("itemname").asText()).isEqualTo(orders.get(0).at("/item/items/0/item/refName").asText());
        assertThat(first.get("subsidiary").asText()).isEqualTo(orders.get(0).at("/subsidiary/id").asText());
    }

    @Test
    void theMainLineCarriesTheSubsidiaryOfTheTransaction() {
        ObjectNode workOrder = netsuite.records("workOrder").get(0);

        JsonNode main = suiteQl(netsuite, "SELECT subsidiary, item, quantity FROM transactionline WHERE transaction = "
                + workOrder.get("id").asText() + " AND mainline = 'T'", 10, 0).json().get("items").get(0);

        assertThat(main.get("subsidiary").asText()).isEqualTo(workOrder.at("/subsidiary/id").asText());
        assertThat(main.get("item").asText()).isEqualTo(workOrder.at("/assemblyItem/id").asText());
    }

    @Test
    void vendorAddressesComeFromEntityAddress() {
        ObjectNode vendor = netsuite.records("vendor").get(1);
        JsonNode row = suiteQl(netsuite, "SELECT defaultbillingaddress FROM vendor WHERE id = "
                + vendor.get("id").asText(), 10, 0).json().get("items").get(0);

        JsonNode address = suiteQl(netsuite, "SELECT nkey, addr1, city, country FROM entityaddress WHERE nkey IN ("
                + row.get("defaultbillingaddress").asText() + ")", 10, 0).json().get("items").get(0);

        assertThat(address.get("addr1").asText()).isEqualTo(vendor.at("/addressBook/items/0/addressBookAddress/addr1").asText());
        assertThat(address.get("country").asText()).isEqualTo(vendor.at("/addressBook/items/0/addressBookAddress/country/id").asText());
    }

    @Test
    void pagesFollowTheNextLinkAndAQueryStopsAtTheResultCap() {
        JsonNode first = suiteQl(netsuite, "SELECT id FROM vendor ORDER BY lastmodifieddate, id", 15, 0).json();
        JsonNode third = suiteQl(netsuite, "SELECT id FROM vendor ORDER BY lastmodifieddate, id", 15, 30).json();

        assertThat(first.get("totalResults").asInt()).isEqualTo(40);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.findValuesAsText("href")).anyMatch(href -> href.endsWith("suiteql?limit=15&offset=15"));
        assertThat(third.get("count").asInt()).isEqualTo(10);
        assertThat(third.get("hasMore").asBoolean()).isFalse();
        TestHttp.Response beyond = suiteQl(netsuite, "SELECT id FROM vendor", 15, 45);
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.errorCode()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void aKeysetQueryContinuesAfterTheLastRowOfTheCap() {
        JsonNode capped = suiteQl(netsuite, "SELECT id, TO_CHAR(lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS ts FROM"
                + " vendor ORDER BY lastmodifieddate, id", 1000, 0).json();
        JsonNode last = capped.get("items").get(39);

        JsonNode rest = suiteQl(netsuite, "SELECT id FROM vendor WHERE lastmodifieddate > TO_TIMESTAMP('"
                + last.get("ts").asText() + "', 'YYYY-MM-DD HH24:MI:SS') OR (lastmodifieddate = TO_TIMESTAMP('"
                + last.get("ts").asText() + "', 'YYYY-MM-DD HH24:MI:SS') AND id > " + last.get("id").asText()
                + ") ORDER BY lastmodifieddate, id", 1000, 0).json();

        assertThat(capped.get("count").asInt() + rest.get("count").asInt()).isEqualTo(60);
    }

    @Test
    void aQueryWithoutPreferTransientIsRefused() {
        TestHttp.Response response = TestHttp.post(netsuite.baseUrl() + "/services/rest/query/v1/suiteql",
                "{\"q\":\"SELECT id FROM vendor\"}");

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void anUnknownColumnIsAnInvalidQuery() {
        TestHttp.Response response = suiteQl(netsuite, "SELECT nosuchcolumn FROM vendor", 10, 0);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_PARAMETER");
        assertThat(response.errorDetail()).contains("nosuchcolumn");
    }

    @Test
    void theTypeColumnSeparatesPurchaseOrdersFromWorkOrders() {
        JsonNode all = suiteQl(netsuite, "SELECT id, type FROM transaction", 1000, 0).json();
        JsonNode workOrders = suiteQl(netsuite, "SELECT id FROM transaction WHERE type = 'WorkOrd'", 1000, 0).json();

        assertThat(all.get("totalResults").asInt()).isEqualTo(40);
        assertThat(workOrders.get("totalResults").asInt()).isEqualTo(12);
    }

    @Test
    void selectStarReturnsEveryColumnWithAValue() {
        ObjectNode asset = netsuite.records(netsuite.assetRecordType()).get(0);

        JsonNode row = suiteQl(netsuite, "SELECT * FROM " + netsuite.assetRecordType() + " WHERE id = "
                + asset.get("id").asText(), 10, 0).json().get("items").get(0);

        assertThat(row.get("altname").asText()).isEqualTo(asset.get("altName").asText());
        assertThat(row.get("custrecord_assetstatus").asText()).isEqualTo(asset.at("/custrecord_assetstatus/id").asText());
        assertThat(row.get("isinactive").asText()).isEqualTo("F");
    }

    @Test
    void rowsChangedBetweenPagesMoveToTheEndOfAnIncrementalRead() {
        String query = "SELECT id FROM vendor ORDER BY lastmodifieddate, id";
        JsonNode first = suiteQl(netsuite, query, 10, 0).json();
        String moved = first.get("items").get(0).get("id").asText();

        netsuite.modify("vendor", moved, Map.of("phone", "555-0100", "lastModifiedDate", NOW.plusSeconds(5).toString()));
        JsonNode page = suiteQl(netsuite, query, 10, 0).json();

        assertThat(page.get("items").findValuesAsText("id")).doesNotContain(moved);
        List<ObjectNode> vendors = new ArrayList<>(netsuite.records("vendor"));
        vendors.sort(Comparator.comparing((ObjectNode v) -> v.get("lastModifiedDate").asText())
                .thenComparing(v -> Long.parseLong(v.get("id").asText())));
        assertThat(vendors.get(vendors.size() - 1).get("id").asText()).isEqualTo(moved);
    }
}
