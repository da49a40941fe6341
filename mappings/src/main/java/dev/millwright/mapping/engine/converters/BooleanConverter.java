package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.millwright.mapping.Converter;
import java.util.Locale;

/** {@code boolean}: JSON booleans, 0 / 1, and the texts true / false, yes / no, y / n, 1 / 0. */
final class BooleanConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return Boolean.class;
    }

    @Override
    public Object read(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && (value.asLong() == 0 || value.asLong() == 1)) {
            return value.asLong() == 1;
        }
        if (value.isTextual()) {
            switch (value.textValue().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1":
                    return Boolean.TRUE;
                case "false", "no", "n", "0":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("not a boolean");
    }

    @Override
    public JsonNode write(Object value) {
        return BooleanNode.valueOf((Boolean) value);
    }
}
