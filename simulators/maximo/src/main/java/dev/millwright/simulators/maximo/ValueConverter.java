package dev.millwright.simulators.maximo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;

/**
 * Converts values arriving in JSON bodies or through the Java data access methods into the stored form
 * of an attribute's type: String, Integer, Double, Boolean, or epoch seconds (Long) for date-times.
 */
final class ValueConverter {
    private final MaximoDates dates;

    ValueConverter(MaximoDates dates) {
        this.dates = dates;
    }

    /**
     * @throws MaximoException 400 when the value does not fit the type or the attribute's domain
     */
    Object convert(Attribute attribute, Object value) {
        if (value == null) {
            return null;
        }
        return switch (attribute.type()) {
            case STRING -> toText(attribute, value);
            case INTEGER -> toInteger(attribute, value);
            case DECIMAL -> toDecimal(attribute, value);
            case BOOLEAN -> toBoolean(attribute, value);
            case DATETIME -> toEpochSeconds(attribute, value);
        };
    }

    private static Object toText(Attribute attribute, Object value) {
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof Character)) {
            throw MaximoErrors.invalidValue(attribute, value, "a string");
        }
        String text = value.toString();
        if (attribute.domain() != null) {
            // Domain-bound attributes are UPPER in Maximo: the value is upper-cased before validation.
            text = text.toUpperCase(Locale.ROOT);
            if (!attribute.domain().contains(text)) {
                throw MaximoErrors.notInDomain(attribute, text);
            }
        }
        return text;
    }

    private static Integer toInteger(Attribute attribute, Object value) {
        try {
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).intValue();
            }
            if (value instanceof Number number) {
                double d = number.doubleValue();
                if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                    return (int) d;
                }
            } else if (value instanceof String text) {
                return Integer.valueOf(text.trim());
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw MaximoErrors.invalidValue(attribute, value, "an integer");
    }

    private static Double toDecimal(Attribute attribute, Object value) {
        try {
            if (value instanceof Number number) {
                return number.doubleValue();
            }
            if (value instanceof String text) {
                return Double.valueOf(text.trim());
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw MaximoErrors.invalidValue(attribute, value, "a number");
    }

    private static Boolean toBoolean(Attribute attribute, Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "true", "1", "y", "yes":
                return Boolean.TRUE;
            case "false", "0", "n", "no":
                return Boolean.FALSE;
            default:
                throw MaximoErrors.invalidValue(attribute, value, "a boolean");
        }
    }

    private Long toEpochSeconds(Attribute attribute, Object value) {
        try {
            if (value instanceof String text) {
                return dates.parse(text);
            }
            if (value instanceof Instant instant) {
                return instant.getEpochSecond();
            }
            if (value instanceof OffsetDateTime odt) {
                return odt.toEpochSecond();
            }
            if (value instanceof ZonedDateTime zdt) {
                return zdt.toEpochSecond();
            }
            if (value instanceof LocalDateTime ldt) {
                return ldt.atZone(dates.zone()).toEpochSecond();
            }
            if (value instanceof LocalDate date) {
                return date.atStartOfDay(dates.zone()).toEpochSecond();
            }
            if (value instanceof Date date) {
                return Math.floorDiv(date.getTime(), 1000L);
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        throw MaximoErrors.invalidValue(attribute, value, "an ISO-8601 date-time");
    }
}
