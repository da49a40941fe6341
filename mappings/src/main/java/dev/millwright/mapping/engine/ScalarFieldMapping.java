package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.Converter;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;

/** A text, number, boolean, date or date-time field: first non-null path, converter, coercion. */
final class ScalarFieldMapping extends FieldMapping {

    private final JsonPath[] paths;
    private final JsonPath writePath;
    private final Converter converter;
    private final Class<?> type;
    private final boolean coerce;
    private final Object defaultValue;

    ScalarFieldMapping(String name, int index, WriteAccess access, JsonPath[] paths, JsonPath writePath,
            Converter converter, Class<?> type, Object defaultValue) {
        super(name, index, access);
        this.paths = paths;
        this.writePath = writePath;
        this.converter = converter;
        this.type = type;
        this.coerce = !type.isAssignableFrom(converter.valueType());
        this.defaultValue = defaultValue;
    }

    @Override
    Object read(JsonNode source, ReadScope scope) {
        for (JsonPath path : paths) {
            JsonNode raw = path.read(source);
            if (raw != null) {
                try {
                    Object value = converter.read(raw);
                    return coerce ? Coercions.coerce(value, type) : value;
                } catch (RuntimeException e) {
                    throw scope.failure(name, path, raw, e);
                }
            }
        }
        return defaultValue;
    }

    @Override
    void write(Object value, ObjectNode target, WriteMode mode) {
        JsonNode written;
        try {
            written = converter.write(Coercions.coerce(value, converter.valueType()));
        } catch (RuntimeException e) {
            throw new WriteFailure(name, WriteMappingException.Reason.INVALID_VALUE,
                    "cannot write '" + value + "': " + e.getMessage(), e);
        }
        writePath.write(target, written);
    }

    @Override
    void writeNull(ObjectNode target) {
        writePath.write(target, NullNode.getInstance());
    }

    /** The first source path, for messages about a missing value. */
    JsonPath firstPath() {
        return paths[0];
    }

    JsonPath writePath() {
        return writePath;
    }
}
