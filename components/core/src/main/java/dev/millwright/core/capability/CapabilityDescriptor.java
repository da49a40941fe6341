package dev.millwright.core.capability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldNotUpdatableException;
import dev.millwright.core.error.OperationNotSupportedException;

/** The capability matrix of one system: per canonical entity, what it allows. */
public record CapabilityDescriptor(String system, Map<String, EntityCapabilities> entities) {

    public CapabilityDescriptor {
        entities = Map.copyOf(entities);
    }

    public Optional<EntityCapabilities> entity(String entity) {
        return Optional.ofNullable(entities.get(entity));
    }

    /**
     * Refuses, before anything reaches the source, a write the matrix forbids: an operation the system does not
     * offer, an update of fields that are not updatable, or an operation a rule forbids for the record's current
     * state.
     *
     * @param current        the record's current canonical values by field name (top-level fields, as text), or
     *                       an empty map for a create
     * @param changedFields  the canonical fields an update changes (ignored for other operations)
     */
    public void check(String entity, Operation operation, Map<String, String> current,
            Collection<String> changedFields, ErrorContext context) {
        EntityCapabilities capabilities = entities.get(entity);
        if (capabilities == null || !capabilities.supports(operation)) {
            throw new OperationNotSupportedException(system + " does not support " + operation.jsonName() + " of "
                    + entity, context);
        }
        if (operation == Operation.UPDATE) {
            List<String> refused = new ArrayList<>(new TreeSet<>(changedFields));
            refused.removeAll(capabilities.updatableFields());
            if (!refused.isEmpty()) {
                throw new FieldNotUpdatableException(refused, context);
            }
        }
        for (CapabilityRule rule : capabilities.rules()) {
            String value = current.get(rule.field());
            if (rule.refuses(operation, value)) {
                throw new OperationNotSupportedException("rule '" + rule.id() + "' forbids " + operation.jsonName()
                        + " while " + rule.field() + " is " + value + ": " + rule.description(), context);
            }
        }
    }
}
