package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import dev.millwright.mapping.Converter;
import java.math.BigDecimal;

/** {@code integer}: a whole number, from a JSON number or numeric text ({@code "10"}, {@code 10.0}). */
final class IntegerConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return Long.class;
    }

    @Override
    public Object read(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return exact(value.decimalValue());
        }
        if (value.isTextual()) {
            String text = value.textValue().trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notPlain) {
                return exact(Values.decimal(text));
            }
        }
        throw new IllegalArgumentException("expected a whole number, not " + Values.kind(value));
    }

    @Override
    public JsonNode write(Object value) {
        long number = (Long) value;
        // the node a JSON parser would make of the same digits, so written records compare equal to parsed ones
        return number == (int) number ? IntNode.valueOf((int) number) : LongNode.valueOf(number);
    }

    private static long exact(BigDecimal decimal) {
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("not a whole number in range: " + decimal.toPlainString(), e);
        }
    }
}
