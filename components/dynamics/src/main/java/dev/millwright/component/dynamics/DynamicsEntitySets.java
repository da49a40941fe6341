package dev.millwright.component.dynamics;

import java.util.Map;

/** The API v2.0 entity set each standard collection is read from; Business Central has no work orders. */
final class DynamicsEntitySets {

    static final String PURCHASE_ORDERS = "purchaseOrders";
    static final String PURCHASE_ORDER_LINES = "purchaseOrderLines";
    static final String VENDORS = "vendors";
    static final String ITEMS = "items";
    static final String FIXED_ASSETS = "fixedAssets";

    private static final Map<String, String> DEFAULTS = Map.of(
            "purchase-orders", PURCHASE_ORDERS,
            "inventory-items", ITEMS,
            "vendors", VENDORS,
            "assets", FIXED_ASSETS);

    private DynamicsEntitySets() {
    }

    /** Whether API v2.0 has an entity set for the collection (custom collections are taken as entity sets). */
    static boolean exists(String collection, String configured) {
        return configured != null && !configured.isBlank() || !collection.equals("work-orders");
    }

    /** The configured entity set, else the collection's default, else the collection name itself. */
    static String resolve(String collection, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return DEFAULTS.getOrDefault(collection, collection);
    }
}
