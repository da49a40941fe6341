package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.Converter;
import dev.millwright.mapping.WriteMappingException;
import dev.millwright.mapping.WriteMode;
import dev.millwright.mapping.model.CanonicalStatus;

/**
 * A status field: the source code (read by the converter, as text) looked up in an enum table. A code the
 * table does not list leaves the field null with a warning; the raw code stays in remote_data.
 */
final class EnumFieldMapping extends FieldMapping {

    private final JsonPath[] paths;
    private final JsonPath writePath;
    private final Converter converter;
    private final EnumTable table;

    EnumFieldMapping(String name, int index, WriteAccess access, JsonPath[] paths, JsonPath writePath,
            Converter converter, EnumTable table) {
        super(name, index, access);
        this.paths = paths;
        this.writePath = writePath;
        this.converter = converter;
        this.table = table;
    }

    @Override
    Object read(JsonNode source, ReadScope scope) {
        for (JsonPath path : paths) {
            JsonNode raw = path.read(source);
            if (raw != null) {
                String code;
                try {
                    code = (String) Coercions.coerce(converter.read(raw), String.class);
                } catch (RuntimeException e) {
                    throw scope.failure(name, path, raw, e);
                }
                Enum<?> value = table.read(code);
                if (value == null) {
                    scope.warn(name, path, raw, "'" + code + "' is not in enum table " + table.name()
                            + "; " + name + " left null");
                }
                return value;
            }
        }
        return null;
    }

    @Override
    void write(Object value, ObjectNode target, WriteMode mode) {
        String code = table.write(value);
        if (code == null) {
            throw new WriteFailure(name, WriteMappingException.Reason.INVALID_VALUE,
                    "'" + ((CanonicalStatus) value).value() + "' has no source code in enum table " + table.name(),
                    null);
        }
        JsonNode written;
        try {
            written = converter.write(Coercions.coerce(code, converter.valueType()));
        } catch (RuntimeException e) {
            throw new WriteFailure(name, WriteMappingException.Reason.INVALID_VALUE,
                    "cannot write source code '" + code + "': " + e.getMessage(), e);
        }
        writePath.write(target, written);
    }

    @Override
    void writeNull(ObjectNode target) {
        writePath.write(target, NullNode.getInstance());
    }

    JsonPath writePath() {
        return writePath;
    }
}
