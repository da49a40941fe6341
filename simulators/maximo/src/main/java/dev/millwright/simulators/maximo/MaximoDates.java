package dev.millwright.simulators.maximo;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes Maximo date-times. Maximo renders {@code 2024-01-15T10:30:00-05:00}: whole seconds and
 * the server's offset, {@code +00:00} rather than {@code Z} for UTC. Formatting is hand-written because a
 * page of 1000 work orders holds about 10,000 dates and DateTimeFormatter alone would take milliseconds.
 */
final class MaximoDates {
    /** Length of a rendered date-time: {@code yyyy-MM-ddTHH:mm:ss+HH:MM}. */
    static final int LENGTH = 25;

    private final ZoneId zone;
    private final ZoneOffset fixedOffset;

    MaximoDates(ZoneId zone) {
        this.zone = zone;
        this.fixedOffset = zone.getRules().isFixedOffset() ? zone.getRules().getOffset(Instant.EPOCH) : null;
    }

    ZoneId zone() {
        return zone;
    }

    String format(long epochSeconds) {
        char[] buffer = new char[LENGTH];
        format(epochSeconds, buffer);
        return new String(buffer);
    }

    /** Writes the date-time into {@code buffer} (at least {@link #LENGTH} chars). */
    void format(long epochSeconds, char[] buffer) {
        ZoneOffset offset = fixedOffset != null ? fixedOffset
                : zone.getRules().getOffset(Instant.ofEpochSecond(epochSeconds));
        int offsetSeconds = offset.getTotalSeconds();
        long local = epochSeconds + offsetSeconds;
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        digits(buffer, 0, date.getYear(), 4);
        buffer[4] = '-';
        digits(buffer, 5, date.getMonthValue(), 2);
        buffer[7] = '-';
        digits(buffer, 8, date.getDayOfMonth(), 2);
        buffer[10] = 'T';
        digits(buffer, 11, secondOfDay / 3600, 2);
        buffer[13] = ':';
        digits(buffer, 14, secondOfDay / 60 % 60, 2);
        buffer[16] = ':';
        digits(buffer, 17, secondOfDay % 60, 2);
        buffer[19] = offsetSeconds < 0 ? '-' : '+';
        int absolute = Math.abs(offsetSeconds);
        digits(buffer, 20, absolute / 3600, 2);
        buffer[22] = ':';
        digits(buffer, 23, absolute / 60 % 60, 2);
    }

    private static void digits(char[] buffer, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Parses a date-time as clients send it: with an offset ({@code -00:00}, {@code +02:00}, {@code Z}),
     * without one (taken in the server's zone) or a bare date (its start in the server's zone).
     *
     * @return epoch seconds, fractions dropped
     * @throws DateTimeException when the text is none of these
     */
    long parse(String text) {
        String trimmed = text.trim();
        try {
            return OffsetDateTime.parse(trimmed).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // fall through to the zone-less forms
        }
        try {
            return LocalDateTime.parse(trimmed).atZone(zone).toEpochSecond();
        } catch (DateTimeParseException ignored) {
            // fall through to a bare date
        }
        return LocalDate.parse(trimmed).atStartOfDay(zone).toEpochSecond();
    }
}
