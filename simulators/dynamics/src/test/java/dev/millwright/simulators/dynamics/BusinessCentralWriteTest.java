package dev.millwright.simulators.dynamics;

import static dev.millwright.simulators.dynamics.TestHttp.CLIENT_ID;
import static dev.millwright.simulators.dynamics.TestHttp.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** POST, PATCH and DELETE with BC's concurrency rules, validations, deep insert and business rules. */
class BusinessCentralWriteTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    private BusinessCentralSimulator bc;
    private TestHttp http;

    @BeforeEach
    void start() {
        bc = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).seed(9).vendors(10).items(20).fixedAssets(5)
                .purchaseOrders(30).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
        http = new TestHttp(bc);
    }

    @AfterEach
    void stop() {
        bc.close();
    }

    private ObjectNode orderWithStatus(String status) {
        return bc.records("purchaseOrders").stream().filter(o -> o.get("status").asText().equals(status))
                .findFirst().orElseThrow();
    }

    @Test
    void postCreatesAVendorWithTheNextNumberAndAnswers201WithIt() {
        TestHttp.Response response = http.post(http.company("/vendors"),
                "{\"displayName\":\"Acme Bearings\",\"city\":\"Chicago\",\"currencyCode\":\"CAD\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode vendor = response.json();
        assertThat(vendor.get("number").asText()).isEqualTo("V00110");
        assertThat(vendor.get("currencyId").asText()).isNotEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(vendor.get("lastModifiedDateTime").asText()).isEqualTo("2024-06-01T12:00:00Z");
        assertThat(response.header("Location")).isEqualTo(http.company("/vendors(" + vendor.get("id").asText() + ")"));
        assertThat(response.header("ETag")).isEqualTo(vendor.get("@odata.etag").asText());
        assertThat(bc.record("vendors", vendor.get("id").asText()).get("displayName").asText()).isEqualTo("Acme Bearings");
    }

    @Test
    void aDuplicateNumberIsEntityWithSameKeyExists() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"number\":\"V00010\"}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("Internal_EntityWithSameKeyExists");
    }

    @Test
    void anUnknownPropertyInTheBodyIsABadRequest() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"colour\":\"red\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("'colour' does not exist");
    }

    @Test
    void aReadOnlyPropertyInTheBodyIsRefused() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"balance\":10}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest_InvalidOperation");
    }

    @Test
    void textLongerThanTheFieldIsStringExceededLength() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"city\":\"" + "x".repeat(31) + "\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("Application_StringExceededLength");
    }

    @Test
    void anOptionBcDoesNotHaveIsAnEvaluateError() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"blocked\":\"Everything\"}");

        assertThat(response.errorCode()).isEqualTo("Application_EvaluateException");
    }

    @Test
    void anUnknownCurrencyIsADialogError() {
        TestHttp.Response response = http.post(http.company("/vendors"), "{\"currencyCode\":\"XYZ\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("Application_DialogException");
    }

    @Test
    void patchWithoutIfMatchIsRefusedForTheMissingConcurrencyToken() {
        ObjectNode item = bc.records("items").get(2);

        TestHttp.Response response = http.patch(http.company("/items(" + item.get("id").asText() + ")"),
                "{\"displayName\":\"Renamed\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("BadRequest_InvalidToken");
        assertThat(bc.record("items", item.get("id").asText()).get("displayName").asText())
                .isEqualTo(item.get("displayName").asText());
    }

    @Test
    void patchWithTheCurrentEtagChangesTheRecordAndItsEtag() {
        ObjectNode item = bc.records("items").get(2);

        TestHttp.Response response = http.patch(http.company("/items(" + item.get("id").asText() + ")"),
                "{\"displayName\":\"Renamed\",\"unitCost\":12.5}", "If-Match", item.get("@odata.etag").asText());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("displayName").asText()).isEqualTo("Renamed");
        assertThat(response.json().get("unitCost").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(response.json().get("@odata.etag").asText()).isNotEqualTo(item.get("@odata.etag").asText());
    }

    @Test
    void patchWithAStarIfMatchOverwrites() {
        ObjectNode asset = bc.records("fixedAssets").get(0);

        TestHttp.Response response = http.patch(http.company("/fixedAssets(" + asset.get("id").asText() + ")"),
                "{\"underMaintenance\":true}", "If-Match", "*");

        assertThat(response.json().get("underMaintenance").asBoolean()).isTrue();
    }

    @Test
    void patchWithAStaleEtagIsEntityChanged() {
        ObjectNode vendor = bc.records("vendors").get(1);
        String id = vendor.get("id").asText();
        bc.modify("vendors", id, Map.of("displayName", "Changed in BC meanwhile"));

        TestHttp.Response response = http.patch(http.company("/vendors(" + id + ")"), "{\"displayName\":\"late\"}",
                "If-Match", vendor.get("@odata.etag").asText());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.errorCode()).isEqualTo("Request_EntityChanged");
        assertThat(bc.record("vendors", id).get("displayName").asText()).isEqualTo("Changed in BC meanwhile");
    }

    @Test
    void theStaleEtagStatusCanBe412() {
        try (BusinessCentralSimulator older = BusinessCentralSimulator.builder().client(CLIENT_ID, SECRET).vendors(2)
                .items(1).fixedAssets(0).purchaseOrders(0).staleEtagStatus(412).build().start()) {
            TestHttp olderHttp = new TestHttp(older);
            String id = older.records("vendors").get(0).get("id").asText();

            TestHttp.Response response = olderHttp.patch(olderHttp.company("/vendors(" + id + ")"), "{\"city\":\"X\"}",
                    "If-Match", "W/\"JzE5OzE7MDA7Jw==\"");

            assertThat(response.status()).isEqualTo(412);
            assertThat(response.errorCode()).isEqualTo("Request_EntityChanged");
        }
    }

    @Test
    void deleteRemovesTheRecordAndChecksTheEtagOnlyWhenGiven() {
        String first = bc.records("fixedAssets").get(1).get("id").asText();
        String second = bc.records("fixedAssets").get(2).get("id").asText();

        assertThat(http.delete(http.company("/fixedAssets(" + first + ")")).status()).isEqualTo(204);
        assertThat(http.delete(http.company("/fixedAssets(" + second + ")"), "If-Match", "W/\"JzE5OzE7MDA7Jw==\"")
                .status()).isEqualTo(409);
        assertThat(bc.record("fixedAssets", first)).isNull();
        assertThat(bc.record("fixedAssets", second)).isNotNull();
    }

    @Test
    void aVendorWithOrdersCannotBeDeleted() {
        String vendorId = bc.records("purchaseOrders").get(0).get("vendorId").asText();

        TestHttp.Response response = http.delete(http.company("/vendors(" + vendorId + ")"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("Application_DialogException");
        assertThat(response.json().at("/error/message").asText()).contains("outstanding Purchase Order");
    }

    @Test
    void aPurchaseOrderIsCreatedWithItsLinesInOneDeepInsert() {
        ObjectNode vendor = bc.records("vendors").get(3);
        String body = "{\"vendorNumber\":\"" + vendor.get("number").asText() + "\",\"orderDate\":\"2024-05-30\","
                + "\"purchaseOrderLines\":[{\"lineType\":\"Item\",\"lineObjectNumber\":\"1896-S\",\"quantity\":4},"
                + "{\"lineType\":\"Item\",\"lineObjectNumber\":\"1900-S\",\"quantity\":2,\"directUnitCost\":100}]}";

        TestHttp.Response response = http.post(http.company("/purchaseOrders?$expand=purchaseOrderLines"), body);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode order = response.json();
        assertThat(order.get("status").asText()).isEqualTo("Draft");
        assertThat(order.get("vendorName").asText()).isEqualTo(vendor.get("displayName").asText());
        assertThat(order.get("number").asText()).isEqualTo("106031");
        assertThat(order.get("purchaseOrderLines")).hasSize(2);
        JsonNode desk = order.get("purchaseOrderLines").get(0);
        assertThat(desk.get("description").asText()).isEqualTo("ATHENS Desk");
        assertThat(desk.get("sequence").asInt()).isEqualTo(10000);
        assertThat(desk.get("directUnitCost").decimalValue()).isEqualByComparingTo("506.6");
        assertThat(desk.get("amountExcludingTax").decimalValue()).isEqualByComparingTo("2026.4");
        assertThat(order.get("totalAmountExcludingTax").decimalValue()).isEqualByComparingTo("2226.4");
    }

    @Test
    void aPostWithoutExpandAnswersTheHeaderOnly() {
        String vendorId = bc.records("vendors").get(0).get("id").asText();

        TestHttp.Response response = http.post(http.company("/purchaseOrders"), "{\"vendorId\":\"" + vendorId
                + "\",\"purchaseOrderLines\":[{\"lineType\":\"Item\",\"lineObjectNumber\":\"1896-S\",\"quantity\":1}]}");

        assertThat(response.json().has("purchaseOrderLines")).isFalse();
        assertThat(bc.record("purchaseOrders", response.json().get("id").asText()).get("purchaseOrderLines")).hasSize(1);
    }

    @Test
    void aPurchaseOrderNeedsAVendor() {
        TestHttp.Response response = http.post(http.company("/purchaseOrders"), "{\"orderDate\":\"2024-05-30\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).startsWith("A \"vendorNumber\" or a \"vendorId\" must be provided.");
    }

    @Test
    void aDeepInsertWithABadLineCreatesNothing() {
        int before = bc.count("purchaseOrders");
        String vendorId = bc.records("vendors").get(0).get("id").asText();

        TestHttp.Response response = http.post(http.company("/purchaseOrders"), "{\"vendorId\":\"" + vendorId
                + "\",\"purchaseOrderLines\":[{\"lineType\":\"Item\",\"lineObjectNumber\":\"NO-SUCH\",\"quantity\":1}]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).startsWith("The item does not exist.");
        assertThat(bc.count("purchaseOrders")).isEqualTo(before);
    }

    @Test
    void anOrderInReviewCannotBeChanged() {
        ObjectNode order = orderWithStatus("In Review");

        TestHttp.Response response = http.patch(http.company("/purchaseOrders(" + order.get("id").asText() + ")"),
                "{\"purchaser\":\"JR\"}", "If-Match", order.get("@odata.etag").asText());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("Application_FieldValidationException");
        assertThat(response.json().at("/error/message").asText()).contains("Status must be equal to 'Open'")
                .contains("Current value is 'Pending Approval'");
    }

    @Test
    void aReleasedOrderCannotBeDeleted() {
        ObjectNode order = orderWithStatus("Open");

        TestHttp.Response response = http.delete(http.company("/purchaseOrders(" + order.get("id").asText() + ")"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).contains("Current value is 'Released'");
    }

    @Test
    void aDraftOrderIsChangedAndItsLinesAreWrittenThroughTheirOwnResource() {
        ObjectNode order = orderWithStatus("Draft");
        String id = order.get("id").asText();
        JsonNode line = order.get("purchaseOrderLines").get(0);

        TestHttp.Response deep = http.patch(http.company("/purchaseOrders(" + id + ")"),
                "{\"purchaseOrderLines\":[]}", "If-Match", "*");
        TestHttp.Response lineChange = http.patch(http.company("/purchaseOrderLines(" + line.get("id").asText() + ")"),
                "{\"quantity\":3}", "If-Match", line.get("@odata.etag").asText());
        TestHttp.Response added = http.post(http.company("/purchaseOrders(" + id + ")/purchaseOrderLines"),
                "{\"lineType\":\"Item\",\"lineObjectNumber\":\"1906-S\",\"quantity\":1}");

        assertThat(deep.status()).isEqualTo(400);
        assertThat(lineChange.status()).as(lineChange.body()).isEqualTo(200);
        assertThat(lineChange.json().get("quantity").asInt()).isEqualTo(3);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        ObjectNode stored = bc.record("purchaseOrders", id);
        assertThat(stored.get("purchaseOrderLines")).hasSize(order.get("purchaseOrderLines").size() + 1);
        assertThat(stored.get("@odata.etag").asText()).isNotEqualTo(order.get("@odata.etag").asText());
    }

    @Test
    void aLineOfTypeCommentCannotNameAnItem() {
        String id = orderWithStatus("Draft").get("id").asText();

        TestHttp.Response response = http.post(http.company("/purchaseOrders(" + id + ")/purchaseOrderLines"),
                "{\"lineObjectNumber\":\"1906-S\",\"quantity\":1}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().at("/error/message").asText()).startsWith("The Standard Text does not exist.");
    }

    @Test
    void changingALineSequenceIsRefused() {
        ObjectNode order = orderWithStatus("Draft");
        JsonNode line = order.get("purchaseOrderLines").get(0);

        TestHttp.Response response = http.patch(http.company("/purchaseOrders(" + order.get("id").asText()
                + ")/purchaseOrderLines(" + line.get("id").asText() + ")"), "{\"sequence\":99999}", "If-Match", "*");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().at("/error/message").asText()).startsWith("The value for sequence cannot be modified.");
    }

    @Test
    void deletingALineUpdatesTheOrderTotals() {
        ObjectNode order = bc.records("purchaseOrders").stream()
                .filter(o -> o.get("status").asText().equals("Draft") && o.get("purchaseOrderLines").size() > 1)
                .findFirst().orElseThrow();
        JsonNode line = order.get("purchaseOrderLines").get(0);

        assertThat(http.delete(http.company("/purchaseOrderLines(" + line.get("id").asText() + ")")).status()).isEqualTo(204);

        ObjectNode stored = bc.record("purchaseOrders", order.get("id").asText());
        assertThat(stored.get("totalAmountIncludingTax").decimalValue()).isEqualByComparingTo(order
                .get("totalAmountIncludingTax").decimalValue().subtract(line.get("amountIncludingTax").decimalValue()));
    }

    @Test
    void preferReturnNoContentAnswers204() {
        TestHttp.Response response = http.post(http.company("/items"), "{\"displayName\":\"Gasket\"}", "Prefer",
                "return-no-content");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Location")).contains("/items(");
    }
}
