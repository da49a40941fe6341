package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalJsonException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The mapped fields of one record type (an entity, an address, a purchase order line), in file order. */
final class RecordFields {

    private final RecordLayout layout;
    private final FieldMapping[] fields;
    private final Map<String, FieldMapping> byName = new LinkedHashMap<>();

    RecordFields(RecordLayout layout, List<FieldMapping> fields) {
        this.layout = layout;
        this.fields = fields.toArray(FieldMapping[]::new);
        for (FieldMapping field : fields) {
            byName.put(field.name, field);
        }
    }

    RecordLayout layout() {
        return layout;
    }

    /** Reads every field into its component slot; true when any value is not null. */
    boolean readInto(JsonNode source, ReadScope scope, Object[] arguments) {
        boolean any = false;
        for (FieldMapping field : fields) {
            Object value = field.read(source, scope);
            arguments[field.index] = value;
            any |= value != null;
        }
        return any;
    }

    /** Writes every field writable in {@code mode} whose value in {@code record} is not null. */
    void write(Object record, ObjectNode target, WriteMode mode) {
        for (FieldMapping field : fields) {
            if (field.access.allows(mode)) {
                Object value = layout.get(record, field.index);
                if (value != null) {
                    field.write(value, target, mode);
                }
            }
        }
    }

    /** Clears every field writable in {@code mode}. */
    void writeNulls(ObjectNode target, WriteMode mode) {
        for (FieldMapping field : fields) {
            if (field.access.allows(mode)) {
                field.writeNull(target);
            }
        }
    }

    /**
     * Collects, qualified with {@code prefix}, the fields a patch names that the record type does not have
     * ({@code unknown}) or that this mapping cannot update ({@code notUpdatable}); {@code skipped} names are
     * ignored.
     */
    void checkPatch(ObjectNode patch, String prefix, Set<String> skipped, List<String> unknown,
            List<String> notUpdatable) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String name = entry.getKey();
            if (skipped.contains(name)) {
                continue;
            }
            if (layout.indexOf(name) < 0) {
                unknown.add(prefix + name);
                continue;
            }
            FieldMapping field = byName.get(name);
            if (field == null || !field.access.allows(WriteMode.UPDATE)) {
                notUpdatable.add(prefix + name);
            } else if (field instanceof ObjectFieldMapping object && entry.getValue().isObject()) {
                object.fields().checkPatch((ObjectNode) entry.getValue(), prefix + name + ".", Set.of(), unknown,
                        notUpdatable);
            }
        }
    }

    /** Writes the fields a checked patch names; a JSON null clears the source field. */
    void writePatch(ObjectNode patch, ObjectNode target) {
        writePatch(patch, target, Set.of());
    }

    void writePatch(ObjectNode patch, ObjectNode target, Set<String> skipped) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            if (skipped.contains(entry.getKey())) {
                continue;
            }
            FieldMapping field = byName.get(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                field.writeNull(target);
            } else if (field instanceof ObjectFieldMapping object && value.isObject()) {
                object.writePatch((ObjectNode) value, target);
            } else {
                field.write(typed(field, value), target, WriteMode.UPDATE);
            }
        }
    }

    /** Names of the fields writable in {@code mode}. */
    Set<String> writableFields(WriteMode mode) {
        Set<String> names = new LinkedHashSet<>();
        for (FieldMapping field : fields) {
            if (field.access.allows(mode)) {
                names.add(field.name);
            }
        }
        return names;
    }

    private Object typed(FieldMapping field, JsonNode value) {
        try {
            return CanonicalJson.readValue(value, layout.genericType(field.index));
        } catch (CanonicalJsonException e) {
            String inner = e.field() == null || e.field().isEmpty() ? ""
                    : e.field().startsWith("[") ? e.field() : "." + e.field();
            WriteMappingException.Reason reason = e.reason() == CanonicalJsonException.Reason.UNKNOWN_FIELD
                    ? WriteMappingException.Reason.UNKNOWN_FIELD : WriteMappingException.Reason.INVALID_VALUE;
            throw new WriteFailure(field.name + inner, reason, e.getMessage(), e);
        }
    }
}
