package dev.millwright.simulators.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The record API's {@code q} filter: conditions {@code <field> <OPERATOR> <value>} joined with {@code AND} or
 * {@code OR} (AND binds tighter). Dates and date-times take quoted values in the account's date format
 * ({@code lastModifiedDate ON_OR_AFTER "1/15/2024 10:30 am"}); text takes {@code IS}, {@code IS_NOT},
 * {@code CONTAIN}, {@code START_WITH}, {@code EMPTY}, {@code EMPTY_NOT}; numbers and references {@code EQUAL},
 * {@code GREATER}, {@code GREATER_OR_EQUAL}, {@code LESS}, {@code LESS_OR_EQUAL}, {@code ANY_OF}; booleans
 * {@code IS}.
 */
final class RecordFilter {

    private final RecordTypeDef type;
    private final AccountDates dates;
    private final String text;
    private int position;

    private RecordFilter(RecordTypeDef type, AccountDates dates, String text) {
        this.type = type;
        this.dates = dates;
        this.text = text;
    }

    static Predicate<NsRecord> parse(RecordTypeDef type, AccountDates dates, String q) {
        if (q == null || q.isBlank()) {
            return record -> true;
        }
        RecordFilter parser = new RecordFilter(type, dates, q);
        Predicate<NsRecord> filter = parser.or();
        parser.skipSpaces();
        if (parser.position < q.length()) {
            throw NetSuiteErrors.badRecordQuery("Unexpected text at position " + parser.position + ".");
        }
        return filter;
    }

    private Predicate<NsRecord> or() {
        Predicate<NsRecord> result = and();
        while (keyword("OR")) {
            result = result.or(and());
        }
        return result;
    }

    private Predicate<NsRecord> and() {
        Predicate<NsRecord> result = condition();
        while (keyword("AND")) {
            result = result.and(condition());
        }
        return result;
    }

    private Predicate<NsRecord> condition() {
        String name = word();
        FieldDef field = type.field(name);
        if (field == null || field.placement() == FieldDef.Placement.ADDRESS) {
            throw NetSuiteErrors.badRecordQuery("The field '" + name + "' does not exist on record type '"
                    + type.name + "'.");
        }
        int index = type.index(field.rest());
        String operator = word().toUpperCase(Locale.ROOT);
        if (operator.equals("EMPTY") || operator.equals("EMPTY_NOT")) {
            boolean empty = operator.equals("EMPTY");
            return record -> (record.values[index] == null) == empty;
        }
        List<String> values = values();
        return switch (field.kind()) {
            case DATE, DATETIME -> dateCondition(field, index, operator, values.get(0));
            case INTEGER, DECIMAL, REF -> numberCondition(index, operator, values, field.kind());
            case BOOLEAN -> {
                boolean expected = Boolean.parseBoolean(values.get(0));
                if (!operator.equals("IS")) {
                    throw unsupported(operator, field);
                }
                yield record -> Boolean.valueOf(expected).equals(record.values[index]);
            }
            default -> textCondition(field, index, operator, values.get(0));
        };
    }

    private Predicate<NsRecord> dateCondition(FieldDef field, int index, String operator, String value) {
        long bound = dates.parseQueryDateTime(value);
        boolean dateOnly = field.kind() == FieldKind.DATE;
        long day = dates.epochDayOf(bound);
        return record -> {
            Object stored = record.values[index];
            if (stored == null) {
                return false;
            }
            long seconds = dateOnly ? java.time.LocalDate.ofEpochDay((Long) stored).atStartOfDay(dates.zone())
                    .toEpochSecond() : (Long) stored;
            long storedDay = dateOnly ? (Long) stored : dates.epochDayOf(seconds);
            return switch (operator) {
                case "AFTER" -> seconds > bound;
                case "ON_OR_AFTER" -> seconds >= bound;
                case "BEFORE" -> seconds < bound;
                case "ON_OR_BEFORE" -> seconds <= bound;
                case "ON" -> storedDay == day;
                default -> throw unsupported(operator, field);
            };
        };
    }

    private Predicate<NsRecord> numberCondition(int index, String operator, List<String> values, FieldKind kind) {
        List<BigDecimal> numbers = new ArrayList<>();
        for (String value : values) {
            try {
                numbers.add(new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw NetSuiteErrors.badRecordQuery("'" + value + "' is not a number.");
            }
        }
        BigDecimal first = numbers.get(0);
        return record -> {
            Object stored = record.values[index];
            if (stored == null) {
                return false;
            }
            BigDecimal number = stored instanceof BigDecimal decimal ? decimal : BigDecimal.valueOf((Long) stored);
            int order = number.compareTo(first);
            return switch (operator) {
                case "EQUAL" -> order == 0;
                case "EQUAL_NOT" -> order != 0;
                case "GREATER" -> order > 0;
                case "GREATER_OR_EQUAL" -> order >= 0;
                case "LESS" -> order < 0;
                case "LESS_OR_EQUAL" -> order <= 0;
                case "ANY_OF" -> numbers.stream().anyMatch(n -> n.compareTo(number) == 0);
                case "ANY_OF_NOT" -> numbers.stream().noneMatch(n -> n.compareTo(number) == 0);
                default -> throw NetSuiteErrors.badRecordQuery("The operator " + operator + " does not apply to "
                        + kind.name().toLowerCase(Locale.ROOT) + " fields.");
            };
        };
    }

    private Predicate<NsRecord> textCondition(FieldDef field, int index, String operator, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return record -> {
            Object stored = record.values[index];
            String text = stored == null ? "" : stored.toString().toLowerCase(Locale.ROOT);
            return switch (operator) {
                case "IS" -> text.equals(lower);
                case "IS_NOT" -> !text.equals(lower);
                case "CONTAIN" -> text.contains(lower);
                case "CONTAIN_NOT" -> !text.contains(lower);
                case "START_WITH" -> text.startsWith(lower);
                case "END_WITH" -> text.endsWith(lower);
                default -> throw unsupported(operator, field);
            };
        };
    }

    private static NetSuiteException unsupported(String operator, FieldDef field) {
        return NetSuiteErrors.badRecordQuery("The operator " + operator + " does not apply to the field '"
                + field.rest() + "'.");
    }

    // ---- lexing ----

    private List<String> values() {
        List<String> values = new ArrayList<>();
        values.add(value());
        while (peekChar() == ',') {
            position++;
            values.add(value());
        }
        return values;
    }

    private String value() {
        skipSpaces();
        if (position < text.length() && text.charAt(position) == '"') {
            int end = text.indexOf('"', position + 1);
            if (end < 0) {
                throw NetSuiteErrors.badRecordQuery("Unterminated quoted value.");
            }
            String value = text.substring(position + 1, end);
            position = end + 1;
            return value;
        }
        return word();
    }

    private String word() {
        skipSpaces();
        int start = position;
        while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                && text.charAt(position) != ',' && text.charAt(position) != '"') {
            position++;
        }
        if (start == position) {
            throw NetSuiteErrors.badRecordQuery("Expected a field, an operator or a value at position " + start + ".");
        }
        return text.substring(start, position);
    }

    private boolean keyword(String keyword) {
        skipSpaces();
        int end = position + keyword.length();
        if (end <= text.length() && text.substring(position, end).equalsIgnoreCase(keyword)
                && (end == text.length() || Character.isWhitespace(text.charAt(end)))) {
            position = end;
            return true;
        }
        return false;
    }

    private char peekChar() {
        skipSpaces();
        return position < text.length() ? text.charAt(position) : 0;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
