package dev.millwright.component.dynamics;

import static dev.millwright.component.dynamics.DynamicsMappings.PURCHASE_ORDERS;
import static dev.millwright.component.dynamics.DynamicsMappings.json;
import static dev.millwright.component.dynamics.DynamicsMappings.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderLine;
import dev.millwright.mapping.model.PurchaseOrderStatus;

/** mappings/dynamics/purchase-orders.yaml on purchaseOrders records as the component reads them. */
class DynamicsPurchaseOrderMappingTest {

    private static final MappingContext CONTEXT = new MappingContext("bc-prod", null, true);

    @Test
    void readsAPurchaseOrderHeader() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("dynamics/purchase-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("5d115c9c-44e3-ea11-bb43-000d3a2feca1");
        assertThat(order.remoteVersion()).isEqualTo("W/\"JzE5OzkwMzQ0MTcxOTk4NzQxMTI2NDExOzAwOyc=\"");
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-01-11T13:05:30.453Z"));
        assertThat(order.number()).isEqualTo("106001");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.OPEN);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(order.vendorRemoteId()).isEqualTo("a7a2e2f6-44e3-ea11-bb43-000d3a2feca1");
        assertThat(order.vendorName()).isEqualTo("First Up Consultants");
        assertThat(order.totalAmount()).isEqualByComparingTo("2460.58");
        assertThat(order.buyer()).isEqualTo("JR");
        assertThat(order.company()).isNull();
        assertThat(order.remoteData().get("shipToName").asText()).isEqualTo("CRONUS USA, Inc.");
    }

    @Test
    void readsTheExpandedLines() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("dynamics/purchase-order.json"), CONTEXT).record();

        assertThat(order.lines()).hasSize(2);
        PurchaseOrderLine desk = order.lines().get(0);
        assertThat(desk.lineNumber()).isEqualTo(10000);
        assertThat(desk.itemNumber()).isEqualTo("1896-S");
        assertThat(desk.description()).isEqualTo("ATHENS Desk");
        assertThat(desk.quantity()).isEqualByComparingTo("4");
        assertThat(desk.unit()).isEqualTo("PCS");
        assertThat(desk.unitPrice()).isEqualByComparingTo("506.6");
        assertThat(desk.amount()).isEqualByComparingTo("2026.4");
        assertThat(desk.needByDate()).isEqualTo(LocalDate.of(2024, 1, 25));
        assertThat(desk.receivedQuantity()).isEqualByComparingTo("2");
        assertThat(order.lines().get(1).unitPrice()).isEqualByComparingTo("36.8625");
    }

    @Test
    void theLocalCurrencyComesFromTheComponentsAnnotation() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("dynamics/purchase-order.json"), CONTEXT).record();

        assertThat(order.currency()).isEqualTo("USD");
    }

    @Test
    void aForeignCurrencyIsReadAsBcWritesIt() {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        raw.remove("@millwright.currencyCode");
        raw.put("currencyCode", "CAD");

        assertThat(PURCHASE_ORDERS.read(raw, CONTEXT).record().currency()).isEqualTo("CAD");
    }

    @ParameterizedTest
    @CsvSource({"Draft,draft", "In Review,pending_approval", "Open,open", "Received,received"})
    void mapsEveryStatusTheComponentAnnotates(String annotated, String canonical) {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        raw.put("@millwright.status", annotated);

        MappingResult<PurchaseOrder> result = PURCHASE_ORDERS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(PurchaseOrderStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void withoutTheAnnotationBcsOwnStatusIsRead() {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        raw.remove("@millwright.status");
        raw.put("status", "In Review");

        assertThat(PURCHASE_ORDERS.read(raw, CONTEXT).record().status()).isEqualTo(PurchaseOrderStatus.PENDING_APPROVAL);
    }

    @Test
    void aStatusBcDoesNotHaveIsLeftNullWithAWarning() {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        raw.put("@millwright.status", "Archived");

        MappingResult<PurchaseOrder> result = PURCHASE_ORDERS.read(raw, CONTEXT);

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("status");
            assertThat(warning.rawValue().asText()).isEqualTo("Archived");
        });
        assertThat(result.record().remoteData().get("@millwright.status").asText()).isEqualTo("Archived");
    }

    @Test
    void writesADeepInsertWithoutBcsCalculatedValues() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("dynamics/purchase-order.json"), CONTEXT).record();

        assertThat(PURCHASE_ORDERS.write(order, WriteMode.CREATE)).hasToString(json("""
                {'orderDate': '2024-01-10', 'vendorId': 'a7a2e2f6-44e3-ea11-bb43-000d3a2feca1',
                 'currencyCode': 'USD', 'purchaser': 'JR',
                 'purchaseOrderLines': [
                   {'sequence': 10000, 'lineObjectNumber': '1896-S', 'description': 'ATHENS Desk', 'quantity': 4,
                    'unitOfMeasureCode': 'PCS', 'directUnitCost': 506.6, 'expectedReceiptDate': '2024-01-25'},
                   {'sequence': 20000, 'lineObjectNumber': '1928-S', 'description': 'AMSTERDAM Lamp', 'quantity': 8,
                    'unitOfMeasureCode': 'PCS', 'directUnitCost': 36.8625, 'expectedReceiptDate': '2024-01-31'}]}""")
                .toString());
    }

    @Test
    void anUpdateWritesOnlyTheFieldsItNames() {
        assertThat(PURCHASE_ORDERS.write(json("{'order_date': '2024-02-01', 'buyer': 'AH'}"), WriteMode.UPDATE))
                .hasToString(json("{'orderDate': '2024-02-01', 'purchaser': 'AH'}").toString());
    }

    @Test
    void linesAreNotUpdatedThroughTheOrder() {
        assertThatThrownBy(() -> PURCHASE_ORDERS.write(json("{'lines': [{'quantity': 2}]}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE));
    }

    @Test
    void theStatusIsNotWritable() {
        assertThatThrownBy(() -> PURCHASE_ORDERS.write(json("{'status': 'open'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class).hasMessageContaining("status");
    }

    @Test
    void aLineQuantityThatIsNotANumberFailsNamingTheLine() {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        ((ObjectNode) raw.get("purchaseOrderLines").get(1)).put("quantity", "eight");

        assertThatThrownBy(() -> PURCHASE_ORDERS.read(raw, CONTEXT))
                .hasMessageContaining("lines[1].quantity").hasMessageContaining("eight");
    }

    @Test
    void anOrderReadWithoutExpandingItsLinesHasNoLineList() {
        ObjectNode raw = resource("dynamics/purchase-order.json");
        raw.remove("purchaseOrderLines");

        assertThat(PURCHASE_ORDERS.read(raw, CONTEXT).record().lines()).isNull();
    }
}
