package dev.millwright.mapping.engine;

import dev.millwright.mapping.engine.converters.IsoDateTimes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Between a converter's value type and a canonical field's type: a number read by {@code integer} into a
 * String field becomes its text, a date-time into a date field its UTC date, and back for writes.
 */
final class Coercions {

    private Coercions() {
    }

    /** Whether values of {@code from} can (at least sometimes) become {@code to}; checked when compiling. */
    static boolean possible(Class<?> from, Class<?> to) {
        if (to.isAssignableFrom(from) || from == Object.class) {
            return true;
        }
        boolean number = Number.class.isAssignableFrom(from);
        if (to == String.class) {
            return number || from == Boolean.class || from == Instant.class || from == LocalDate.class;
        }
        if (to == Long.class || to == Integer.class || to == BigDecimal.class) {
            return number || from == String.class;
        }
        if (to == Boolean.class) {
            return from == String.class;
        }
        if (to == Instant.class) {
            return from == LocalDate.class || from == String.class;
        }
        if (to == LocalDate.class) {
            return from == Instant.class || from == String.class;
        }
        return false;
    }

    /**
     * {@code value} as a {@code to}.
     *
     * @throws IllegalArgumentException when it cannot become one
     */
    static Object coerce(Object value, Class<?> to) {
        if (value == null || to.isInstance(value)) {
            return value;
        }
        if (to == String.class) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
        if (to == Long.class) {
            return decimal(value).longValueExact();
        }
        if (to == Integer.class) {
            return decimal(value).intValueExact();
        }
        if (to == BigDecimal.class) {
            return decimal(value);
        }
        if (to == Boolean.class && value instanceof String text) {
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        if (to == Instant.class) {
            if (value instanceof LocalDate date) {
                return date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value instanceof String text) {
                return IsoDateTimes.parseDateTime(text, ZoneOffset.UTC);
            }
        }
        if (to == LocalDate.class) {
            if (value instanceof Instant instant) {
                return LocalDate.ofInstant(instant, ZoneOffset.UTC);
            }
            if (value instanceof String text) {
                return IsoDateTimes.parseDate(text);
            }
        }
        throw new IllegalArgumentException(
                "cannot convert " + value.getClass().getSimpleName() + " '" + value + "' to " + to.getSimpleName());
    }

    private static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString());
            }
            if (value instanceof String text) {
                return new BigDecimal(text.trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number", e);
        }
        throw new IllegalArgumentException("cannot convert " + value.getClass().getSimpleName() + " '" + value
                + "' to a number");
    }
}
