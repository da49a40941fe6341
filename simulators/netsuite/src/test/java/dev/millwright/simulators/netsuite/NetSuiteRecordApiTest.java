package dev.millwright.simulators.netsuite;

import static dev.millwright.simulators.netsuite.TestHttp.delete;
import static dev.millwright.simulators.netsuite.TestHttp.enc;
import static dev.millwright.simulators.netsuite.TestHttp.get;
import static dev.millwright.simulators.netsuite.TestHttp.patch;
import static dev.millwright.simulators.netsuite.TestHttp.post;
import static dev.millwright.simulators.netsuite.TestHttp.recordUrl;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The record API: collections of ids, expanded records, creates, updates, deletes and their errors. */
class NetSuiteRecordApiTest {

    private static final Instant NOW = Instant.parse("2024-06-03T15:00:00Z");
    private static NetSuiteSimulator netsuite;

    @BeforeAll
    static void start() {
        netsuite = NetSuiteSimulator.builder().seed(5).vendors(23).inventoryItems(30).purchaseOrders(40)
                .workOrders(10).assets(12).historyDays(30).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterAll
    static void stop() {
        netsuite.close();
    }

    @Test
    void aCollectionListsIdsAndLinksPageByPage() {
        JsonNode first = get(recordUrl(netsuite, "vendor") + "?limit=10&offset=0").json();

        assertThat(first.get("count").asInt()).isEqualTo(10);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(first.get("totalResults").asInt()).isEqualTo(23);
        JsonNode item = first.get("items").get(0);
        assertThat(fieldNames(item)).containsExactly("links", "id");
        assertThat(item.at("/links/0/href").asText()).endsWith("/services/rest/record/v1/vendor/" + item.get("id").asText());
        String next = link(first, "next");
        assertThat(next).endsWith("?limit=10&offset=10");
        JsonNode last = get(netsuite.baseUrl() + next.substring(next.indexOf("/services"))
                .replace("offset=10", "offset=20")).json();
        assertThat(last.get("count").asInt()).isEqualTo(3);
        assertThat(last.get("hasMore").asBoolean()).isFalse();
        assertThat(link(last, "next")).isNull();
    }

    @Test
    void theQFilterSelectsByLastModifiedDateInTheAccountFormat() {
        List<ObjectNode> vendors = netsuite.records("vendor");
        Instant middle = vendors.stream().map(v -> Instant.parse(v.get("lastModifiedDate").asText())).sorted()
                .toList().get(11);
        String q = "lastModifiedDate ON_OR_AFTER \"" + java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy h:mm a",
                java.util.Locale.US).format(middle.atZone(ZoneOffset.UTC)) + "\"";

        JsonNode page = get(recordUrl(netsuite, "vendor") + "?q=" + enc(q)).json();

        long expected = vendors.stream().filter(v -> !Instant.parse(v.get("lastModifiedDate").asText())
                .isBefore(middle.truncatedTo(java.time.temporal.ChronoUnit.MINUTES))).count();
        assertThat(page.get("totalResults").asLong()).isEqualTo(expected).isLessThan(23);
    }

    @Test
    void aPurchaseOrderExpandsItsLinesAndReferences() {
        String id = netsuite.records("purchaseOrder").get(0).get("id").asText();

        JsonNode order = get(recordUrl(netsuite, "purchaseOrder") + "/" + id + "?expandSubResources=true").json();

        assertThat(order.get("tranId").asText()).startsWith("PO1");
        assertThat(order.at("/entity/id").asText()).isNotBlank();
        assertThat(order.at("/entity/refName").asText()).isNotBlank();
        assertThat(order.at("/currency/refName").asText()).isIn("USD", "CAD", "EUR", "GBP");
        assertThat(order.at("/orderStatus/id").asText()).matches("[A-H]");
        assertThat(order.get("lastModifiedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(order.get("tranDate").asText()).matches("\\d{4}-\\d\\d-\\d\\d");
        JsonNode lines = order.at("/item/items");
        assertThat(lines.size()).isPositive();
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(1);
        assertThat(lines.get(0).at("/item/refName").asText()).isNotBlank();
        assertThat(lines.get(0).get("amount").decimalValue())
                .isEqualByComparingTo(lines.get(0).get("rate").decimalValue()
                        .multiply(lines.get(0).get("quantity").decimalValue()));
    }

    @Test
    void withoutExpandSubResourcesASublistIsALink() {
        String id = netsuite.records("purchaseOrder").get(1).get("id").asText();

        JsonNode order = get(recordUrl(netsuite, "purchaseorder") + "/" + id).json();

        assertThat(fieldNames(order.get("item"))).containsExactly("links");
        assertThat(order.at("/item/links/0/href").asText()).endsWith("/purchaseOrder/" + id + "/item");
    }

    @Test
    void aCreateAnswers204WithTheLocationOfTheNewRecord() {
        String vendor = netsuite.records("vendor").get(2).get("id").asText();
        String item = netsuite.records("inventoryItem").get(3).get("id").asText();

        TestHttp.Response created = post(recordUrl(netsuite, "purchaseOrder"), "{\"entity\":{\"id\":\"" + vendor
                + "\"},\"memo\":\"Seals\",\"item\":{\"items\":[{\"item\":{\"id\":\"" + item + "\"},\"quantity\":4,"
                + "\"rate\":12.5}]}}");

        assertThat(created.status()).isEqualTo(204);
        assertThat(created.body()).isEmpty();
        String location = created.header("Location");
        assertThat(location).matches(".*/services/rest/record/v1/purchaseOrder/\\d+");
        ObjectNode stored = netsuite.record("purchaseOrder", location.substring(location.lastIndexOf('/') + 1));
        assertThat(stored.get("memo").asText()).isEqualTo("Seals");
        assertThat(stored.get("total").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(stored.at("/orderStatus/id").asText()).isEqualTo("B");
        assertThat(stored.at("/currency/id").asText()).isEqualTo(netsuite.record("vendor", vendor).at("/currency/id").asText());
        assertThat(stored.get("lastModifiedDate").asText()).isEqualTo(NOW.toString());
    }

    @Test
    void aPatchMergesLinesByLineNumberUnlessTheSublistIsReplaced() {
        ObjectNode order = openOrderWithLines(2);
        String url = recordUrl(netsuite, "purchaseOrder") + "/" + order.get("id").asText();

        assertThat(patch(url, "{\"item\":{\"items\":[{\"line\":1,\"quantity\":7}]}}").status()).isEqualTo(204);
        ObjectNode merged = netsuite.record("purchaseOrder", order.get("id").asText());
        assertThat(merged.at("/item/items").size()).isEqualTo(order.at("/item/items").size());
        assertThat(merged.at("/item/items/0/quantity").asInt()).isEqualTo(7);

        String item = order.at("/item/items/0/item/id").asText();
        assertThat(patch(url + "?replace=item", "{\"item\":{\"items\":[{\"item\":{\"id\":\"" + item
                + "\"},\"quantity\":1}]}}").status()).isEqualTo(204);
        assertThat(netsuite.record("purchaseOrder", order.get("id").asText()).at("/item/items").size()).isEqualTo(1);
    }

    @Test
    void aMissingRecordIsNotFound() {
        TestHttp.Response response = get(recordUrl(netsuite, "vendor") + "/999999");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("NONEXISTENT_ID");
        assertThat(response.json().get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void anUnknownReferenceIsRefusedWithItsPath() {
        String vendor = netsuite.records("vendor").get(0).get("id").asText();

        TestHttp.Response response = post(recordUrl(netsuite, "purchaseOrder"), "{\"entity\":{\"id\":\"" + vendor
                + "\"},\"item\":{\"items\":[{\"item\":{\"id\":\"777777\"},\"quantity\":1}]}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_KEY_OR_REF");
        assertThat(response.errorPath()).isEqualTo("item.items[0].item");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void anUnknownFieldIsInvalidContent() {
        String id = netsuite.records("vendor").get(0).get("id").asText();

        TestHttp.Response response = patch(recordUrl(netsuite, "vendor") + "/" + id, "{\"nickname\":\"x\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_CONTENT");
        assertThat(response.errorPath()).isEqualTo("nickname");
    }

    @Test
    void aMissingRequiredFieldIsAUserError() {
        TestHttp.Response response = post(recordUrl(netsuite, "vendor"), "{\"email\":\"a@example.com\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("USER_ERROR");
        assertThat(response.errorDetail()).contains("Company Name");
    }

    @Test
    void aFullyBilledPurchaseOrderCannotBeEdited() {
        ObjectNode order = netsuite.records("purchaseOrder").get(5);
        netsuite.modify("purchaseOrder", order.get("id").asText(), Map.of("orderStatus", "G"));

        TestHttp.Response response = patch(recordUrl(netsuite, "purchaseOrder") + "/" + order.get("id").asText(),
                "{\"memo\":\"late change\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("USER_ERROR");
        assertThat(response.errorDetail()).contains("Fully Billed");
    }

    @Test
    void aDeleteAnswers204AndTheRecordIsGone() {
        ObjectNode vendor = netsuite.insert("vendor", Map.of("companyName", "Short Lived Supply"));
        String id = vendor.get("id").asText();

        assertThat(delete(recordUrl(netsuite, "vendor") + "/" + id).status()).isEqualTo(204);
        assertThat(netsuite.record("vendor", id)).isNull();
    }

    @Test
    void aVendorWithPurchaseOrdersCannotBeDeleted() {
        String vendor = netsuite.records("purchaseOrder").get(0).at("/entity/id").asText();

        TestHttp.Response response = delete(recordUrl(netsuite, "vendor") + "/" + vendor);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("THIS_RECORD_CANNOT_BE_DELETED_BECAUSE_IT_HAS_DEPENDENT_RECORDS");
    }

    @Test
    void aVendorsAddressBookHoldsItsDefaultAddress() {
        String id = netsuite.records("vendor").get(4).get("id").asText();

        JsonNode vendor = get(recordUrl(netsuite, "vendor") + "/" + id + "?expandSubResources=true").json();

        JsonNode address = vendor.at("/addressBook/items/0/addressBookAddress");
        assertThat(address.get("addr1").asText()).isNotBlank();
        assertThat(address.at("/country/id").asText()).matches("[A-Z]{2}");
        assertThat(vendor.get("defaultAddress").asText()).contains(address.get("city").asText());
    }

    private static ObjectNode openOrderWithLines(int minimum) {
        for (ObjectNode order : netsuite.records("purchaseOrder")) {
            if (order.at("/orderStatus/id").asText().equals("B") && order.at("/item/items").size() >= minimum) {
                return order;
            }
        }
        throw new IllegalStateException("no open purchase order with " + minimum + " lines");
    }

    private static String link(JsonNode page, String rel) {
        for (JsonNode link : page.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
