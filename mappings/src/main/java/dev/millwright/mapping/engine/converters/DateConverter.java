package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.time.LocalDate;

/**
 * {@code date}: ISO-8601 dates, or the date part, as written, of a date-time. Writes {@code 2024-01-15},
 * or with {@code write_as: datetime} the local start of day {@code 2024-01-15T00:00:00} for systems whose
 * date fields are date-times (the source then reads it in its own time zone, keeping the date).
 */
final class DateConverter implements Converter {

    private final boolean writeAsDateTime;

    DateConverter(boolean writeAsDateTime) {
        this.writeAsDateTime = writeAsDateTime;
    }

    @Override
    public Class<?> valueType() {
        return LocalDate.class;
    }

    @Override
    public Object read(JsonNode value) {
        return IsoDateTimes.parseDate(Values.text(value, "an ISO-8601 date"));
    }

    @Override
    public JsonNode write(Object value) {
        return TextNode.valueOf(writeAsDateTime ? value + "T00:00:00" : value.toString());
    }
}
