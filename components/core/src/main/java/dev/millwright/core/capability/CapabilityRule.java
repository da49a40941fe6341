package dev.millwright.core.capability;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A business rule of a system: while the record's {@code field} holds one of {@code values} (canonical values,
 * e.g. status {@code approved}), the operations in {@code forbids} are refused before anything reaches the source.
 */
public record CapabilityRule(
        String id,
        String description,
        String field,
        Set<String> values,
        Set<Operation> forbids) {

    public CapabilityRule {
        values = Set.copyOf(values);
        forbids = Set.copyOf(forbids);
    }

    /** Whether this rule refuses {@code operation} on a record whose {@code field} currently holds {@code value}. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean refuses(Operation operation, String value) {
        return forbids.contains(operation) && value != null && values.contains(value);
    }
}
