package dev.millwright.component.s4hana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.MappingResult;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.AssetStatus;
import dev.millwright.mapping.model.InventoryItem;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.PurchaseOrderLine;
import dev.millwright.mapping.model.PurchaseOrderStatus;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.VendorStatus;
import dev.millwright.mapping.model.WorkOrder;
import dev.millwright.mapping.model.WorkOrderStatus;

/**
 * The s4hana mapping files (read from mappings/src/main/resources) on records in SAP's OData V2 JSON shape, as the
 * component hands them over (with its __millwright annotations).
 */
class S4HanaMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MappingRegistry REGISTRY = MappingRegistry.builder().system("s4hana")
            .overrideDirectory(Path.of("../../mappings/src/main/resources/mappings")).build();
    private static final MappingContext CONTEXT = new MappingContext("s4-prod", java.util.Map.of(), true);
    private static final Instant READ_AT = Instant.parse("2024-03-01T12:00:00Z");

    private static ObjectNode record(String name) {
        try (InputStream in = S4HanaMappingTest.class.getResourceAsStream("/s4hana/" + name)) {
            return S4HanaAnnotations.annotate((ObjectNode) JSON.readTree(in), !name.contains("order")
                    && !name.contains("equipment"), READ_AT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends dev.millwright.mapping.model.CanonicalRecord> Mapping<T> mapping(Class<T> type) {
        return REGISTRY.mapping("s4hana", type);
    }

    @Test
    void everyStandardCollectionHasAMapping() {
        assertThat(REGISTRY.collections("s4hana"))
                .containsExactlyInAnyOrder("purchase-orders", "work-orders", "inventory-items", "vendors", "assets");
    }

    @Test
    void readsAPurchaseOrderHeader() {
        PurchaseOrder order = mapping(PurchaseOrder.class).read(record("purchase-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("4500000012");
        assertThat(order.remoteVersion()).isEqualTo("W/\"datetimeoffset'2024-01-11T13%3A05%3A30.1234567Z'\"");
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-01-11T13:05:30.123Z"));
        assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-01-10T00:00:00Z"));
        assertThat(order.number()).isEqualTo("4500000012");
        assertThat(order.status()).isEqualTo(PurchaseOrderStatus.APPROVED);
        assertThat(order.orderDate()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(order.vendorRemoteId()).isEqualTo("17300001");
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.company()).isEqualTo("1010");
        assertThat(order.buyer()).isEqualTo("001");
        assertThat(order.deleted()).isFalse();
        assertThat(order.remoteData().get("PurchaseOrderType").asText()).isEqualTo("NB");
    }

    @Test
    void readsThePurchaseOrderItemsWithTheirFirstScheduleLine() {
        PurchaseOrder order = mapping(PurchaseOrder.class).read(record("purchase-order.json"), CONTEXT).record();

        assertThat(order.lines()).hasSize(2);
        PurchaseOrderLine first = order.lines().get(0);
        assertThat(first.lineNumber()).isEqualTo(10);
        assertThat(first.itemNumber()).isEqualTo("TG11");
        assertThat(first.description()).isEqualTo("Trading Good 11, PD, Regular Trading");
        assertThat(first.quantity()).isEqualByComparingTo("12");
        assertThat(first.unit()).isEqualTo("PC");
        assertThat(first.unitPrice()).isEqualByComparingTo("25.50");
        assertThat(first.needByDate()).isEqualTo(LocalDate.of(2024, 1, 25));
        assertThat(order.lines().get(1).needByDate()).isNull();
    }

    @Test
    void deletionCodeLMarksAPurchaseOrderDeleted() {
        ObjectNode deleted = record("purchase-order.json").put("PurchasingDocumentDeletionCode", "L");

        assertThat(mapping(PurchaseOrder.class).read(deleted, CONTEXT).record().deleted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"01,DRAFT", "02,OPEN", "03,PENDING_APPROVAL", "04,PENDING_APPROVAL", "05,APPROVED", "08,DRAFT"})
    void mapsEveryProcessingStatus(String code, PurchaseOrderStatus status) {
        ObjectNode order = record("purchase-order.json").put("PurchasingProcessingStatus", code);

        assertThat(mapping(PurchaseOrder.class).read(order, CONTEXT).record().status()).isEqualTo(status);
    }

    @Test
    void anUnknownProcessingStatusLeavesStatusNullWithAWarning() {
        ObjectNode order = record("purchase-order.json").put("PurchasingProcessingStatus", "77");

        MappingResult<PurchaseOrder> result = mapping(PurchaseOrder.class).read(order, CONTEXT);

        assertThat(result.record().status()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("status");
            assertThat(w.rawValue().asText()).isEqualTo("77");
        });
        assertThat(result.record().remoteData().get("PurchasingProcessingStatus").asText()).isEqualTo("77");
    }

    @Test
    void writesAPurchaseOrderCreateAsADeepInsertOfItems() {
        PurchaseOrder read = mapping(PurchaseOrder.class).read(record("purchase-order.json"), CONTEXT).record();

        ObjectNode body = mapping(PurchaseOrder.class).write(read, WriteMode.CREATE);

        assertThat(body.get("Supplier").asText()).isEqualTo("17300001");
        assertThat(body.get("CompanyCode").asText()).isEqualTo("1010");
        assertThat(body.get("PurchaseOrderDate").asText()).isEqualTo("/Date(1704844800000)/");
        assertThat(body.has("PurchasingProcessingStatus")).isFalse();
        ObjectNode item = (ObjectNode) body.path("to_PurchaseOrderItem").path("results").get(0);
        assertThat(item.get("Material").asText()).isEqualTo("TG11");
        assertThat(item.get("OrderQuantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(item.has("PurchaseOrderItem")).isFalse();
    }

    @Test
    void aPurchaseOrderStatusCannotBeWritten() {
        assertThatThrownBy(() -> mapping(PurchaseOrder.class).write(JSON.createObjectNode().put("status", "approved"),
                WriteMode.UPDATE)).isInstanceOf(WriteMappingException.class).hasMessageContaining("status");
    }

    @Test
    void readsAMaintenanceOrderWithItsLifecycleStatus() {
        WorkOrder order = mapping(WorkOrder.class).read(record("maintenance-order.json"), CONTEXT).record();

        assertThat(order.remoteId()).isEqualTo("4000123");
        assertThat(order.number()).isEqualTo("4000123");
        assertThat(order.title()).isEqualTo("Replace pump seal");
        assertThat(order.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(order.priority()).isEqualTo("2");
        assertThat(order.type()).isEqualTo("PM01");
        assertThat(order.assetRemoteId()).isEqualTo("10000045");
        assertThat(order.location()).isEqualTo("1010-SPA-SAC-PLAR1");
        assertThat(order.site()).isEqualTo("1010");
        assertThat(order.assignedTo()).isEqualTo("JSMITH");
        assertThat(order.scheduledStart()).isEqualTo(Instant.parse("2024-02-05T08:00:00Z"));
        assertThat(order.scheduledEnd()).isEqualTo(Instant.parse("2024-02-05T16:00:00Z"));
        assertThat(order.dueDate()).isEqualTo(Instant.parse("2024-02-19T00:00:00Z"));
        assertThat(order.modifiedAt()).isEqualTo(Instant.parse("2024-02-05T08:15:00Z"));
        assertThat(order.deleted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"CRTD NMAT,REQUESTED", "REL NMAT PRC SETC,APPROVED", "REL CNF PRC,COMPLETED", "TECO PRC SETC,COMPLETED",
            "CLSD PRC SETC,CLOSED", "CRTD DLFL NMAT,CANCELLED"})
    void mapsTheLifecycleSystemStatus(String systemStatus, WorkOrderStatus status) {
        ObjectNode order = record("maintenance-order.json");
        order.put("SystemStatusText", systemStatus);
        S4HanaAnnotations.annotate(order, false, READ_AT);

        assertThat(mapping(WorkOrder.class).read(order, CONTEXT).record().status()).isEqualTo(status);
    }

    @Test
    void aDeletionFlaggedMaintenanceOrderIsDeleted() {
        ObjectNode order = record("maintenance-order.json").put("SystemStatusText", "CRTD DLFL NMAT");
        S4HanaAnnotations.annotate(order, false, READ_AT);

        assertThat(mapping(WorkOrder.class).read(order, CONTEXT).record().deleted()).isTrue();
    }

    @Test
    void writesAMaintenanceOrderUpdateWithOffsetDates() {
        ObjectNode patch = JSON.createObjectNode().put("title", "Replace seal and bearing")
                .put("scheduled_start", "2024-02-06T07:00:00Z");

        ObjectNode body = mapping(WorkOrder.class).write(patch, WriteMode.UPDATE);

        assertThat(body.get("MaintenanceOrderDesc").asText()).isEqualTo("Replace seal and bearing");
        assertThat(body.get("MaintOrdBasicStartDateTime").asText()).isEqualTo("/Date(1707202800000+0000)/");
        assertThat(body.size()).isEqualTo(2);
    }

    @Test
    void readsAStockRecordWithItsReadTime() {
        InventoryItem stock = mapping(InventoryItem.class).read(record("stock.json"), CONTEXT).record();

        assertThat(stock.remoteId()).isEqualTo("A_MatlStkInAcctMod(Material='TG11',Plant='1010',StorageLocation='101A',"
                + "Batch='',Supplier='',Customer='',WBSElementInternalID='00000000',SDDocument='',SDDocumentItem='000000',"
                + "InventorySpecialStockType='',InventoryStockType='01')");
        assertThat(stock.modifiedAt()).isEqualTo(READ_AT);
        assertThat(stock.itemNumber()).isEqualTo("TG11");
        assertThat(stock.site()).isEqualTo("1010");
        assertThat(stock.location()).isEqualTo("101A");
        assertThat(stock.quantityOnHand()).isEqualByComparingTo("1520");
        assertThat(stock.unit()).isEqualTo("PC");
        // no change time, so the version is a hash of the content: the same stock read again has the same version
        assertThat(stock.remoteVersion()).isNotBlank()
                .isEqualTo(mapping(InventoryItem.class).read(record("stock.json"), CONTEXT).record().remoteVersion());
        ObjectNode moved = record("stock.json");
        moved.remove(S4HanaAnnotations.MEMBER);
        moved.put("MatlWrhsStkQtyInMatlBaseUnit", "1519");
        S4HanaAnnotations.annotate(moved, true, READ_AT);
        assertThat(mapping(InventoryItem.class).read(moved, CONTEXT).record().remoteVersion())
                .isNotEqualTo(stock.remoteVersion());
    }

    @Test
    void readsASupplierWithItsPurchasingCurrency() {
        Vendor vendor = mapping(Vendor.class).read(record("supplier.json"), CONTEXT).record();

        assertThat(vendor.remoteId()).isEqualTo("17300001");
        assertThat(vendor.number()).isEqualTo("17300001");
        assertThat(vendor.name()).isEqualTo("Bike Parts Inc.");
        assertThat(vendor.status()).isEqualTo(VendorStatus.ACTIVE);
        assertThat(vendor.taxId()).isEqualTo("DE123456789");
        assertThat(vendor.currency()).isEqualTo("EUR");
        assertThat(vendor.createdAt()).isEqualTo(Instant.parse("2017-01-01T00:00:00Z"));
        assertThat(vendor.modifiedAt()).isEqualTo(READ_AT);
        assertThat(vendor.address()).isNull();
        assertThat(vendor.deleted()).isFalse();
    }

    @Test
    void aPurchasingBlockIsBlockedAndADeletionFlagIsDeleted() {
        ObjectNode blocked = record("supplier.json").put("PurchasingIsBlocked", true).put("DeletionIndicator", true);

        Vendor vendor = mapping(Vendor.class).read(blocked, CONTEXT).record();

        assertThat(vendor.status()).isEqualTo(VendorStatus.BLOCKED);
        assertThat(vendor.deleted()).isTrue();
    }

    @Test
    void blockingAVendorWritesThePurchasingBlock() {
        ObjectNode body = mapping(Vendor.class).write(JSON.createObjectNode().put("status", "blocked"), WriteMode.UPDATE);

        assertThat(body.get("PurchasingIsBlocked").asBoolean()).isTrue();
    }

    @Test
    void inactiveHasNoSupplierField() {
        assertThatThrownBy(() -> mapping(Vendor.class).write(JSON.createObjectNode().put("status", "inactive"),
                WriteMode.UPDATE)).isInstanceOf(WriteMappingException.class).hasMessageContaining("inactive");
    }

    @Test
    void readsEquipment() {
        Asset asset = mapping(Asset.class).read(record("equipment.json"), CONTEXT).record();

        assertThat(asset.remoteId())
                .isEqualTo("Equipment(Equipment='10000045',ValidityEndDate=datetime'9999-12-31T00%3A00%3A00')");
        assertThat(asset.number()).isEqualTo("10000045");
        assertThat(asset.name()).isEqualTo("Boiler feed pump P-101");
        assertThat(asset.status()).isEqualTo(AssetStatus.OPERATING);
        assertThat(asset.location()).isEqualTo("1010-SPA-SAC-PLAR1");
        assertThat(asset.site()).isEqualTo("1010");
        assertThat(asset.parentRemoteId()).isEqualTo("10000040");
        assertThat(asset.serialNumber()).isEqualTo("SN4471120");
        assertThat(asset.manufacturer()).isEqualTo("KSB");
        assertThat(asset.model()).isEqualTo("Multitec 50");
        assertThat(asset.installDate()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(asset.criticality()).isEqualTo("A");
        assertThat(asset.modifiedAt()).isEqualTo(Instant.parse("2023-11-20T09:30:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"EquipmentIsMarkedForDeletion,DECOMMISSIONED", "EquipmentIsInactive,INACTIVE",
            "EquipmentIsInWarehouse,NOT_READY", "EquipmentIsAvailable,OPERATING"})
    void mapsTheEquipmentStatusFlags(String flag, AssetStatus status) {
        ObjectNode equipment = record("equipment.json").put("EquipmentIsInstalled", false).put(flag, true);
        S4HanaAnnotations.annotate(equipment, false, READ_AT);

        assertThat(mapping(Asset.class).read(equipment, CONTEXT).record().status()).isEqualTo(status);
    }

    @Test
    void equipmentWithoutAnyStatusFlagHasNoStatus() {
        ObjectNode equipment = record("equipment.json").put("EquipmentIsInstalled", false);
        equipment.remove("__millwright");
        S4HanaAnnotations.annotate(equipment, false, READ_AT);

        assertThat(mapping(Asset.class).read(equipment, CONTEXT).record().status()).isNull();
    }

    @Test
    void writesAnEquipmentUpdate() {
        ObjectNode body = mapping(Asset.class).write(JSON.createObjectNode().put("name", "Feed pump P-101A")
                .put("install_date", "2011-05-01"), WriteMode.UPDATE);

        assertThat(body.get("EquipmentName").asText()).isEqualTo("Feed pump P-101A");
        assertThat(body.get("OperationStartDate").asText()).isEqualTo("/Date(1304208000000)/");
        assertThat(body.size()).isEqualTo(2);
    }
}
