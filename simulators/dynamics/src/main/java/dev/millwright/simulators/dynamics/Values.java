package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts values between the JSON of requests, the Java values of the data access methods, and the stored form
 * of a property (see {@link BcRecord#get}). JSON null stands for BC's blank value of the type.
 */
final class Values {
    private Values() {
    }

    /**
     * The stored form of a JSON request value, checked as BC checks it.
     *
     * @throws BcException 400 for a value of the wrong type, text too long or an option BC does not have
     */
    static Object fromJson(Property property, JsonNode node) {
        if (node == null || node.isNull()) {
            return blank(property);
        }
        PropertyType type = property.type();
        try {
            switch (type) {
                case TEXT -> {
                    if (!node.isTextual()) {
                        break;
                    }
                    String text = node.textValue();
                    if (property.maxLength() > 0 && text.length() > property.maxLength()) {
                        throw BcErrors.tooLong(property, text);
                    }
                    return text;
                }
                case OPTION -> {
                    if (!node.isTextual()) {
                        break;
                    }
                    String text = node.textValue();
                    for (String option : property.options()) {
                        if (option.equalsIgnoreCase(text) || option.isBlank() && text.isEmpty()) {
                            return option;
                        }
                    }
                    throw BcErrors.notAnOption(property, text);
                }
                case GUID -> {
                    if (!node.isTextual()) {
                        break;
                    }
                    return UUID.fromString(node.textValue());
                }
                case BOOLEAN -> {
                    if (!node.isBoolean()) {
                        break;
                    }
                    return node.booleanValue();
                }
                case DECIMAL -> {
                    if (!node.isNumber()) {
                        break;
                    }
                    BigDecimal value = node.decimalValue();
                    if (!Decimals.fits(value)) {
                        throw BcErrors.badRequest("The value " + value + " of '" + property.name()
                                + "' is outside the range of a decimal.");
                    }
                    return Decimals.scale(value);
                }
                case INTEGER -> {
                    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                        break;
                    }
                    return node.longValue();
                }
                case DATE -> {
                    if (!node.isTextual()) {
                        break;
                    }
                    return LocalDate.parse(node.textValue()).toEpochDay();
                }
                case DATETIME -> {
                    if (!node.isTextual()) {
                        break;
                    }
                    return OffsetDateTime.parse(node.textValue()).toInstant().toEpochMilli();
                }
                default -> throw new IllegalStateException("unknown type " + type);
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            if (e instanceof BcException bc) {
                throw bc;
            }
            throw BcErrors.invalidValue(property, node.asText());
        }
        throw BcErrors.invalidValue(property, node.toString());
    }

    /**
     * The stored form of a Java value given to a data access method: String, Number, Boolean, UUID, and for
     * dates and times an ISO-8601 String, LocalDate, Instant, OffsetDateTime, ZonedDateTime or LocalDateTime (UTC).
     */
    static Object fromJava(Property property, Object value) {
        if (value == null) {
            return blank(property);
        }
        switch (property.type()) {
            case DATE -> {
                if (value instanceof LocalDate date) {
                    return date.toEpochDay();
                }
                if (value instanceof String text) {
                    return LocalDate.parse(text).toEpochDay();
                }
            }
            case DATETIME -> {
                if (value instanceof Instant instant) {
                    return instant.toEpochMilli();
                }
                if (value instanceof OffsetDateTime time) {
                    return time.toInstant().toEpochMilli();
                }
                if (value instanceof ZonedDateTime time) {
                    return time.toInstant().toEpochMilli();
                }
                if (value instanceof LocalDateTime time) {
                    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
                }
                if (value instanceof String text) {
                    return OffsetDateTime.parse(text).toInstant().toEpochMilli();
                }
            }
            case GUID -> {
                if (value instanceof UUID id) {
                    return id;
                }
                if (value instanceof String text) {
                    return UUID.fromString(text);
                }
            }
            case DECIMAL -> {
                if (value instanceof BigDecimal decimal) {
                    return Decimals.scale(decimal);
                }
                if (value instanceof Number number) {
                    return Decimals.scale(new BigDecimal(number.toString()));
                }
            }
            case INTEGER -> {
                if (value instanceof Number number) {
                    return number.longValue();
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    return flag;
                }
            }
            case TEXT, OPTION -> {
                if (value instanceof String text) {
                    return text;
                }
            }
            default -> throw new IllegalStateException("unknown type " + property.type());
        }
        throw new IllegalArgumentException("'" + value + "' (" + value.getClass().getSimpleName()
                + ") is not a value of " + property.name() + " (" + property.type().edmName() + ")");
    }

    static Object blank(Property property) {
        return switch (property.type()) {
            case TEXT -> "";
            case OPTION -> property.options().get(0);
            case GUID -> BcRecord.BLANK_GUID;
            case BOOLEAN -> Boolean.FALSE;
            case DATE -> BcRecord.BLANK_DATE_DAY;
            case DECIMAL, INTEGER, DATETIME -> 0L;
        };
    }
}
