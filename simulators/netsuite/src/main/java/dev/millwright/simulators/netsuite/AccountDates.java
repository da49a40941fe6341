package dev.millwright.simulators.netsuite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dates as a NetSuite account shows them. The record API speaks ISO-8601 (dates {@code 2024-01-15}, date-times in
 * UTC {@code 2024-01-15T16:20:00Z}); SuiteQL and the record API's {@code q} filter speak the user's preferences:
 * the time zone, and the date format ({@code M/d/yyyy} by default) in which SuiteQL renders every date and
 * date-time column (date-times lose their time unless the query formats them with TO_CHAR).
 */
final class AccountDates {

    private final ZoneId zone;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter queryDateTime;
    private final DateTimeFormatter queryDate;
    private final Map<String, DateTimeFormatter> oracleFormats = new ConcurrentHashMap<>();

    AccountDates(ZoneId zone, String datePattern, String timePattern) {
        this.zone = zone;
        this.dateFormat = DateTimeFormatter.ofPattern(datePattern, Locale.US);
        this.queryDate = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(datePattern)
                .toFormatter(Locale.US);
        this.queryDateTime = new DateTimeFormatterBuilder().parseCaseInsensitive()
                .appendPattern(datePattern + " " + timePattern).toFormatter(Locale.US);
    }

    ZoneId zone() {
        return zone;
    }

    String restDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }

    String restDateTime(long epochSecond) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond));
    }

    /** How SuiteQL renders a date or date-time column without TO_CHAR: the date only, in the account format. */
    String suiteQlDate(FieldKind kind, long value) {
        LocalDate date = kind == FieldKind.DATE ? LocalDate.ofEpochDay(value)
                : LocalDate.ofInstant(Instant.ofEpochSecond(value), zone);
        return dateFormat.format(date);
    }

    /** TO_CHAR of a date or date-time with an Oracle format model, in the account's time zone. */
    String toChar(FieldKind kind, long value, String oracleFormat) {
        LocalDateTime local = kind == FieldKind.DATE ? LocalDate.ofEpochDay(value).atStartOfDay()
                : LocalDateTime.ofInstant(Instant.ofEpochSecond(value), zone);
        return oracle(oracleFormat).format(local);
    }

    /** TO_TIMESTAMP / TO_DATE: the epoch second of a local date-time of the account's zone. */
    long toEpochSecond(String text, String oracleFormat) {
        DateTimeFormatter format = oracle(oracleFormat);
        try {
            var parsed = format.parse(text);
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                    ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            return date.atTime(time).atZone(zone).toEpochSecond();
        } catch (DateTimeException e) {
            throw NetSuiteErrors.badQuery("The literal '" + text + "' does not match the format '" + oracleFormat
                    + "'");
        }
    }

    /** A date-time of a record API {@code q} filter, in the account's format and zone; a bare date is midnight. */
    long parseQueryDateTime(String text) {
        try {
            return LocalDateTime.parse(text, queryDateTime).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(text, queryDate).atStartOfDay(zone).toEpochSecond();
            } catch (DateTimeParseException notDate) {
                throw NetSuiteErrors.badRecordQuery("Invalid date value '" + text + "'. Use the date format of your"
                        + " user preferences.");
            }
        }
    }

    /** The local date (in the account zone) of an epoch second. */
    long epochDayOf(long epochSecond) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).toEpochDay();
    }

    private DateTimeFormatter oracle(String model) {
        return oracleFormats.computeIfAbsent(model, AccountDates::translate);
    }

    /** Translates an Oracle date format model (YYYY-MM-DD HH24:MI:SS, "T" literals) into a JDK formatter. */
    static DateTimeFormatter translate(String model) {
        StringBuilder pattern = new StringBuilder();
        String upper = model.toUpperCase(Locale.ROOT);
        int i = 0;
        while (i < model.length()) {
            char c = model.charAt(i);
            if (c == '"') {
                int end = model.indexOf('"', i + 1);
                if (end < 0) {
                    throw NetSuiteErrors.badQuery("Unterminated literal in date format '" + model + "'");
                }
                literal(pattern, model.substring(i + 1, end));
                i = end + 1;
            } else if (upper.startsWith("YYYY", i)) {
                pattern.append("uuuu");
                i += 4;
            } else if (upper.startsWith("HH24", i)) {
                pattern.append("HH");
                i += 4;
            } else if (upper.startsWith("HH12", i)) {
                pattern.append("hh");
                i += 4;
            } else if (upper.startsWith("HH", i)) {
                pattern.append("hh");
                i += 2;
            } else if (upper.startsWith("MI", i)) {
                pattern.append("mm");
                i += 2;
            } else if (upper.startsWith("MM", i)) {
                pattern.append("MM");
                i += 2;
            } else if (upper.startsWith("DD", i)) {
                pattern.append("dd");
                i += 2;
            } else if (upper.startsWith("SS", i)) {
                pattern.append("ss");
                i += 2;
            } else if (upper.startsWith("AM", i) || upper.startsWith("PM", i)) {
                pattern.append("a");
                i += 2;
            } else if (Character.isLetter(c)) {
                throw NetSuiteErrors.badQuery("Unsupported element in date format '" + model + "'");
            } else {
                literal(pattern, String.valueOf(c));
                i++;
            }
        }
        return DateTimeFormatter.ofPattern(pattern.toString(), Locale.US).withResolverStyle(ResolverStyle.STRICT);
    }

    private static void literal(StringBuilder pattern, String text) {
        pattern.append('\'').append(text.replace("'", "''")).append('\'');
    }
}
