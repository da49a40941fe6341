package dev.millwright.simulators.s4hana;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated entity set: its service, name, entity type, properties, key, the property holding its change
 * time (null when the entity has none), its navigation properties and which writes the API offers.
 */
final class EntitySetDef {

    /** A navigation property to a dependent entity set, whose first key properties repeat the parent's key. */
    record Navigation(String name, EntitySetDef target) {
    }

    final String service;
    final String name;
    final String typeName;
    final List<Property> properties;
    final List<String> keys;
    final String changeProperty;
    final boolean hasEtag;
    final Set<String> methods;
    final List<String> requiredOnCreate;
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Map<String, Navigation> navigations = new LinkedHashMap<>();

    /**
     * @param methods          the HTTP methods the API implements for this set besides GET: POST, PATCH, DELETE
     * @param requiredOnCreate properties a create must give a value for
     */
    EntitySetDef(String service, String name, String typeName, List<Property> properties, List<String> keys,
                 String changeProperty, boolean hasEtag, Set<String> methods, List<String> requiredOnCreate) {
        this.service = service;
        this.name = name;
        this.typeName = typeName;
        this.properties = List.copyOf(properties);
        this.keys = List.copyOf(keys);
        this.changeProperty = changeProperty;
        this.hasEtag = hasEtag;
        this.methods = Set.copyOf(methods);
        this.requiredOnCreate = List.copyOf(requiredOnCreate);
        for (int i = 0; i < properties.size(); i++) {
            slots.put(properties.get(i).name(), i);
        }
        for (String key : keys) {
            if (!slots.containsKey(key)) {
                throw new IllegalArgumentException(name + " has no key property " + key);
            }
        }
    }

    EntitySetDef navigation(String navigationName, EntitySetDef target) {
        navigations.put(navigationName, new Navigation(navigationName, target));
        return this;
    }

    Navigation navigation(String navigationName) {
        return navigations.get(navigationName);
    }

    List<Navigation> navigations() {
        return Collections.unmodifiableList(new ArrayList<>(navigations.values()));
    }

    /** The slot of a property in an entity's values, or -1. */
    int slot(String property) {
        Integer slot = slots.get(property);
        return slot == null ? -1 : slot;
    }

    Property property(String property) {
        int slot = slot(property);
        return slot < 0 ? null : properties.get(slot);
    }

    boolean isKey(String property) {
        return keys.contains(property);
    }

    /** The qualified type name SAP writes in {@code __metadata.type}, e.g. API_EQUIPMENT.EquipmentType. */
    String qualifiedType() {
        return service + "." + typeName;
    }

    @Override
    public String toString() {
        return service + "/" + name;
    }
}
