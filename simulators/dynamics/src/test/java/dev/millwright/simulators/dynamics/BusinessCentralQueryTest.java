package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static dev.millwright.simulators.dynamics.TestHttp.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Companies, entity sets and the OData query options. */
class BusinessCentralQueryTest {

    private static BusinessCentralSimulator bc;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).seed(7).vendors(40).items(30)
                .fixedAssets(25).purchaseOrders(20).extraCompany("My Company").build().start();
        http = new TestHttp(bc);
    }

    @AfterAll
    static void stop() {
        bc.close();
    }

    private static List<JsonNode> values(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> values = new ArrayList<>();
        response.json().get("value").forEach(values::add);
        return values;
    }

    @Test
    void companiesListsTheCompaniesOfTheEnvironment() {
        List<JsonNode> companies = values(http.get(bc.apiUrl() + "/companies"));

        assertThat(companies).extracting(c -> c.get("name").asText()).containsExactly("CRONUS USA, Inc.", "My Company");
        assertThat(companies.get(0).get("id").asText()).isEqualTo(bc.companyId());
    }

    @Test
    void companyInformationCarriesTheLocalCurrency() {
        List<JsonNode> info = values(http.get(http.company("/companyInformation")));

        assertThat(info).singleElement().satisfies(i -> assertThat(i.get("currencyCode").asText()).isEqualTo("USD"));
    }

    @Test
    void anUnknownCompanyIsInternalCompanyNotFound() {
        TestHttp.Response response = http.get(bc.apiUrl() + "/companies(7e0f9c7b-2a5d-4c1e-9b3f-8a6d5c4b3a21)/vendors");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("Internal_CompanyNotFound");
    }

    @Test
    void anUnknownEntitySetIsResourceNotFoundForTheSegment() {
        TestHttp.Response response = http.get(http.company("/workOrders"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("BadRequest_NotFound");
        assertThat(response.json().at("/error/message").asText()).startsWith("Resource not found for the segment 'workOrders'");
    }

    @Test
    void anEnvironmentThatDoesNotExistIsNotFound() {
        TestHttp.Response response = http.get(bc.apiUrl().replace("/production/", "/sandbox/") + "/companies");

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void aCollectionIsAnODataV4ResultWithContextAndEtags() {
        TestHttp.Response response = http.get(http.company("/vendors"));

        JsonNode body = response.json();
        assertThat(body.get("@odata.context").asText())
                .isEqualTo(bc.apiUrl() + "/$metadata#companies(" + bc.companyId() + ")/vendors");
        assertThat(body.get("value")).hasSize(40);
        JsonNode vendor = body.get("value").get(0);
        assertThat(vendor.fieldNames().next()).isEqualTo("@odata.etag");
        assertThat(vendor.get("@odata.etag").asText()).matches("W/\"[A-Za-z0-9+/=]+\"");
        assertThat(vendor.get("number").asText()).isEqualTo("V00010");
        assertThat(vendor.get("blocked").asText()).isIn(" ", "Payment", "All");
        assertThat(response.header("OData-Version")).isEqualTo("4.0");
    }

    @Test
    void filtersOnLastModifiedDateTimeWithAnUnquotedLiteral() {
        List<ObjectNode> all = bc.records("items");
        Instant middle = all.stream().map(i -> Instant.parse(i.get("lastModifiedDateTime").asText())).sorted()
                .toList().get(15);

        List<JsonNode> recent = values(http.get(http.company("/items?$filter="
                + enc("lastModifiedDateTime ge " + middle))));

        assertThat(recent).isNotEmpty().allMatch(i -> !Instant.parse(i.get("lastModifiedDateTime").asText())
                .isBefore(middle));
        assertThat(recent.size()).isEqualTo((int) all.stream()
                .filter(i -> !Instant.parse(i.get("lastModifiedDateTime").asText()).isBefore(middle)).count());
    }

    @Test
    void aQuotedDateTimeLiteralIsAnIncompatibleTypeError() {
        TestHttp.Response response = http.get(http.company("/items?$filter="
                + enc("lastModifiedDateTime ge '2024-01-01T00:00:00Z'")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText())
                .contains("incompatible types").contains("Edm.DateTimeOffset").contains("Edm.String");
    }

    @Test
    void filtersCombineWithAndOrAndFunctions() {
        List<JsonNode> blocked = values(http.get(http.company("/vendors?$filter="
                + enc("(blocked eq 'All' or blocked eq 'Payment') and not contains(displayName,'zzz')"))));

        long expected = bc.records("vendors").stream().filter(v -> !v.get("blocked").asText().equals(" ")).count();
        assertThat(blocked).hasSize((int) expected).allMatch(v -> !v.get("blocked").asText().equals(" "));
    }

    @Test
    void aFilterOnAnUnknownPropertyIsABadRequest() {
        TestHttp.Response response = http.get(http.company("/vendors?$filter=" + enc("colour eq 'red'")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("'colour'").contains("Microsoft.NAV.vendor");
    }

    @Test
    void ordersByLastModifiedDateTime() {
        List<JsonNode> assets = values(http.get(http.company("/fixedAssets?$orderby=" + enc("lastModifiedDateTime desc"))));

        List<Instant> times = assets.stream().map(a -> Instant.parse(a.get("lastModifiedDateTime").asText())).toList();
        assertThat(times).hasSize(25).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void ordersByAnyProperty() {
        List<JsonNode> items = values(http.get(http.company("/items?$orderby=" + enc("unitCost desc,number"))));

        List<Double> costs = items.stream().map(i -> i.get("unitCost").asDouble()).toList();
        assertThat(costs).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void selectLimitsThePropertiesButKeepsTheEtag() {
        List<JsonNode> vendors = values(http.get(http.company("/vendors?$select=number,displayName&$top=2")));

        assertThat(vendors).hasSize(2);
        assertThat(vendors.get(0).size()).isEqualTo(3);
        assertThat(vendors.get(0).has("@odata.etag")).isTrue();
        assertThat(vendors.get(0).has("displayName")).isTrue();
    }

    @Test
    void topGivesOnePageWithoutANextLink() {
        TestHttp.Response response = http.get(http.company("/vendors?$top=5"), "Prefer", "odata.maxpagesize=2");

        assertThat(response.json().get("value")).hasSize(2);
        assertThat(response.json().has("@odata.nextLink")).isFalse();
    }

    @Test
    void countAddsTheNumberOfMatchingRecords() {
        TestHttp.Response response = http.get(http.company("/vendors?$count=true&$top=1"));

        assertThat(response.json().get("@odata.count").asInt()).isEqualTo(40);
    }

    @Test
    void purchaseOrdersExpandTheirLines() {
        List<JsonNode> orders = values(http.get(http.company("/purchaseOrders?$expand=purchaseOrderLines")));

        assertThat(orders).hasSize(20).allMatch(o -> o.get("purchaseOrderLines").size() >= 1);
        JsonNode order = orders.get(0);
        JsonNode line = order.get("purchaseOrderLines").get(0);
        assertThat(line.get("documentId").asText()).isEqualTo(order.get("id").asText());
        assertThat(line.get("lineType").asText()).isEqualTo("Item");
        assertThat(line.has("@odata.etag")).isTrue();
        assertThat(order.get("number").asText()).isEqualTo("106001");
        double lines = 0;
        for (JsonNode l : order.get("purchaseOrderLines")) {
            lines += l.get("amountIncludingTax").asDouble();
        }
        assertThat(order.get("totalAmountIncludingTax").asDouble()).isCloseTo(lines, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void withoutExpandPurchaseOrdersCarryNoLines() {
        List<JsonNode> orders = values(http.get(http.company("/purchaseOrders?$top=1")));

        assertThat(orders.get(0).has("purchaseOrderLines")).isFalse();
    }

    @Test
    void expandingSomethingElseIsABadRequest() {
        assertThat(http.get(http.company("/vendors?$expand=purchaseOrderLines")).status()).isEqualTo(400);
    }

    @Test
    void linesOfAllOrdersNeedADocumentIdFilter() {
        TestHttp.Response response = http.get(http.company("/purchaseOrderLines"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).startsWith("You must specify an Id or a Document Id");
    }

    @Test
    void linesAreReadThroughTheirOrderOrByDocumentId() {
        ObjectNode order = bc.records("purchaseOrders").get(3);
        String id = order.get("id").asText();

        List<JsonNode> nested = values(http.get(http.company("/purchaseOrders(" + id + ")/purchaseOrderLines")));
        List<JsonNode> filtered = values(http.get(http.company("/purchaseOrderLines?$filter=" + enc("documentId eq " + id))));

        assertThat(nested).hasSize(order.get("purchaseOrderLines").size());
        assertThat(filtered).extracting(l -> l.get("id").asText())
                .containsExactlyElementsOf(nested.stream().map(l -> l.get("id").asText()).toList());
    }

    @Test
    void aSingleRecordIsAnEntityWithItsEtagHeader() {
        ObjectNode vendor = bc.records("vendors").get(4);

        TestHttp.Response response = http.get(http.company("/vendors(" + vendor.get("id").asText() + ")"));

        assertThat(response.json().get("@odata.context").asText()).endsWith("/vendors/$entity");
        assertThat(response.json().get("number").asText()).isEqualTo(vendor.get("number").asText());
        assertThat(response.header("ETag")).isEqualTo(vendor.get("@odata.etag").asText());
    }

    @Test
    void anUnknownRecordIsInternalRecordNotFound() {
        TestHttp.Response response = http.get(http.company("/items(5f4e3d2c-1b0a-4f9e-8d7c-6b5a4f3e2d1c)"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("Internal_RecordNotFound");
    }

    @Test
    void anUnsupportedQueryOptionIsABadRequest() {
        assertThat(http.get(http.company("/vendors?$search=fabrikam")).status()).isEqualTo(400);
    }

    @Test
    void theExtraCompanyIsEmpty() {
        String other = values(http.get(bc.apiUrl() + "/companies")).get(1).get("id").asText();

        assertThat(values(http.get(bc.apiUrl() + "/companies(" + other + ")/vendors"))).isEmpty();
    }
}
