package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.WriteMode;

/** The compiled mapping of one canonical field (a component of a record) from and to source JSON. */
abstract sealed class FieldMapping permits ScalarFieldMapping, EnumFieldMapping, ObjectFieldMapping,
        ListFieldMapping {

    final String name;
    final int index;
    final WriteAccess access;

    FieldMapping(String name, int index, WriteAccess access) {
        this.name = name;
        this.index = index;
        this.access = access;
    }

    /** The canonical value of this field in {@code source} (the source object the field is relative to). */
    abstract Object read(JsonNode source, ReadScope scope);

    /**
     * Writes a canonical value (never null) into {@code target}.
     *
     * @throws WriteFailure when the value has no source form
     */
    abstract void write(Object value, ObjectNode target, WriteMode mode);

    /** Writes JSON null where this field's value goes: an update that clears the field. */
    abstract void writeNull(ObjectNode target);
}
