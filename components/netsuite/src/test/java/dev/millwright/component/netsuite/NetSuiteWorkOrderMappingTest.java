package dev.millwright.component.netsuite;

import static dev.millwright.component.netsuite.NetSuiteMappings.REGISTRY;
import static dev.millwright.component.netsuite.NetSuiteMappings.fixture;
import static dev.millwright.component.netsuite.NetSuiteMappings.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;

/** netsuite/work-orders.yaml: a manufacturing workOrder of the record API, both directions. */
class NetSuiteWorkOrderMappingTest {

    private static final Mapping<WorkOrder> WORK_ORDERS = REGISTRY.mapping("netsuite", WorkOrder.class);
    private static final MappingContext CONTEXT = MappingContext.of("acme-netsuite");

    @Test
    void readsTheWorkOrder() {
        WorkOrder order = WORK_ORDERS.read(fixture("netsuite/work-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("5044");
        assertThat(order.number()).isEqualTo("WO1007");
        assertThat(order.title()).isEqualTo("Build 25 x ASM-PUMP-100");
        assertThat(order.description()).isEqualTo("ASM-PUMP-100");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.fromValue("in_progress"));
        assertThat(order.site()).isEqualTo("Honeycomb Mfg. US");
        assertThat(order.location()).isEqualTo("Main Warehouse");
        assertThat(order.scheduledStart()).isEqualTo(Instant.parse("2024-05-22T00:00:00Z"));
        assertThat(order.scheduledEnd()).isEqualTo(Instant.parse("2024-05-30T00:00:00Z"));
        assertThat(order.dueDate()).isEqualTo(order.scheduledEnd());
        assertThat(order.assetRemoteId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"A,requested", "B,approved", "D,in_progress", "G,completed", "H,closed", "WorkOrd:B,approved"})
    void mapsEveryWorkOrderStatus(String code, String canonical) {
        ObjectNode raw = fixture("netsuite/work-order.json");
        ((ObjectNode) raw.get("orderStatus")).put("id", code);

        MappingResult<WorkOrder> result = WORK_ORDERS.read(raw, CONTEXT);

        assertThat(result.record().status()).isEqualTo(WorkOrderStatus.fromValue(canonical));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aRescheduleWritesDates() {
        ObjectNode patch = WORK_ORDERS.write(json("{'scheduled_start': '2024-06-10T00:00:00Z', 'status': 'approved'}"),
                WriteMode.UPDATE);

        assertThat(patch).hasToString(json("{'startDate': '2024-06-10', 'orderStatus': {'id': 'B'}}").toString());
    }
}
