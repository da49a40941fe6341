package dev.millwright.simulators.s4hana;

import static dev.millwright.simulators.s4hana.EdmType.BOOLEAN;
import static dev.millwright.simulators.s4hana.EdmType.DATETIME;
import static dev.millwright.simulators.s4hana.EdmType.DATETIMEOFFSET;
import static dev.millwright.simulators.s4hana.EdmType.TIME;
import static dev.millwright.simulators.s4hana.Property.decimal;
import static dev.millwright.simulators.s4hana.Property.of;
import static dev.millwright.simulators.s4hana.Property.string;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated services and entity sets, with the properties of SAP's API that the simulator keeps (a
 * representative subset of each entity type; names, types and lengths as in SAP's metadata).
 */
final class SapCatalog {

    static final String PURCHASE_ORDER_SERVICE = "API_PURCHASEORDER_PROCESS_SRV";
    static final String MAINTENANCE_ORDER_SERVICE = "API_MAINTENANCEORDER";
    static final String MATERIAL_STOCK_SERVICE = "API_MATERIAL_STOCK_SRV";
    static final String BUSINESS_PARTNER_SERVICE = "API_BUSINESS_PARTNER";
    static final String EQUIPMENT_SERVICE = "API_EQUIPMENT";

    static final EntitySetDef SCHEDULE_LINES = new EntitySetDef(PURCHASE_ORDER_SERVICE, "A_PurchaseOrderScheduleLine",
            "A_PurchaseOrderScheduleLineType", List.of(
                    string("PurchasingDocument", 10), string("PurchasingDocumentItem", 5), string("ScheduleLine", 4),
                    string("DelivDateCategory", 1), of("ScheduleLineDeliveryDate", DATETIME),
                    string("PurchaseOrderQuantityUnit", 3), decimal("ScheduleLineOrderQuantity", 3),
                    of("ScheduleLineDeliveryTime", TIME), decimal("ScheduleLineCommittedQuantity", 3)),
            List.of("PurchasingDocument", "PurchasingDocumentItem", "ScheduleLine"), null, true,
            Set.of(), List.of());

    static final EntitySetDef PURCHASE_ORDER_ITEMS = new EntitySetDef(PURCHASE_ORDER_SERVICE, "A_PurchaseOrderItem",
            "A_PurchaseOrderItemType", List.of(
                    string("PurchaseOrder", 10), string("PurchaseOrderItem", 5),
                    string("PurchasingDocumentDeletionCode", 1), string("PurchaseOrderItemText", 40),
                    string("Plant", 4), string("StorageLocation", 4), string("MaterialGroup", 9),
                    decimal("OrderQuantity", 3), string("PurchaseOrderQuantityUnit", 3), string("OrderPriceUnit", 3),
                    string("DocumentCurrency", 5), decimal("NetPriceAmount", 2), decimal("NetPriceQuantity", 0),
                    string("TaxCode", 2), of("IsCompletelyDelivered", BOOLEAN), of("IsFinallyInvoiced", BOOLEAN),
                    string("PurchaseOrderItemCategory", 1), string("AccountAssignmentCategory", 1),
                    string("Material", 40)),
            List.of("PurchaseOrder", "PurchaseOrderItem"), null, true, Set.of(),
            List.of("OrderQuantity", "Plant"))
            .navigation("to_ScheduleLine", SCHEDULE_LINES);

    static final EntitySetDef PURCHASE_ORDERS = new EntitySetDef(PURCHASE_ORDER_SERVICE, "A_PurchaseOrder",
            "A_PurchaseOrderType", List.of(
                    string("PurchaseOrder", 10), string("CompanyCode", 4), string("PurchaseOrderType", 4),
                    string("PurchasingDocumentDeletionCode", 1), string("PurchasingProcessingStatus", 2),
                    string("CreatedByUser", 12), of("CreationDate", DATETIME), of("LastChangeDateTime", DATETIMEOFFSET),
                    string("Supplier", 10), string("Language", 2), string("PaymentTerms", 4),
                    string("PurchasingOrganization", 4), string("PurchasingGroup", 3), of("PurchaseOrderDate", DATETIME),
                    string("DocumentCurrency", 5), decimal("ExchangeRate", 5), string("IncotermsClassification", 3),
                    string("IncotermsLocation1", 70), of("ReleaseIsNotCompleted", BOOLEAN)),
            List.of("PurchaseOrder"), "LastChangeDateTime", true, Set.of("POST", "PATCH", "DELETE"),
            List.of("CompanyCode", "PurchaseOrderType", "Supplier", "PurchasingOrganization", "PurchasingGroup"))
            .navigation("to_PurchaseOrderItem", PURCHASE_ORDER_ITEMS);

    static final EntitySetDef MAINTENANCE_ORDERS = new EntitySetDef(MAINTENANCE_ORDER_SERVICE, "MaintenanceOrder",
            "MaintenanceOrderType", List.of(
                    string("MaintenanceOrder", 12), string("MaintenanceOrderType", 4),
                    string("MaintenanceOrderDesc", 40), of("MaintOrdBasicStartDateTime", DATETIMEOFFSET),
                    of("MaintOrdBasicEndDateTime", DATETIMEOFFSET), string("MaintenanceNotification", 12),
                    string("MainWorkCenter", 8), string("MainWorkCenterPlant", 4),
                    string("MaintenancePlanningPlant", 4), string("MaintenancePlant", 4), string("CompanyCode", 4),
                    string("Equipment", 18), string("FunctionalLocation", 40), string("MaintenanceActivityType", 3),
                    string("MaintPriority", 1), string("MaintPriorityType", 2), string("MaintOrdPersonResponsible", 12),
                    of("LatestAcceptableCompletionDate", DATETIME), of("LastChangeDateTime", DATETIMEOFFSET),
                    string("SystemStatusText", 40), string("UserStatusText", 40)),
            List.of("MaintenanceOrder"), "LastChangeDateTime", true, Set.of("POST", "PATCH"),
            List.of("MaintenanceOrderType", "MaintenanceOrderDesc", "MaintenancePlanningPlant"));

    static final EntitySetDef MATERIAL_STOCK = new EntitySetDef(MATERIAL_STOCK_SERVICE, "A_MatlStkInAcctMod",
            "A_MatlStkInAcctModType", List.of(
                    string("Material", 40), string("Plant", 4), string("StorageLocation", 4), string("Batch", 10),
                    string("Supplier", 10), string("Customer", 10), string("WBSElementInternalID", 24),
                    string("SDDocument", 10), string("SDDocumentItem", 6), string("InventorySpecialStockType", 1),
                    string("InventoryStockType", 2), string("MaterialBaseUnit", 3),
                    decimal("MatlWrhsStkQtyInMatlBaseUnit", 3)),
            List.of("Material", "Plant", "StorageLocation", "Batch", "Supplier", "Customer", "WBSElementInternalID",
                    "SDDocument", "SDDocumentItem", "InventorySpecialStockType", "InventoryStockType"),
            null, false, Set.of(), List.of());

    static final EntitySetDef SUPPLIER_PURCHASING_ORGS = new EntitySetDef(BUSINESS_PARTNER_SERVICE,
            "A_SupplierPurchasingOrg", "A_SupplierPurchasingOrgType", List.of(
                    string("Supplier", 10), string("PurchasingOrganization", 4), string("PurchaseOrderCurrency", 5),
                    string("PaymentTerms", 4), string("IncotermsClassification", 3),
                    of("PurchasingIsBlockedForSupplier", BOOLEAN), of("DeletionIndicator", BOOLEAN)),
            List.of("Supplier", "PurchasingOrganization"), null, true, Set.of(), List.of());

    static final EntitySetDef SUPPLIERS = new EntitySetDef(BUSINESS_PARTNER_SERVICE, "A_Supplier", "A_SupplierType",
            List.of(string("Supplier", 10), string("SupplierName", 80), string("SupplierFullName", 220),
                    string("SupplierAccountGroup", 4), string("CreatedByUser", 12), of("CreationDate", DATETIME),
                    of("PurchasingIsBlocked", BOOLEAN), of("PostingIsBlocked", BOOLEAN),
                    of("PaymentIsBlockedForSupplier", BOOLEAN), of("DeletionIndicator", BOOLEAN),
                    string("TaxNumber1", 16), string("VATRegistration", 20), string("Industry", 4),
                    string("Customer", 10)),
            List.of("Supplier"), null, true, Set.of("PATCH"), List.of())
            .navigation("to_SupplierPurchasingOrg", SUPPLIER_PURCHASING_ORGS);

    static final EntitySetDef EQUIPMENT = new EntitySetDef(EQUIPMENT_SERVICE, "Equipment", "EquipmentType", List.of(
                    string("Equipment", 18), of("ValidityEndDate", DATETIME), of("ValidityStartDate", DATETIME),
                    string("EquipmentName", 40), string("EquipmentCategory", 1), string("TechnicalObjectType", 10),
                    string("AssetManufacturerName", 30), string("ManufacturerPartTypeName", 20),
                    string("ManufacturerSerialNumber", 30), string("ConstructionYear", 4),
                    of("OperationStartDate", DATETIME), string("MaintenancePlant", 4), string("PlantSection", 3),
                    string("ABCIndicator", 1), string("FunctionalLocation", 40), string("SuperordinateEquipment", 18),
                    string("CreatedByUser", 12), of("CreationDate", DATETIME), of("LastChangeDateTime", DATETIMEOFFSET),
                    of("EquipmentIsAvailable", BOOLEAN), of("EquipmentIsInstalled", BOOLEAN),
                    of("EquipmentIsInWarehouse", BOOLEAN), of("EquipmentIsInactive", BOOLEAN),
                    of("EquipmentIsMarkedForDeletion", BOOLEAN)),
            List.of("Equipment", "ValidityEndDate"), "LastChangeDateTime", true, Set.of("POST", "PATCH"),
            List.of("EquipmentName", "EquipmentCategory", "MaintenancePlant"));

    /** The top-level sets, by service, then by entity set name. */
    static final Map<String, Map<String, EntitySetDef>> SERVICES = Map.of(
            PURCHASE_ORDER_SERVICE, Map.of(PURCHASE_ORDERS.name, PURCHASE_ORDERS),
            MAINTENANCE_ORDER_SERVICE, Map.of(MAINTENANCE_ORDERS.name, MAINTENANCE_ORDERS),
            MATERIAL_STOCK_SERVICE, Map.of(MATERIAL_STOCK.name, MATERIAL_STOCK),
            BUSINESS_PARTNER_SERVICE, Map.of(SUPPLIERS.name, SUPPLIERS),
            EQUIPMENT_SERVICE, Map.of(EQUIPMENT.name, EQUIPMENT));

    static final List<EntitySetDef> TOP_LEVEL = List.of(PURCHASE_ORDERS, MAINTENANCE_ORDERS, MATERIAL_STOCK, SUPPLIERS,
            EQUIPMENT);

    private SapCatalog() {
    }

    /** The top-level set of this name (case-insensitive), or null. */
    static EntitySetDef find(String entitySet) {
        for (EntitySetDef set : TOP_LEVEL) {
            if (set.name.equalsIgnoreCase(entitySet)) {
                return set;
            }
        }
        return null;
    }
}
