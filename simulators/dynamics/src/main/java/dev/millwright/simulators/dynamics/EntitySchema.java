package dev.millwright.simulators.dynamics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one API entity set: its properties in the order BC serializes them, where each is stored, and
 * the set of its lines when it has some (purchaseOrders → purchaseOrderLines).
 */
final class EntitySchema {
    static final String ID = "id";
    static final String LAST_MODIFIED = "lastModifiedDateTime";

    private final String entitySet;
    private final String entityType;
    private final String caption;
    private final List<Property> properties;
    private final Map<String, Property> byName;
    private final int valueSlots;
    private final int numberSlots;
    private final EntitySchema lines;
    private final String linesProperty;

    private EntitySchema(Builder builder) {
        this.entitySet = builder.entitySet;
        this.entityType = builder.entityType;
        this.caption = builder.caption;
        this.properties = Collections.unmodifiableList(new ArrayList<>(builder.properties));
        Map<String, Property> names = new LinkedHashMap<>();
        properties.forEach(p -> names.put(p.name(), p));
        this.byName = Collections.unmodifiableMap(names);
        this.valueSlots = builder.valueSlots;
        this.numberSlots = builder.numberSlots;
        this.lines = builder.lines;
        this.linesProperty = builder.linesProperty;
    }

    static Builder define(String entitySet, String entityType, String caption) {
        return new Builder(entitySet, entityType, caption);
    }

    /** The entity set name in URLs, e.g. {@code purchaseOrders}. */
    String entitySet() {
        return entitySet;
    }

    /** The entity type name, e.g. {@code purchaseOrder} (as in {@code Microsoft.NAV.purchaseOrder}). */
    String entityType() {
        return entityType;
    }

    /** The caption of the underlying table in BC messages, e.g. {@code Purchase Header}. */
    String caption() {
        return caption;
    }

    List<Property> properties() {
        return properties;
    }

    Property property(String name) {
        return byName.get(name);
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    int valueSlots() {
        return valueSlots;
    }

    int numberSlots() {
        return numberSlots;
    }

    /** The schema of the lines, or null. */
    EntitySchema lines() {
        return lines;
    }

    /** The navigation property holding the lines ({@code purchaseOrderLines}), or null. */
    String linesProperty() {
        return linesProperty;
    }

    boolean tracksModification() {
        return byName.containsKey(LAST_MODIFIED);
    }

    @Override
    public String toString() {
        return entitySet;
    }

    static final class Builder {
        private final String entitySet;
        private final String entityType;
        private final String caption;
        private final List<Property> properties = new ArrayList<>();
        private int valueSlots;
        private int numberSlots;
        private EntitySchema lines;
        private String linesProperty;

        private Builder(String entitySet, String entityType, String caption) {
            this.entitySet = entitySet;
            this.entityType = entityType;
            this.caption = caption;
        }

        Builder id() {
            properties.add(new Property(ID, "Id", PropertyType.GUID, Property.Access.KEY, 0, List.of(), -1));
            return this;
        }

        Builder lastModified() {
            properties.add(new Property(LAST_MODIFIED, "Last Modified Date", PropertyType.DATETIME,
                    Property.Access.SYSTEM, 0, List.of(), -1));
            return this;
        }

        Builder text(String name, String caption, int maxLength) {
            return add(name, caption, PropertyType.TEXT, Property.Access.EDITABLE, maxLength, List.of());
        }

        Builder readOnlyText(String name, String caption) {
            return add(name, caption, PropertyType.TEXT, Property.Access.READ_ONLY, 0, List.of());
        }

        Builder guid(String name, String caption) {
            return add(name, caption, PropertyType.GUID, Property.Access.EDITABLE, 0, List.of());
        }

        Builder readOnlyGuid(String name, String caption) {
            return add(name, caption, PropertyType.GUID, Property.Access.READ_ONLY, 0, List.of());
        }

        Builder bool(String name, String caption) {
            return add(name, caption, PropertyType.BOOLEAN, Property.Access.EDITABLE, 0, List.of());
        }

        Builder readOnlyBool(String name, String caption) {
            return add(name, caption, PropertyType.BOOLEAN, Property.Access.READ_ONLY, 0, List.of());
        }

        Builder option(String name, String caption, String... values) {
            return add(name, caption, PropertyType.OPTION, Property.Access.EDITABLE, 0, List.of(values));
        }

        Builder readOnlyOption(String name, String caption, String... values) {
            return add(name, caption, PropertyType.OPTION, Property.Access.READ_ONLY, 0, List.of(values));
        }

        Builder decimal(String name, String caption) {
            return add(name, caption, PropertyType.DECIMAL, Property.Access.EDITABLE, 0, List.of());
        }

        Builder readOnlyDecimal(String name, String caption) {
            return add(name, caption, PropertyType.DECIMAL, Property.Access.READ_ONLY, 0, List.of());
        }

        Builder integer(String name, String caption) {
            return add(name, caption, PropertyType.INTEGER, Property.Access.EDITABLE, 0, List.of());
        }

        Builder date(String name, String caption) {
            return add(name, caption, PropertyType.DATE, Property.Access.EDITABLE, 0, List.of());
        }

        Builder readOnlyDate(String name, String caption) {
            return add(name, caption, PropertyType.DATE, Property.Access.READ_ONLY, 0, List.of());
        }

        Builder lines(String property, EntitySchema lineSchema) {
            this.linesProperty = property;
            this.lines = lineSchema;
            return this;
        }

        EntitySchema build() {
            return new EntitySchema(this);
        }

        private Builder add(String name, String caption, PropertyType type, Property.Access access, int maxLength,
                            List<String> options) {
            int slot = type.primitive() ? numberSlots++ : valueSlots++;
            properties.add(new Property(name, caption, type, access, maxLength, options, slot));
            return this;
        }
    }
}
