package dev.millwright.simulators.prometheusgroup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies the fields of a create or an update to a row's values, checking them as the planning API does: types,
 * allowed values, fields a client may not write, required fields, and the work-order rules (the planned finish is
 * not before the planned start; a schedule week reads like {@code 2024-W23} and follows the planned start unless
 * given). Every problem is collected, so one answer names every field at fault.
 */
final class RecordEditor {

    enum Mode { CREATE, UPDATE }

    private static final Pattern WEEK = Pattern.compile("\\d{4}-W(0[1-9]|[1-4]\\d|5[0-3])");

    private RecordEditor() {
    }

    /**
     * The new values, or an {@link ApiError} (422) naming every problem.
     *
     * @param byClient whether a client sent the change (it may not write read-only or server-kept fields)
     */
    static Object[] apply(Schema schema, Object[] base, Map<String, ?> changes, Mode mode, boolean byClient) {
        Object[] values = base == null ? new Object[schema.fields.size()] : Arrays.copyOf(base, base.length);
        List<ApiError.Problem> problems = new ArrayList<>();
        for (Map.Entry<String, ?> change : changes.entrySet()) {
            String name = change.getKey();
            int position = schema.position(name);
            if (position < 0) {
                problems.add(new ApiError.Problem(name, schema.isServerField(name) ? "READ_ONLY" : "UNKNOWN_FIELD",
                        schema.isServerField(name) ? name + " is set by the server"
                                : name + " is not a field of " + schema.resource));
                continue;
            }
            Field field = schema.field(position);
            if (byClient && (field.access() == Field.Access.READ_ONLY
                    || field.access() == Field.Access.CREATE_ONLY && mode == Mode.UPDATE)) {
                problems.add(new ApiError.Problem(name, "READ_ONLY", name + " cannot be changed"
                        + (field.access() == Field.Access.CREATE_ONLY ? " after the record is created" : "")));
                continue;
            }
            try {
                Object value = convert(field, change.getValue());
                if (value != null && !field.domain().isEmpty() && !field.domain().contains(value.toString())) {
                    problems.add(new ApiError.Problem(name, "INVALID_VALUE", "'" + value + "' is not a valid "
                            + name + "; valid values: " + String.join(", ", field.domain().stream().sorted().toList())));
                    continue;
                }
                values[position] = value;
            } catch (IllegalArgumentException e) {
                problems.add(new ApiError.Problem(name, "INVALID_TYPE", e.getMessage()));
            }
        }
        if (mode == Mode.CREATE) {
            for (int i = 0; i < schema.fields.size(); i++) {
                Field field = schema.field(i);
                if (field.required() && (values[i] == null || values[i].toString().isBlank())) {
                    problems.add(new ApiError.Problem(field.name(), "REQUIRED", field.name() + " is required"));
                }
            }
        }
        if (schema == Schemas.WORK_ORDERS) {
            workOrderRules(schema, values, changes, problems);
        }
        if (!problems.isEmpty()) {
            throw ApiError.validation(problems);
        }
        return values;
    }

    private static void workOrderRules(Schema schema, Object[] values, Map<String, ?> changes,
            List<ApiError.Problem> problems) {
        int start = schema.position("plannedStart");
        int finish = schema.position("plannedFinish");
        int week = schema.position("scheduleWeek");
        int priority = schema.position("priority");
        if (values[start] instanceof Long from && values[finish] instanceof Long to && to < from) {
            problems.add(new ApiError.Problem("plannedFinish", "BEFORE_START",
                    "plannedFinish must not be before plannedStart"));
        }
        if (values[week] instanceof String text && !WEEK.matcher(text).matches()) {
            problems.add(new ApiError.Problem("scheduleWeek", "INVALID_FORMAT",
                    "scheduleWeek must read like 2024-W23, not '" + text + "'"));
        }
        if (changes.containsKey("plannedStart") && !changes.containsKey("scheduleWeek")) {
            values[week] = values[start] instanceof Long from ? Dates.week(from) : null;
        }
        if (values[priority] instanceof Long level && (level < 1 || level > 5)) {
            problems.add(new ApiError.Problem("priority", "OUT_OF_RANGE", "priority must be within 1 and 5"));
        }
    }

    /** A JSON or Java value as the field holds it. */
    static Object convert(Field field, Object value) {
        if (value == null) {
            return null;
        }
        String name = field.name();
        return switch (field.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException(name + " must be text");
                }
                yield text;
            }
            case INTEGER -> {
                if (value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof BigInteger) {
                    yield ((Number) value).longValue();
                }
                if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
                    yield decimal.longValueExact();
                }
                throw new IllegalArgumentException(name + " must be a whole number");
            }
            case DECIMAL -> {
                if (value instanceof BigDecimal decimal) {
                    yield decimal;
                }
                if (value instanceof Number number) {
                    yield new BigDecimal(number.toString());
                }
                throw new IllegalArgumentException(name + " must be a number");
            }
            case DATETIME -> {
                if (value instanceof Instant instant) {
                    yield instant.toEpochMilli();
                }
                if (value instanceof OffsetDateTime time) {
                    yield time.toInstant().toEpochMilli();
                }
                if (value instanceof ZonedDateTime time) {
                    yield time.toInstant().toEpochMilli();
                }
                if (value instanceof String text) {
                    try {
                        yield Dates.parseInstant(text);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(name + " must be an ISO-8601 date-time with offset,"
                                + " not '" + text + "'");
                    }
                }
                throw new IllegalArgumentException(name + " must be an ISO-8601 date-time");
            }
            case DATE -> {
                if (value instanceof LocalDate date) {
                    yield date;
                }
                if (value instanceof String text) {
                    try {
                        yield Dates.parseDate(text);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException(name + " must be an ISO-8601 date, not '" + text + "'");
                    }
                }
                throw new IllegalArgumentException(name + " must be an ISO-8601 date");
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    yield flag;
                }
                throw new IllegalArgumentException(name + " must be true or false");
            }
        };
    }
}
