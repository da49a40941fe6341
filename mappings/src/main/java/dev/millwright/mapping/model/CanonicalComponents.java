package dev.millwright.mapping.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Normalizations shared by the compact constructors of the canonical records. */
final class CanonicalComponents {

    private CanonicalComponents() {
    }

    static String entity(String given, Entity expected) {
        if (given == null) {
            return expected.entityName();
        }
        if (!given.equals(expected.entityName())) {
            throw new IllegalArgumentException(
                    "entity must be '" + expected.entityName() + "' for " + expected.recordType().getSimpleName()
                            + ", not '" + given + "'");
        }
        return expected.entityName();
    }

    /** Custom field values may be null (a declared field the source left empty), so no Map.copyOf. */
    static Map<String, Object> customFields(Map<String, Object> given) {
        if (given == null || given.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    /** A JSON null stands for "not kept", like a Java null. */
    static JsonNode remoteData(JsonNode given) {
        return given == null || given.isNull() || given.isMissingNode() ? null : given;
    }

    /** Null stays null: "lines unknown" is not "no lines". */
    static <T> List<T> list(List<T> given) {
        return given == null ? null : List.copyOf(given);
    }
}
