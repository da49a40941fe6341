package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * {@code datetime_pattern}: date-times in a {@link DateTimeFormatter} {@code pattern}; without an offset in
 * the pattern they are local date-times in {@code zone} (default UTC). Writes in {@code zone}.
 */
final class DateTimePatternConverter implements Converter {

    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    DateTimePatternConverter(DateTimeFormatter formatter, ZoneId zone) {
        this.formatter = formatter;
        this.zone = zone;
    }

    @Override
    public Class<?> valueType() {
        return Instant.class;
    }

    @Override
    public Object read(JsonNode value) {
        TemporalAccessor parsed = formatter.parseBest(Values.text(value, "a date-time").trim(),
                ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return ((LocalDateTime) parsed).atZone(zone).toInstant();
    }

    @Override
    public JsonNode write(Object value) {
        return TextNode.valueOf(formatter.format(((Instant) value).atZone(zone)));
    }
}
