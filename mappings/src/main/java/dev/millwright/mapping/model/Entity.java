package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The canonical entities, with the two names PRODUCT.md gives each: the entity name used in JSON and
 * event types ({@code work_order}) and the collection name used in REST paths and Camel URIs
 * ({@code work-orders}).
 */
public enum Entity {
    PURCHASE_ORDER("purchase_order", "purchase-orders", PurchaseOrder.class),
    WORK_ORDER("work_order", "work-orders", WorkOrder.class),
    INVENTORY_ITEM("inventory_item", "inventory-items", InventoryItem.class),
    VENDOR("vendor", "vendors", Vendor.class),
    ASSET("asset", "assets", Asset.class);

    private final String entityName;
    private final String collection;
    private final Class<? extends CanonicalRecord> recordType;

    Entity(String entityName, String collection, Class<? extends CanonicalRecord> recordType) {
        this.entityName = entityName;
        this.collection = collection;
        this.recordType = recordType;
    }

    /** The entity name, e.g. {@code work_order}: the {@code entity} field of a canonical record. */
    @JsonValue
    public String entityName() {
        return entityName;
    }

    /** The collection name, e.g. {@code work-orders}. */
    public String collection() {
        return collection;
    }

    /** The record class of this entity, e.g. {@code WorkOrder.class}. */
    public Class<? extends CanonicalRecord> recordType() {
        return recordType;
    }

    /** The data-change event type for an action, e.g. {@code work_order.updated} for {@code updated}. */
    public String eventType(String action) {
        return entityName + "." + action;
    }

    /** The entity named {@code entityName} ({@code work_order}); rejects unknown names naming the valid ones. */
    @JsonCreator
    public static Entity fromEntityName(String entityName) {
        for (Entity entity : values()) {
            if (entity.entityName.equals(entityName)) {
                return entity;
            }
        }
        throw new IllegalArgumentException("Unknown entity '" + entityName + "'; valid entities: " + names(true));
    }

    /** The entity whose collection is {@code collection} ({@code work-orders}); rejects unknown names. */
    public static Entity fromCollection(String collection) {
        for (Entity entity : values()) {
            if (entity.collection.equals(collection)) {
                return entity;
            }
        }
        throw new IllegalArgumentException(
                "Unknown collection '" + collection + "'; valid collections: " + names(false));
    }

    /** The entity of a record class. */
    public static Entity of(Class<? extends CanonicalRecord> recordType) {
        for (Entity entity : values()) {
            if (entity.recordType == recordType) {
                return entity;
            }
        }
        throw new IllegalArgumentException(recordType + " is not a canonical entity record");
    }

    /** The entity of a record. */
    public static Entity of(CanonicalRecord record) {
        return of(record.getClass());
    }

    private static String names(boolean entityNames) {
        return Arrays.stream(values()).map(e -> entityNames ? e.entityName : e.collection)
                .collect(Collectors.joining(", "));
    }
}
