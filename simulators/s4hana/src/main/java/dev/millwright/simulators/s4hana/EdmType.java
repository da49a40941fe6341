package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EDM types the simulated entities use, with their OData V2 JSON forms as SAP Gateway writes them:
 * {@code Edm.DateTime} as {@code "/Date(1473638400000)/"}, {@code Edm.DateTimeOffset} as
 * {@code "/Date(1583073519000+0000)/"}, {@code Edm.Decimal} as a string with the property's scale,
 * {@code Edm.Time} as {@code "PT14H30M00S"}. Stored values: String, BigDecimal, Boolean, Long (epoch
 * milliseconds for both date types, milliseconds of the day for time).
 */
enum EdmType {
    STRING("Edm.String"),
    DECIMAL("Edm.Decimal"),
    BOOLEAN("Edm.Boolean"),
    DATETIME("Edm.DateTime"),
    DATETIMEOFFSET("Edm.DateTimeOffset"),
    TIME("Edm.Time");

    private static final Pattern JSON_DATE = Pattern.compile("/Date\\((-?\\d{1,18})([+-]\\d{4})?\\)/");
    private static final java.time.format.DateTimeFormatter ISO_LOCAL =
            java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final Pattern DURATION = Pattern.compile("PT(?:(\\d{1,2})H)?(?:(\\d{1,2})M)?(?:(\\d{1,2})S)?");

    final String edmName;

    EdmType(String edmName) {
        this.edmName = edmName;
    }

    /** Writes a stored value; null becomes what SAP sends for an initial value of the type. */
    void write(JsonGenerator json, Object value, int scale) throws IOException {
        switch (this) {
            case STRING -> json.writeString(value == null ? "" : (String) value);
            case DECIMAL -> json.writeString((value == null ? BigDecimal.ZERO : (BigDecimal) value)
                    .setScale(scale, RoundingMode.HALF_UP).toPlainString());
            case BOOLEAN -> json.writeBoolean(value != null && (Boolean) value);
            case DATETIME -> {
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString("/Date(" + value + ")/");
                }
            }
            case DATETIMEOFFSET -> {
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString("/Date(" + value + "+0000)/");
                }
            }
            case TIME -> {
                long millis = value == null ? 0 : (Long) value;
                long seconds = millis / 1000;
                json.writeString(String.format("PT%02dH%02dM%02dS", seconds / 3600, seconds / 60 % 60, seconds % 60));
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /**
     * Reads a value a client sent in a request body.
     *
     * @throws IllegalArgumentException saying why the value is not of this type
     */
    Object read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText();
        switch (this) {
            case STRING -> {
                if (!node.isValueNode()) {
                    throw new IllegalArgumentException("a string is expected");
                }
                return text;
            }
            case DECIMAL -> {
                if (!(node.isNumber() || node.isTextual())) {
                    throw new IllegalArgumentException("a decimal is expected");
                }
                try {
                    return new BigDecimal(text.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a decimal");
                }
            }
            case BOOLEAN -> {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("true or false is expected");
            }
            case DATETIME, DATETIMEOFFSET -> {
                return parseDate(text);
            }
            case TIME -> {
                Matcher matcher = DURATION.matcher(text);
                if (!matcher.matches()) {
                    throw new IllegalArgumentException("a time like PT14H30M00S is expected");
                }
                long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
                long minutes = matcher.group(2) == null ? 0 : Long.parseLong(matcher.group(2));
                long seconds = matcher.group(3) == null ? 0 : Long.parseLong(matcher.group(3));
                return ((hours * 60 + minutes) * 60 + seconds) * 1000;
            }
            default -> throw new IllegalStateException(name());
        }
    }

    /** Epoch milliseconds of {@code /Date(ms)/}, {@code /Date(ms+0000)/} or an ISO date-time (local ones UTC). */
    static long parseDate(String text) {
        Matcher matcher = JSON_DATE.matcher(text.trim());
        if (matcher.matches()) {
            return Long.parseLong(matcher.group(1));
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().toEpochMilli();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException notLocal) {
                throw new IllegalArgumentException("a date like /Date(1473638400000)/ is expected");
            }
        }
    }

    /** The ISO form used in key predicates and ETags, e.g. {@code 2024-01-15T10:30:00}. */
    static String isoLocal(long millis) {
        return ISO_LOCAL.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }
}
