package dev.millwright.mapping;

import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.InventoryItem;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.Vendor;
import dev.millwright.mapping.model.WorkOrder;

/** The Maximo mappings from the class path, compiled once for all tests. */
public final class MaximoMappings {

    public static final MappingRegistry REGISTRY = MappingRegistry.of("maximo");
    public static final Mapping<WorkOrder> WORK_ORDERS = REGISTRY.mapping("maximo", WorkOrder.class);
    public static final Mapping<PurchaseOrder> PURCHASE_ORDERS = REGISTRY.mapping("maximo", PurchaseOrder.class);
    public static final Mapping<InventoryItem> INVENTORY = REGISTRY.mapping("maximo", InventoryItem.class);
    public static final Mapping<Vendor> VENDORS = REGISTRY.mapping("maximo", Vendor.class);
    public static final Mapping<Asset> ASSETS = REGISTRY.mapping("maximo", Asset.class);

    private MaximoMappings() {
    }
}
