package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import dev.millwright.mapping.Converter;
import java.math.BigDecimal;

/** {@code decimal}: an exact decimal, from a JSON number or numeric text ({@code "12.50"}). */
final class DecimalConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return BigDecimal.class;
    }

    @Override
    public Object read(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            return Values.decimal(value.textValue().trim());
        }
        throw new IllegalArgumentException("expected a number, not " + Values.kind(value));
    }

    @Override
    public JsonNode write(Object value) {
        return DecimalNode.valueOf((BigDecimal) value);
    }
}
