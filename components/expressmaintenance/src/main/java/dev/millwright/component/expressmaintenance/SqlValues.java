package dev.millwright.component.expressmaintenance;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.millwright.component.expressmaintenance.profile.Column;

/**
 * Converts column values to raw-record JSON and back. Date-times of TIMESTAMP columns are local times of the
 * profile's zone: they are read as ISO-8601 with that zone's offset ({@code 2024-03-01T08:30:00-06:00}) and
 * written back as local times of the zone, whatever offset the caller used. DATE columns read as
 * {@code 2024-03-01}; numbers as JSON numbers (decimals exactly); text as text.
 */
final class SqlValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);

    private final ZoneId zone;

    SqlValues(ZoneId zone) {
        this.zone = zone;
    }

    /** A value a caller cannot store: the message says why, in words a field error can carry. */
    static final class InvalidValue extends Exception {
        InvalidValue(String message) {
            super(message);
        }
    }

    JsonNode read(ResultSet result, int index, Column column) throws SQLException {
        JsonNode node = switch (column.type()) {
            case TEXT -> text(result.getString(index));
            case INTEGER -> {
                long value = result.getLong(index);
                yield result.wasNull() ? NullNode.instance : JSON.numberNode(value);
            }
            case DECIMAL -> {
                BigDecimal value = result.getBigDecimal(index);
                yield value == null ? NullNode.instance : JSON.numberNode(value);
            }
            case BOOLEAN -> {
                boolean value = result.getBoolean(index);
                yield result.wasNull() ? NullNode.instance : JSON.booleanNode(value);
            }
            case DATE -> {
                LocalDate value = result.getObject(index, LocalDate.class);
                yield value == null ? NullNode.instance : JSON.textNode(value.toString());
            }
            case TIMESTAMP -> {
                LocalDateTime value = result.getObject(index, LocalDateTime.class);
                yield value == null ? NullNode.instance : JSON.textNode(format(value));
            }
            case TIMESTAMP_WITH_ZONE -> {
                OffsetDateTime value = result.getObject(index, OffsetDateTime.class);
                yield value == null ? NullNode.instance
                        : JSON.textNode(value.toInstant().atZone(zone).toOffsetDateTime()
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            }
            case TIME -> {
                LocalTime value = result.getObject(index, LocalTime.class);
                yield value == null ? NullNode.instance : JSON.textNode(value.toString());
            }
            case OTHER -> text(result.getString(index));
        };
        return result.wasNull() ? NullNode.instance : node;
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.instance : JSON.textNode(value);
    }

    /** A stored local date-time as ISO-8601 with the zone's offset at that time. */
    String format(LocalDateTime local) {
        return ZonedDateTime.of(local, zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The instant a raw record's date-time text means (with offset, or local to the zone), or null. */
    Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    return null;
                }
            }
        }
    }

    /** The JDBC value of an instant for a column of this type. */
    Object instantValue(Instant instant, Column column) {
        return switch (column.type()) {
            case TIMESTAMP_WITH_ZONE -> instant.atZone(zone).toOffsetDateTime();
            case DATE -> LocalDate.ofInstant(instant, zone);
            default -> LocalDateTime.ofInstant(instant, zone);
        };
    }

    /** Binds a raw-record value to a parameter as the column's type needs it. */
    void bind(PreparedStatement statement, int index, JsonNode value, Column column)
            throws SQLException, InvalidValue {
        if (value == null || value.isNull() || value.isMissingNode()) {
            statement.setNull(index, column.sqlType());
            return;
        }
        if (value.isContainerNode()) {
            throw new InvalidValue("expected a single value, not " + (value.isArray() ? "a list" : "an object"));
        }
        String text = value.asText();
        switch (column.type()) {
            case TEXT, OTHER -> {
                if (column.maxLength() > 0 && text.length() > column.maxLength()) {
                    throw new InvalidValue("longer than " + column.maxLength() + " characters (" + text.length() + ")");
                }
                statement.setString(index, text);
            }
            case INTEGER -> {
                try {
                    statement.setLong(index, value.isNumber() ? value.decimalValue().longValueExact()
                            : Long.parseLong(text.strip()));
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new InvalidValue("not a whole number: '" + text + "'");
                }
            }
            case DECIMAL -> {
                try {
                    statement.setBigDecimal(index, value.isNumber() ? value.decimalValue() : new BigDecimal(text.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidValue("not a number: '" + text + "'");
                }
            }
            case BOOLEAN -> statement.setBoolean(index, bool(value));
            case DATE -> statement.setObject(index, date(text));
            case TIMESTAMP -> statement.setObject(index, LocalDateTime.ofInstant(dateTime(text), zone));
            case TIMESTAMP_WITH_ZONE -> statement.setObject(index, dateTime(text).atZone(zone).toOffsetDateTime());
            case TIME -> {
                try {
                    statement.setObject(index, LocalTime.parse(text));
                } catch (DateTimeParseException e) {
                    throw new InvalidValue("not a time (08:30:00): '" + text + "'");
                }
            }
        }
    }

    /** Binds a version text (as a raw record carries it) for the version column. */
    void bindText(PreparedStatement statement, int index, String text, Column column)
            throws SQLException, InvalidValue {
        bind(statement, index, text == null ? NullNode.instance : JSON.textNode(text), column);
    }

    private static boolean bool(JsonNode value) throws InvalidValue {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return switch (value.asText().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes" -> true;
            case "false", "0", "n", "no" -> false;
            default -> throw new InvalidValue("not true or false: '" + value.asText() + "'");
        };
    }

    private LocalDate date(String text) throws InvalidValue {
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidValue("not a date (2024-01-15): '" + text + "'");
        }
    }

    private Instant dateTime(String text) throws InvalidValue {
        Instant instant = instant(text);
        if (instant == null) {
            throw new InvalidValue("not an ISO-8601 date-time (2024-01-15T08:30:00Z): '" + text + "'");
        }
        return instant;
    }
}
