package dev.millwright.core.component;

import java.util.Optional;

/** The canonical collections every system component understands, with the canonical entity each holds. */
public enum StandardCollection {
    PURCHASE_ORDERS("purchase-orders", "purchase_order"),
    WORK_ORDERS("work-orders", "work_order"),
    INVENTORY_ITEMS("inventory-items", "inventory_item"),
    VENDORS("vendors", "vendor"),
    ASSETS("assets", "asset");

    private final String collection;
    private final String entity;

    StandardCollection(String collection, String entity) {
        this.collection = collection;
        this.entity = entity;
    }

    public String collection() {
        return collection;
    }

    public String entity() {
        return entity;
    }

    public static Optional<StandardCollection> of(String collection) {
        for (StandardCollection standard : values()) {
            if (standard.collection.equals(collection)) {
                return Optional.of(standard);
            }
        }
        return Optional.empty();
    }

    /** The entity name of a collection: the canonical entity, or the collection's own name for custom objects. */
    public static String entityOf(String collection) {
        return of(collection).map(StandardCollection::entity).orElse(collection);
    }
}
