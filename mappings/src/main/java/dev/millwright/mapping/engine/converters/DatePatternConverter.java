package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** {@code date_pattern}: dates in a {@link DateTimeFormatter} {@code pattern} such as {@code dd.MM.yyyy}. */
final class DatePatternConverter implements Converter {

    private final DateTimeFormatter formatter;

    DatePatternConverter(DateTimeFormatter formatter) {
        this.formatter = formatter;
    }

    @Override
    public Class<?> valueType() {
        return LocalDate.class;
    }

    @Override
    public Object read(JsonNode value) {
        return LocalDate.parse(Values.text(value, "a date").trim(), formatter);
    }

    @Override
    public JsonNode write(Object value) {
        return TextNode.valueOf(formatter.format((LocalDate) value));
    }
}
