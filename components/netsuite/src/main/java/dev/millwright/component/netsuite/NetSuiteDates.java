package dev.millwright.component.netsuite;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Date-times as the integration user's preferences shape them: SuiteQL takes and gives local date-times of the
 * user's time zone ({@code TO_TIMESTAMP('2024-01-15 10:30:00', 'YYYY-MM-DD HH24:MI:SS')}, TO_CHAR with the same
 * model), the record API's {@code q} filter takes the user's date format ({@code 1/15/2024 10:30 AM}), and the record
 * API itself speaks ISO-8601 UTC.
 */
final class NetSuiteDates {

    /** The Oracle format model of SuiteQL date-time literals and TO_CHAR values. */
    static final String TIMESTAMP_MODEL = "YYYY-MM-DD HH24:MI:SS";
    static final String DATE_MODEL = "YYYY-MM-DD";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private final ZoneId zone;
    private final DateTimeFormatter queryFormat;

    NetSuiteDates(ZoneId zone, String queryPattern) {
        this.zone = zone;
        this.queryFormat = DateTimeFormatter.ofPattern(queryPattern, Locale.US);
    }

    /** The SuiteQL literal text of an instant, in the user's zone, to the second (truncated: the filter is >=). */
    String suiteQlTimestamp(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), zone));
    }

    /** The instant of a SuiteQL TO_CHAR date-time of the user's zone. */
    Instant fromSuiteQl(String text) {
        return LocalDateTime.parse(text, TIMESTAMP).atZone(zone).toInstant();
    }

    /** A date-time of the record API's q filter: the user's format and zone (minutes, by default: truncated). */
    String queryLiteral(Instant instant) {
        return queryFormat.format(instant.atZone(zone));
    }

    static boolean isSuiteQlTimestamp(String text) {
        try {
            LocalDateTime.parse(text, TIMESTAMP);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Checks a time zone and a query format, naming the option at fault. */
    static NetSuiteDates of(String zone, String queryPattern) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("timeZone '" + zone + "' is not a time zone id (America/Chicago)", e);
        }
        try {
            return new NetSuiteDates(zoneId, queryPattern);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("queryDateFormat '" + queryPattern + "' is not a date-time pattern", e);
        }
    }
}
