package dev.millwright.core.capability;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one system allows for one canonical entity: its operations, the canonical fields an update may change,
 * how a canonical delete is carried out ({@code hard}, {@code soft}, or a status change such as
 * {@code status:cancelled}), and its rules.
 */
public record EntityCapabilities(
        String entity,
        Set<Operation> operations,
        @JsonProperty("updatable_fields") Set<String> updatableFields,
        @JsonProperty("delete_behaviour") String deleteBehaviour,
        List<CapabilityRule> rules) {

    public EntityCapabilities {
        // stable orders, so the capability document reads the same on every call
        operations = operations.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(operations));
        updatableFields = Collections.unmodifiableSet(new TreeSet<>(updatableFields));
        rules = List.copyOf(rules);
    }

    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }
}
