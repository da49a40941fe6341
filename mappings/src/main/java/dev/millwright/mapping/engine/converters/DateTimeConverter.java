package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@code datetime}: ISO-8601 date-times with an offset or {@code Z}; local date-times are in {@code zone}
 * (default UTC). Writes ISO-8601 with the offset of {@code zone}.
 */
final class DateTimeConverter implements Converter {

    private final ZoneId zone;

    DateTimeConverter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Class<?> valueType() {
        return Instant.class;
    }

    @Override
    public Object read(JsonNode value) {
        return IsoDateTimes.parseDateTime(Values.text(value, "an ISO-8601 date-time"), zone);
    }

    @Override
    public JsonNode write(Object value) {
        return TextNode.valueOf(IsoDateTimes.format((Instant) value, zone));
    }
}
