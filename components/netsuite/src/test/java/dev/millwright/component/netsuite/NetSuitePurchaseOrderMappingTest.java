package dev.millwright.component.netsuite;

import static dev.millwright.component.netsuite.NetSuiteMappings.REGISTRY;
import static dev.millwright.component.netsuite.NetSuiteMappings.fixture;
import static dev.millwright.component.netsuite.NetSuiteMappings.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderLine;
import dev.millwright.mapping.model.PurchaseOrderStatus;

/** netsuite/purchase-orders.yaml: a purchaseOrder of the record API, both directions. */
class NetSuitePurchaseOrderMappingTest {

    private static final Mapping<PurchaseOrder> ORDERS = REGISTRY.mapping("netsuite", PurchaseOrder.class);
    private static final MappingContext CONTEXT = MappingContext.of("acme-netsuite");

    @Test
    void readsThePurchaseOrder() {
        PurchaseOrder order = ORDERS.read(fixture("netsuite/purchase-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("5002");
        assertThat(order.remoteVersion()).isEqualTo("2024-05-11T23:59:39Z");
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-05-11T23:59:39Z"));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-04-15T05:12:41Z"));
        assertThat(order.number()).isEqualTo("PO1002");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.fromValue("open"));
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 4, 15));
        assertThat(order.vendorRemoteId()).isEqualTo("2003");
        assertThat(order.vendorName()).isEqualTo("Bayside Pump & Valve");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.totalAmount()).isEqualByComparingTo("1743.28");
        assertThat(order.company()).isEqualTo("Honeycomb Mfg. US");
        assertThat(order.buyer()).isEqualTo("Dev Patel");
        assertThat(order.deleted()).isFalse();
    }

    @Test
    void readsTheLinesOfTheItemSublist() {
        PurchaseOrder order = ORDERS.read(fixture("netsuite/purchase-order.json"), CONTEXT).record();

        assertThat(order.lines()).hasSize(2);
        PurchaseOrderLine second = order.lines().get(1);
        assertThat(second.lineNumber()).isEqualTo(2);
        assertThat(second.itemNumber()).isEqualTo("102");
        assertThat(second.description()).isEqualTo("V-Belt, A-42");
        assertThat(second.quantity()).isEqualByComparingTo("16");
        assertThat(second.unit()).isEqualTo("Each");
        assertThat(second.unitPrice()).isEqualByComparingTo("13.01");
        assertThat(second.amount()).isEqualByComparingTo("208.16");
        assertThat(second.needByDate()).isEqualTo(LocalDate.of(2024, 4, 28));
        assertThat(second.receivedQuantity()).isEqualByComparingTo("4");
    }

    @ParameterizedTest
    @CsvSource({"A,pending_approval", "B,open", "C,cancelled", "D,partially_received", "E,partially_received",
            "F,received", "G,closed", "H,closed", "PurchOrd:B,open", "PurchOrd:G,closed"})
    void mapsEveryPurchaseOrderStatus(String code, String canonical) {
        ObjectNode raw = fixture("netsuite/purchase-order.json");
        ((ObjectNode) raw.get("orderStatus")).put("id", code);

        MappingResult<PurchaseOrder> result = ORDERS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(PurchaseOrderStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anUnknownStatusIsLeftNullWithAWarningAndKeptInTheRawRecord() {
        ObjectNode raw = fixture("netsuite/purchase-order.json");
        ((ObjectNode) raw.get("orderStatus")).put("id", "P");

        MappingResult<PurchaseOrder> result = ORDERS.read(raw, CONTEXT.withKeepRaw(true));

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("status");
            assertThat(warning.sourcePath()).isEqualTo("orderStatus.id");
            assertThat(warning.rawValue().asText()).isEqualTo("P");
        });
        assertThat(result.record().remoteData().at("/orderStatus/id").asText()).isEqualTo("P");
    }

    @Test
    void aCreateWritesReferencesByIdAndLinesWithoutComputedValues() {
        PurchaseOrder order = ORDERS.read(fixture("netsuite/purchase-order.json"), CONTEXT).record();

        ObjectNode body = ORDERS.write(order, WriteMode.CREATE);

        assertThat(body).hasToString(json("""
                {'tranId': 'PO1002', 'orderStatus': {'id': 'B'}, 'tranDate': '2024-04-15', 'entity': {'id': '2003'},
                 'item': {'items': [
                   {'item': {'id': '105'}, 'description': 'Motor, 10 HP, 1800 RPM, TEFC', 'quantity': 1,
                    'rate': 1522.5, 'expectedReceiptDate': '2024-04-27'},
                   {'item': {'id': '102'}, 'description': 'V-Belt, A-42', 'quantity': 16, 'rate': 13.01,
                    'expectedReceiptDate': '2024-04-28'}]}}""").toString());
    }

    @Test
    void approvingWritesTheStatusLetter() {
        ObjectNode patch = ORDERS.write(json("{'status': 'open'}"), WriteMode.UPDATE);

        assertThat(patch).hasToString(json("{'orderStatus': {'id': 'B'}}").toString());
    }

    @Test
    void theVendorsNameCannotBeWrittenOnlyItsId() {
        assertThatThrownBy(() -> ORDERS.write(json("{'vendor_name': 'Other Supplier'}"), WriteMode.UPDATE))
                .isInstanceOf(WriteMappingException.class)
                .satisfies(e -> assertThat(((WriteMappingException) e).reason())
                        .isEqualTo(WriteMappingException.Reason.FIELD_NOT_UPDATABLE));
    }
}
