package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;

/** {@code string}: text as is; numbers and booleans as their text. */
final class StringConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return String.class;
    }

    @Override
    public Object read(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.decimalValue().toPlainString();
        }
        throw new IllegalArgumentException("expected text, a number or a boolean, not " + Values.kind(value));
    }

    @Override
    public JsonNode write(Object value) {
        return TextNode.valueOf((String) value);
    }
}
