package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.TestHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads: query options, server-driven paging, the JSON shape. */
class S4HanaQueryTest {

    private static S4HanaSimulator s4;
    private static TestHttp http;
    private static String orders;

    @BeforeAll
    static void start() {
        s4 = S4HanaSimulator.builder().basicUser("U", "P").seed(7).purchaseOrders(23).maintenanceOrders(30)
                .equipment(12).suppliers(8).stockRecords(9).serverPageSize(10).build().start();
        http = TestHttp.basic("U", "P");
        orders = s4.serviceUrl("API_PURCHASEORDER_PROCESS_SRV") + "/A_PurchaseOrder";
    }

    @AfterAll
    static void stop() {
        s4.close();
    }

    @Test
    void aCollectionIsPagedByTheServerWithSkiptokenNextLinksAndAStringCount() {
        JsonNode first = json(http.get(orders + "?$format=json&$inlinecount=allpages"));

        assertThat(first.path("d").path("results")).hasSize(10);
        assertThat(first.path("d").path("__count").isTextual()).isTrue();
        assertThat(first.path("d").path("__count").asText()).isEqualTo("23");
        String next = first.path("d").path("__next").asText();
        assertThat(next).startsWith(orders + "?").contains("$skiptoken=10");
        Set<String> numbers = new HashSet<>();
        String link = orders + "?$format=json";
        int pages = 0;
        while (link != null) {
            JsonNode page = json(http.get(link));
            page.path("d").path("results").forEach(order -> numbers.add(order.get("PurchaseOrder").asText()));
            link = page.path("d").has("__next") ? page.path("d").get("__next").asText() : null;
            pages++;
        }
        assertThat(numbers).hasSize(23);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void topLimitsTheWholeResultAcrossServerPages() {
        List<String> numbers = new ArrayList<>();
        String link = orders + "?$format=json&$top=15";
        while (link != null) {
            JsonNode page = json(http.get(link));
            page.path("d").path("results").forEach(order -> numbers.add(order.get("PurchaseOrder").asText()));
            link = page.path("d").has("__next") ? page.path("d").get("__next").asText() : null;
        }
        assertThat(numbers).hasSize(15).doesNotHaveDuplicates();
    }

    @Test
    void filtersOnTheChangeTimeAndOrdersByIt() {
        JsonNode first = json(http.get(orders + "?$format=json&$orderby=LastChangeDateTime asc"));
        List<Long> times = new ArrayList<>();
        first.path("d").path("results").forEach(o -> times.add(EdmType.parseDate(o.get("LastChangeDateTime").asText())));
        assertThat(times).hasSize(10).isSorted();
        String middle = java.time.Instant.ofEpochMilli(times.get(8)).toString();
        long expected = s4.records("A_PurchaseOrder").stream()
                .filter(o -> EdmType.parseDate(o.get("LastChangeDateTime").asText()) >= times.get(8)).count();

        JsonNode later = json(http.get(orders + "?$format=json&$inlinecount=allpages&$filter=LastChangeDateTime ge"
                + " datetimeoffset'" + middle + "'"));

        assertThat(later.path("d").path("__count").asText()).isEqualTo(Long.toString(expected));
    }

    @Test
    void filtersOnTextWithAndOrAndParentheses() {
        JsonNode result = json(http.get(orders + "?$format=json&$filter=(PurchasingProcessingStatus eq '05' or"
                + " PurchasingProcessingStatus eq '02') and CompanyCode eq '1010'"));

        assertThat(result.path("d").path("results")).isNotEmpty().allSatisfy(o ->
                assertThat(o.get("PurchasingProcessingStatus").asText()).isIn("05", "02"));
    }

    @Test
    void writesDatesAsODataJsonDatesAndNavigationAsDeferredUnlessExpanded() {
        JsonNode plain = json(http.get(orders + "?$format=json&$top=1")).path("d").path("results").get(0);
        JsonNode expanded = json(http.get(orders + "?$format=json&$top=1&$expand=to_PurchaseOrderItem/to_ScheduleLine"))
                .path("d").path("results").get(0);

        assertThat(plain.get("LastChangeDateTime").asText()).matches("/Date\\(\\d+\\+0000\\)/");
        assertThat(plain.get("PurchaseOrderDate").asText()).matches("/Date\\(\\d+\\)/");
        assertThat(plain.path("__metadata").path("type").asText()).isEqualTo("API_PURCHASEORDER_PROCESS_SRV.A_PurchaseOrderType");
        assertThat(plain.path("__metadata").path("etag").asText()).startsWith("W/\"datetimeoffset'");
        assertThat(plain.path("to_PurchaseOrderItem").path("__deferred").path("uri").asText()).endsWith("/to_PurchaseOrderItem");
        JsonNode item = expanded.path("to_PurchaseOrderItem").path("results").get(0);
        assertThat(item.get("OrderQuantity").asText()).matches("\\d+\\.\\d{3}");
        assertThat(item.path("to_ScheduleLine").path("results").get(0).get("ScheduleLineDeliveryDate").asText())
                .startsWith("/Date(");
    }

    @Test
    void selectKeepsTheKeyAndTheNamedProperties() {
        JsonNode order = json(http.get(orders + "?$format=json&$top=1&$select=Supplier")).path("d").path("results").get(0);

        assertThat(order.has("PurchaseOrder")).isTrue();
        assertThat(order.has("Supplier")).isTrue();
        assertThat(order.has("CompanyCode")).isFalse();
    }

    @Test
    void aNavigationPropertyCanBeReadByItsPath() {
        String number = s4.records("A_PurchaseOrder").get(0).get("PurchaseOrder").asText();

        JsonNode items = json(http.get(orders + "('" + number + "')/to_PurchaseOrderItem?$format=json"));

        assertThat(items.path("d").path("results")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("PurchaseOrder").asText()).isEqualTo(number));
    }

    @Test
    void compositeKeysAreAddressedByTheirPredicate() {
        String uri = s4.records("Equipment").get(0).path("__metadata").path("uri").asText();

        HttpResponse<String> response = http.get(uri + "?$format=json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(uri).contains("ValidityEndDate=datetime'9999-12-31T00%3A00%3A00'");
    }

    @Test
    void anInvalidFilterIsA400WithSapsErrorBody() {
        HttpResponse<String> response = http.get(orders + "?$format=json&$filter=NoSuchField eq 'x'");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("/IWBEP/CM_MGW_RT/022");
        assertThat(error.path("message").path("lang").asText()).isEqualTo("en");
        assertThat(error.path("message").path("value").asText()).contains("NoSuchField");
        assertThat(error.path("innererror").path("transactionid").asText()).isNotBlank();
    }

    @Test
    void onlyJsonIsServed() {
        HttpResponse<String> response = http.get(orders, "Accept", "application/atom+xml");

        assertThat(response.statusCode()).isEqualTo(406);
    }

    @Test
    void anUnknownEntityIsA404() {
        HttpResponse<String> response = http.get(orders + "('4599999999')?$format=json");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("/IWBEP/CM_MGW_RT/020");
    }
}
