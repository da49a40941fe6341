package dev.millwright.simulators.prometheusgroup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The planning API's date forms: ISO-8601 UTC instants with milliseconds, ISO dates, ISO week names. */
final class Dates {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private Dates() {
    }

    static String instant(long epochMillis) {
        return INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }

    /** Reads an ISO-8601 instant or offset date-time into epoch milliseconds. */
    static long parseInstant(String text) {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        }
    }

    static LocalDate parseDate(String text) {
        return LocalDate.parse(text);
    }

    /** The ISO week of an instant, e.g. {@code 2024-W23}. */
    static String week(long epochMillis) {
        LocalDate date = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).toLocalDate();
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR),
                date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
