package dev.millwright.mapping.maximo;

import static dev.millwright.mapping.MaximoMappings.WORK_ORDERS;
import static dev.millwright.mapping.TestJson.json;
import static dev.millwright.mapping.TestJson.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MaximoWorkOrderMappingTest {

    private static final MappingContext CONTEXT = MappingContext.of("maximo-prod");

    @Test
    void readsAnMxapiwodetailRecord() {
        WorkOrder workOrder = WORK_ORDERS.read(resource("maximo/work-order.json"), CONTEXT).record();

        assertThat(workOrder.remoteId()).isEqualTo("_QkVERk9SRC8xMDAw");
        assertThat(workOrder.remoteVersion()).isEqualTo("1827361");
        assertThat(workOrder.modifiedAt()).isEqualTo(Instant.parse("2024-01-15T15:30:00Z"));
        assertThat(workOrder.createdAt()).isEqualTo(Instant.parse("2024-01-12T14:15:00Z"));
        assertThat(workOrder.deleted()).isFalse();
        assertThat(workOrder.number()).isEqualTo("1000");
        assertThat(workOrder.title()).isEqualTo("Replace pump seal");
        assertThat(workOrder.description())
                .isEqualTo("Seal leaking at the drive end; replace and run a pressure test.");
        assertThat(workOrder.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(workOrder.priority()).isEqualTo("2");
        assertThat(workOrder.type()).isEqualTo("CM");
        assertThat(workOrder.assetRemoteId()).isEqualTo("11430");
        assertThat(workOrder.location()).isEqualTo("BR430");
        assertThat(workOrder.site()).isEqualTo("BEDFORD");
        assertThat(workOrder.assignedTo()).isEqualTo("JSMITH");
        assertThat(workOrder.scheduledStart()).isEqualTo(Instant.parse("2024-01-15T13:00:00Z"));
        assertThat(workOrder.scheduledEnd()).isEqualTo(Instant.parse("2024-01-15T21:00:00Z"));
        assertThat(workOrder.actualStart()).isEqualTo(Instant.parse("2024-01-15T13:30:00Z"));
        assertThat(workOrder.actualEnd()).isEqualTo(Instant.parse("2024-01-15T20:45:10.250Z"));
        assertThat(workOrder.dueDate()).isEqualTo(Instant.parse("2024-01-17T22:00:00Z"));
        assertThat(workOrder.completedAt()).isEqualTo(workOrder.actualEnd());
    }

    @Test
    void relativeHrefGivesTheSameRemoteId() {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("href", "oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAw");

        assertThat(WORK_ORDERS.read(raw, CONTEXT).record().remoteId()).isEqualTo("_QkVERk9SRC8xMDAw");
    }

    @Test
    void leanRecordWithOnlySomeFieldsLeavesTheOthersNull() {
        WorkOrder workOrder = WORK_ORDERS.read(json("""
                {'href': 'oslc/os/mxapiwodetail/_QkVERk9SRC8xMDAx', '_rowstamp': '12', 'wonum': '1001',
                 'status': 'WAPPR', 'changedate': '2024-01-15T10:30:00-05:00'}"""), CONTEXT).record();

        assertThat(workOrder.status()).isEqualTo(WorkOrderStatus.PENDING_APPROVAL);
        assertThat(workOrder.title()).isNull();
        assertThat(workOrder.createdAt()).isNull();
        assertThat(workOrder.scheduledStart()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"WAPPR,pending_approval", "APPR,approved", "WSCH,scheduled", "WMATL,on_hold", "WPCOND,on_hold",
            "INPRG,in_progress", "COMP,completed", "CLOSE,closed", "CAN,cancelled"})
    void mapsEveryMaximoStatus(String maximo, String canonical) {
        ObjectNode raw = resource("maximo/work-order.json");
        raw.put("status_maxvalue", maximo);

        assertThat(WORK_ORDERS.read(raw, CONTEXT).record().status()).isEqualTo(WorkOrderStatus.fromValue(canonical));
    }

    @Test
    void writesACreateRequest() {
        WorkOrder workOrder = WORK_ORDERS.read(resource("maximo/work-order.json"), CONTEXT).record();

        assertThat(WORK_ORDERS.write(workOrder, WriteMode.CREATE)).hasToString(json("""
                {'wonum': '1000', 'description': 'Replace pump seal',
                 'description_longdescription': 'Seal leaking at the drive end; replace and run a pressure test.',
                 'status': 'INPRG', 'wopriority': 2, 'worktype': 'CM', 'assetnum': '11430', 'location': 'BR430',
                 'siteid': 'BEDFORD', 'lead': 'JSMITH', 'schedstart': '2024-01-15T13:00:00Z',
                 'schedfinish': '2024-01-15T21:00:00Z', 'actstart': '2024-01-15T13:30:00Z',
                 'actfinish': '2024-01-15T20:45:10.250Z', 'targcompdate': '2024-01-17T22:00:00Z'}""").toString());
    }

    @Test
    void writesAnUpdatePatch() {
        assertThat(WORK_ORDERS.write(json("{'status': 'completed', 'actual_end': '2024-01-16T18:00:00Z'}"),
                WriteMode.UPDATE))
                        .hasToString(json("{'status': 'COMP', 'actfinish': '2024-01-16T18:00:00Z'}").toString());
    }
}
