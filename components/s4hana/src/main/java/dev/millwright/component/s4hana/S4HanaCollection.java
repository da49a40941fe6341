package dev.millwright.component.s4hana;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a collection lives in S/4HANA: its service, entity set, key properties, change-time property (null for
 * full reads) and the navigation properties a read expands. Standard collections have defaults; every part can
 * be overridden by options, and a custom collection names its own.
 */
record S4HanaCollection(String service, String entitySet, List<String> keys, String modifiedField,
                        boolean modifiedFieldIsOffset, String expand) {

    private static final Map<String, S4HanaCollection> DEFAULTS = Map.of(
            "purchase-orders", new S4HanaCollection("API_PURCHASEORDER_PROCESS_SRV", "A_PurchaseOrder",
                    List.of("PurchaseOrder"), "LastChangeDateTime", true, "to_PurchaseOrderItem/to_ScheduleLine"),
            "work-orders", new S4HanaCollection("API_MAINTENANCEORDER", "MaintenanceOrder",
                    List.of("MaintenanceOrder"), "LastChangeDateTime", true, null),
            "inventory-items", new S4HanaCollection("API_MATERIAL_STOCK_SRV", "A_MatlStkInAcctMod",
                    List.of("Material", "Plant", "StorageLocation", "Batch", "Supplier", "Customer",
                            "WBSElementInternalID", "SDDocument", "SDDocumentItem", "InventorySpecialStockType",
                            "InventoryStockType"), null, true, null),
            "vendors", new S4HanaCollection("API_BUSINESS_PARTNER", "A_Supplier", List.of("Supplier"), null, true,
                    "to_SupplierPurchasingOrg"),
            "assets", new S4HanaCollection("API_EQUIPMENT", "Equipment", List.of("Equipment", "ValidityEndDate"),
                    "LastChangeDateTime", true, null));

    /** The collection of an endpoint's configuration: the defaults of its name, overridden by its options. */
    static S4HanaCollection resolve(S4HanaConfiguration configuration) {
        String name = configuration.getCollection();
        S4HanaCollection standard = DEFAULTS.get(name);
        String service = given(configuration.getService()) ? configuration.getService().trim()
                : standard == null ? null : standard.service();
        if (service == null) {
            throw new IllegalArgumentException("s4hana:" + name + " is not a standard collection: give its OData"
                    + " service (service=...) and entity set (entitySet=..., default " + name + ")");
        }
        String entitySet = given(configuration.getEntitySet()) ? configuration.getEntitySet().trim()
                : standard == null ? name : standard.entitySet();
        List<String> keys = given(configuration.getKeyFields())
                ? Arrays.stream(configuration.getKeyFields().split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList()
                : standard == null ? List.of() : standard.keys();
        String modified = configuration.getModifiedField();
        String modifiedField = !given(modified) ? (standard == null ? null : standard.modifiedField())
                : modified.trim().equalsIgnoreCase("none") ? null : modified.trim();
        String expand = configuration.getExpand();
        String expanded = !given(expand) ? (standard == null ? null : standard.expand())
                : expand.trim().equalsIgnoreCase("none") ? null : expand.trim();
        boolean offset = !"DateTime".equalsIgnoreCase(configuration.getModifiedFieldType());
        return new S4HanaCollection(service, entitySet, keys, modifiedField, offset, expanded);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** Whether reads are full reads (no change time to filter on). */
    boolean fullReads() {
        return modifiedField == null;
    }
}
