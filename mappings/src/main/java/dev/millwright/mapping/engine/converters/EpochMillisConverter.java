package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.millwright.mapping.Converter;
import java.time.Instant;

/** {@code epoch_millis}: milliseconds since 1970-01-01T00:00:00Z, as a JSON number or numeric text. */
final class EpochMillisConverter implements Converter {

    @Override
    public Class<?> valueType() {
        return Instant.class;
    }

    @Override
    public Object read(JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        if (value.isTextual()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value.textValue().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number of epoch milliseconds", e);
            }
        }
        throw new IllegalArgumentException("expected epoch milliseconds, not " + Values.kind(value));
    }

    @Override
    public JsonNode write(Object value) {
        return JsonNodeFactory.instance.numberNode(((Instant) value).toEpochMilli());
    }
}
