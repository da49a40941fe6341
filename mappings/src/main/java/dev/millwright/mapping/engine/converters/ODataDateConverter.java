package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.millwright.mapping.Converter;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code odata_date}: OData V2 JSON dates, {@code /Date(1473638400000)/} (Edm.DateTime) and
 * {@code /Date(1583073519000+0000)/} (Edm.DateTimeOffset). The milliseconds are UTC in both forms; the
 * offset only tells the sender's local offset, so it does not move the instant. Writes the first form, or
 * the second with {@code with_offset: true}.
 */
final class ODataDateConverter implements Converter {

    private static final Pattern ODATA_DATE = Pattern.compile("/Date\\((-?\\d{1,18})([+-]\\d{1,4})?\\)/");

    private final boolean withOffset;

    ODataDateConverter(boolean withOffset) {
        this.withOffset = withOffset;
    }

    @Override
    public Class<?> valueType() {
        return Instant.class;
    }

    @Override
    public Object read(JsonNode value) {
        Matcher matcher = ODATA_DATE.matcher(Values.text(value, "an OData date").trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an OData date /Date(<milliseconds>[+-<offset>])/");
        }
        return Instant.ofEpochMilli(Long.parseLong(matcher.group(1)));
    }

    @Override
    public JsonNode write(Object value) {
        long millis = ((Instant) value).toEpochMilli();
        return TextNode.valueOf("/Date(" + millis + (withOffset ? "+0000" : "") + ")/");
    }
}
