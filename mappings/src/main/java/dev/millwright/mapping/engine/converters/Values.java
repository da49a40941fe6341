package dev.millwright.mapping.engine.converters;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/** Small checks shared by the standard converters. */
final class Values {

    private Values() {
    }

    /** The text of a JSON string, or a failure saying {@code expected} was expected. */
    static String text(JsonNode value, String expected) {
        if (!value.isTextual()) {
            throw new IllegalArgumentException("expected " + expected + " as text, not " + kind(value));
        }
        return value.textValue();
    }

    static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number", e);
        }
    }

    /** "a number", "an object", ... for messages. */
    static String kind(JsonNode value) {
        String kind = value.getNodeType().name().toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
