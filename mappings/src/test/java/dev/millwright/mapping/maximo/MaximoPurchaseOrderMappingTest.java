package dev.millwright.mapping.maximo;

import static dev.millwright.mapping.MaximoMappings.PURCHASE_ORDERS;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderLine;
import dev.millwright.mapping.model.PurchaseOrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaximoPurchaseOrderMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("maximo-prod");

    @Test
    void readsAnMxapipoRecord() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("maximo/purchase-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("_MTAyMS9CRURGT1JEL0VBR0xFTkEvMA--");
        assertThat(order.remoteVersion()).isEqualTo("9034417");
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-01-11T13:05:30Z"));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-01-10T19:20:00Z"));
        assertThat(order.number()).isEqualTo("1021");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.APPROVED);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(order.vendorRemoteId()).isEqualTo("GRAINGER");
        assertThat(order.vendorName()).isNull();
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.totalAmount()).isEqualByComparingTo("1277.50");
        assertThat(order.company()).isEqualTo("EAGLENA");
        assertThat(order.buyer()).isEqualTo("MARIA");
    }

    @Test
    void readsTheLines() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("maximo/purchase-order.json"), CONTEXT).record();

        assertThat(order.lines()).hasSize(2);
        PurchaseOrderLine first = order.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo(1);
        assertThat(first.itemNumber()).isEqualTo("0-1010");
        assertThat(first.description()).isEqualTo("Mechanical seal 40 mm");
        assertThat(first.quantity()).isEqualByComparingTo("4");
        assertThat(first.unit()).isEqualTo("EACH");
        assertThat(first.unitPrice()).isEqualByComparingTo("245.75");
        assertThat(first.amount()).isEqualByComparingTo("983.00");
        assertThat(first.needByDate()).isEqualTo(LocalDate.of(2024, 1, 25));
        assertThat(first.receivedQuantity()).isEqualByComparingTo("2");
        assertThat(order.lines().get(1).receivedQuantity()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @ParameterizedTest
    @CsvSource({"WAPPR,pending_approval", "HOLD,pending_approval", "APPR,approved", "PNDREV,approved", "INPRG,open",
            "REVISE,draft", "CLOSE,closed", "CAN,cancelled"})
    void mapsEveryMaximoStatus(String maximo, String canonical) {
        ObjectNode raw = resource("maximo/purchase-order.json");
        raw.put("status_maxvalue", maximo);

        MappingResult<PurchaseOrder> result = PURCHASE_ORDERS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(PurchaseOrderStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void writesACreateRequestWithLinesButWithoutComputedValues() {
        PurchaseOrder order = PURCHASE_ORDERS.read(resource("maximo/purchase-order.json"), CONTEXT).record();

        assertThat(PURCHASE_ORDERS.write(order, WriteMode.CREATE)).hasToString(json("""
                {'ponum': '1021', 'status': 'APPR', 'orderdate': '2024-01-10T00:00:00', 'vendor': 'GRAINGER',
                 'currencycode': 'USD', 'orgid': 'EAGLENA', 'purchaseagent': 'MARIA',
                 'poline': [
                   {'polinenum': 1, 'itemnum': '0-1010', 'description': 'Mechanical seal 40 mm', 'orderqty': 4,
                    'orderunit': 'EACH', 'unitcost': 245.75, 'reqdeliverydate': '2024-01-25T00:00:00'},
                   {'polinenum': 2, 'itemnum': '0-2040', 'description': 'Bearing 6205-2RS', 'orderqty': 10,
                    'orderunit': 'EACH', 'unitcost': 29.45, 'reqdeliverydate': '2024-01-31T00:00:00'}]}""").toString());
    }

    @Test
    void pendingApprovalIsWrittenAsWappr() {
        assertThat(PURCHASE_ORDERS.write(json("{'status': 'pending_approval'}"), WriteMode.UPDATE)
                .get("status").textValue())
                .isEqualTo("WAPPR");
    }
}
