package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import dev.millwright.mapping.model.InventoryItem;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderStatus;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;
import dev.millwright.simulators.expressmaintenance.ExpressMaintenanceSimulator;

/**
 * The mapping files of mappings/expressmaintenance, loaded from the source tree, on raw records read through the
 * component from the simulator's database, in both directions.
 */
class ExpressMaintenanceMappingsTest extends CamelTestSupport {

    private static final MappingRegistry MAPPINGS = MappingRegistry.builder().system("expressmaintenance")
            .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build();
    private static final MappingContext CONTEXT = MappingContext.of("plant-7");

    private ExpressMaintenanceSimulator cmms;

    @Override
    protected void doPreSetup() {
        cmms = ExpressMaintenanceSimulator.builder().seed(3).workOrders(60).purchaseOrders(10).inventoryItems(10)
                .vendors(8).assets(12).build().start();
    }

    @AfterEach
    void stopSimulator() {
        cmms.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("cmms", cmms.dataSource());
        return context;
    }

    private ObjectNode get(String collection, String id) {
        return template.requestBodyAndHeader("expressmaintenance:" + collection + "?dataSource=#cmms&operation=get",
                null, SourceHeaders.REMOTE_ID, id, ObjectNode.class);
    }

    private List<ObjectNode> all(String collection) {
        List<ObjectNode> records = new ArrayList<>();
        try (ChangeStream stream = template.requestBody("expressmaintenance:" + collection
                + "?dataSource=#cmms&initialHistory=all", null, ChangeStream.class)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }

    @Test
    void everyRecordOfEveryCollectionMapsWithoutWarnings() {
        for (String collection : List.of("work-orders", "purchase-orders", "inventory-items", "vendors", "assets")) {
            for (ObjectNode raw : all(collection)) {
                MappingResult<?> result = MAPPINGS.mapping("expressmaintenance", collection).read(raw, CONTEXT);
                assertThat(result.warnings()).as("%s %s", collection, raw).isEmpty();
                assertThat(result.record().remoteId()).isNotBlank();
            }
        }
    }

    @Test
    void aWorkOrderReadsItsFieldsStatusAndDates() {
        Map<String, Object> row = cmms.row("WORK_ORDERS", 4L);

        WorkOrder workOrder = MAPPINGS.mapping("expressmaintenance", WorkOrder.class).read(get("work-orders", "4"),
                CONTEXT).record();

        assertThat(workOrder.remoteId()).isEqualTo("4");
        assertThat(workOrder.number()).isEqualTo(row.get("WO_NUMBER"));
        assertThat(workOrder.title()).isEqualTo(row.get("TITLE"));
        assertThat(workOrder.priority()).isEqualTo(row.get("PRIORITY").toString());
        assertThat(workOrder.remoteVersion()).isEqualTo(row.get("ROW_VERSION").toString());
        assertThat(workOrder.modifiedAt()).isEqualTo(cmms.instantOf((java.time.LocalDateTime) row.get("LAST_MODIFIED")));
        assertThat(workOrder.dueDate()).isEqualTo(((java.time.LocalDate) row.get("DUE_DATE")).atStartOfDay(
                java.time.ZoneOffset.UTC).toInstant());
    }

    @Test
    void statusCodesMapToCanonicalStatuses() {
        cmms.modify("WORK_ORDERS", 5L, Map.of("STATUS", "ASSIGNED"));
        cmms.modify("EQUIPMENT", cmms.rows("EQUIPMENT").get(0).get("EQUIP_ID"), Map.of("STATUS", "IN REPAIR"));
        cmms.modify("PURCHASE_ORDERS", 2L, Map.of("STATUS", "PARTIAL"));

        assertThat(MAPPINGS.mapping("expressmaintenance", WorkOrder.class).read(get("work-orders", "5"), CONTEXT)
                .record().status()).isEqualTo(WorkOrderStatus.SCHEDULED);
        assertThat(MAPPINGS.mapping("expressmaintenance", Asset.class).read(get("assets",
                cmms.rows("EQUIPMENT").get(0).get("EQUIP_ID").toString()), CONTEXT).record().status())
                .isEqualTo(AssetStatus.NOT_READY);
        assertThat(MAPPINGS.mapping("expressmaintenance", PurchaseOrder.class).read(get("purchase-orders", "2"),
                CONTEXT).record().status()).isEqualTo(PurchaseOrderStatus.PARTIALLY_RECEIVED);
    }

    @Test
    void anUnknownStatusCodeIsNullWithAWarningAndStaysInTheRawRecord() {
        cmms.modify("WORK_ORDERS", 6L, Map.of("STATUS", "WAIT PARTS"));

        MappingResult<WorkOrder> result = MAPPINGS.mapping("expressmaintenance", WorkOrder.class)
                .read(get("work-orders", "6"), CONTEXT.withKeepRaw(true));

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.field()).isEqualTo("status");
            assertThat(warning.rawValue().asText()).isEqualTo("WAIT PARTS");
        });
        assertThat(result.record().remoteData().get("status").asText()).isEqualTo("WAIT PARTS");
    }

    @Test
    void aPurchaseOrderReadsItsLinesVendorNameAndTotals() {
        PurchaseOrder order = MAPPINGS.mapping("expressmaintenance", PurchaseOrder.class)
                .read(get("purchase-orders", "1"), CONTEXT).record();

        assertThat(order.lines()).hasSize(cmms.rowsWhere("PO_LINES", "PO_ID", 1L).size());
        assertThat(order.lines().get(0).lineNumber()).isEqualTo(1);
        assertThat(order.vendorName()).isNotBlank();
        BigDecimal sum = order.lines().stream().map(line -> line.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(order.totalAmount()).isEqualByComparingTo(sum);
    }

    @Test
    void aCanonicalPurchaseOrderWritesTheProfilesSourceFieldsWithLines() {
        PurchaseOrder order = MAPPINGS.mapping("expressmaintenance", PurchaseOrder.class)
                .read(get("purchase-orders", "1"), CONTEXT).record();

        ObjectNode body = MAPPINGS.mapping("expressmaintenance", PurchaseOrder.class).write(order, WriteMode.CREATE);

        assertThat(body.get("po_number").asText()).isEqualTo(order.number());
        assertThat(body.has("vendor_name")).isFalse();
        assertThat(body.has("total_amount")).isFalse();
        assertThat(body.get("lines").get(0).has("line_total")).isFalse();
        assertThat(body.get("lines").get(0).get("qty_ordered").decimalValue())
                .isEqualByComparingTo(order.lines().get(0).quantity());
    }

    @Test
    void aCanonicalPatchIsWrittenBackThroughTheComponent() {
        ObjectNode patch = MAPPINGS.mapping("expressmaintenance", WorkOrder.class).write(
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("status", "on_hold")
                        .put("scheduled_start", "2024-07-01T06:00:00Z"), WriteMode.UPDATE);

        template.requestBodyAndHeader("expressmaintenance:work-orders?dataSource=#cmms&operation=update", patch,
                SourceHeaders.REMOTE_ID, "7");

        assertThat(patch.get("status").asText()).isEqualTo("ON HOLD");
        assertThat(cmms.row("WORK_ORDERS", 7L).get("STATUS")).isEqualTo("ON HOLD");
        assertThat(cmms.instantOf((java.time.LocalDateTime) cmms.row("WORK_ORDERS", 7L).get("SCHED_START")))
                .isEqualTo(Instant.parse("2024-07-01T06:00:00Z"));
    }

    @Test
    void softDeletedRecordsReadAsDeleted() {
        template.requestBodyAndHeader("expressmaintenance:vendors?dataSource=#cmms&operation=delete", null,
                SourceHeaders.REMOTE_ID, "V10001");

        Vendor vendor = MAPPINGS.mapping("expressmaintenance", Vendor.class).read(get("vendors", "V10001"), CONTEXT)
                .record();

        assertThat(vendor.deleted()).isTrue();
        assertThat(vendor.address().city()).isNotBlank();
    }

    @Test
    void anInventoryItemIsIdentifiedByPartAndStoreroom() {
        Map<String, Object> row = cmms.rows("PARTS").get(1);
        String id = row.get("PART_NO") + "|" + row.get("STOREROOM");

        InventoryItem item = MAPPINGS.mapping("expressmaintenance", InventoryItem.class).read(get("inventory-items", id),
                CONTEXT).record();

        assertThat(item.remoteId()).isEqualTo(id);
        assertThat(item.location()).isEqualTo(row.get("STOREROOM"));
        assertThat(item.quantityOnHand()).isEqualByComparingTo((BigDecimal) row.get("QTY_ON_HAND"));
    }
}
