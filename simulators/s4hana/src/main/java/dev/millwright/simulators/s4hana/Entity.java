package dev.millwright.simulators.s4hana;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stored entity: its property values by slot and its dependents by navigation property. Stored entities
 * are never changed: a write stores a changed copy, so a reader always sees one consistent version.
 */
final class Entity {
    final EntitySetDef set;
    final Object[] values;
    final Map<String, List<Entity>> children;
    /** Counts the versions of the entity, so that two changes within one millisecond still differ in ETag. */
    final long version;

    Entity(EntitySetDef set, Object[] values, Map<String, List<Entity>> children, long version) {
        this.set = set;
        this.values = values;
        this.children = children == null ? Map.of() : children;
        this.version = version;
    }

    static Entity blank(EntitySetDef set) {
        return new Entity(set, new Object[set.properties.size()], null, 0);
    }

    Object get(String property) {
        int slot = set.slot(property);
        return slot < 0 ? null : values[slot];
    }

    String text(String property) {
        Object value = get(property);
        return value == null ? "" : value.toString();
    }

    long millis(String property) {
        Object value = get(property);
        return value == null ? Long.MIN_VALUE : (Long) value;
    }

    /** A copy whose values and children may be changed before it is stored. */
    Draft draft() {
        Map<String, List<Entity>> copy = new LinkedHashMap<>(children);
        return new Draft(set, Arrays.copyOf(values, values.length), copy, version);
    }

    String key() {
        return KeyPredicate.of(this);
    }

    /** A mutable copy of an entity. */
    static final class Draft {
        final EntitySetDef set;
        final Object[] values;
        final Map<String, List<Entity>> children;
        final long version;

        Draft(EntitySetDef set, Object[] values, Map<String, List<Entity>> children, long version) {
            this.set = set;
            this.values = values;
            this.children = children;
            this.version = version;
        }

        Draft set(String property, Object value) {
            int slot = set.slot(property);
            if (slot < 0) {
                throw new IllegalArgumentException(set.name + " has no property " + property);
            }
            values[slot] = value;
            return this;
        }

        Object get(String property) {
            int slot = set.slot(property);
            return slot < 0 ? null : values[slot];
        }

        Entity build(long newVersion) {
            return new Entity(set, values, children, newVersion);
        }
    }
}
