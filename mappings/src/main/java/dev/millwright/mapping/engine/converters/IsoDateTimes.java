package dev.millwright.mapping.engine.converters;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-time and date parsing. The common forms ({@code 2024-01-15T10:30:00-05:00},
 * {@code 2024-01-15T15:30:00.123Z}, {@code 2024-01-15T10:30}) are parsed by hand: they sit on the mapping
 * hot path, several per record, and {@link DateTimeFormatter} is an order of magnitude slower. Anything
 * else falls back to {@link DateTimeFormatter#ISO_DATE_TIME}.
 */
public final class IsoDateTimes {

    private static final long DAYS_0000_TO_1970 = 719_528L;
    private static final int NO_OFFSET = Integer.MIN_VALUE;

    private IsoDateTimes() {
    }

    /**
     * The instant of an ISO-8601 date-time with an offset or {@code Z}, or of a local date-time in
     * {@code zone}; seconds and fractions of a second are optional, {@code T} may be a space.
     *
     * @throws DateTimeException when {@code text} is none of these
     */
    public static Instant parseDateTime(String text, ZoneId zone) {
        Instant fast = parseCommonForm(text, zone);
        if (fast != null) {
            return fast;
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim().replace(' ', 'T'),
                    ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant();
            }
            return ((LocalDateTime) parsed).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new DateTimeException("not an ISO-8601 date-time", e);
        }
    }

    /**
     * The date of an ISO-8601 date ({@code 2024-01-15}), or the date part, as written, of an ISO-8601
     * date-time ({@code 2024-01-15T22:00:00-05:00} is the 15th).
     *
     * @throws DateTimeException when {@code text} is neither
     */
    public static LocalDate parseDate(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 10 && (trimmed.charAt(10) == 'T' || trimmed.charAt(10) == 't'
                || trimmed.charAt(10) == ' ')) {
            parseDateTime(trimmed, ZoneOffset.UTC); // only to reject a malformed time part
            trimmed = trimmed.substring(0, 10);
        }
        if (trimmed.length() == 10 && digits(trimmed, 0, 4) && trimmed.charAt(4) == '-' && digits(trimmed, 5, 2)
                && trimmed.charAt(7) == '-' && digits(trimmed, 8, 2)) {
            return LocalDate.of(number(trimmed, 0, 4), number(trimmed, 5, 2), number(trimmed, 8, 2));
        }
        try {
            return LocalDate.parse(trimmed);
        } catch (DateTimeException e) {
            throw new DateTimeException("not an ISO-8601 date", e);
        }
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.fffffffff]][Z|±HH[[:]mm]]}, or null for anything else. */
    private static Instant parseCommonForm(String text, ZoneId zone) {
        int length = text.length();
        if (length < 16 || !digits(text, 0, 4) || text.charAt(4) != '-' || !digits(text, 5, 2)
                || text.charAt(7) != '-' || !digits(text, 8, 2) || "Tt ".indexOf(text.charAt(10)) < 0
                || !digits(text, 11, 2) || text.charAt(13) != ':' || !digits(text, 14, 2)) {
            return null;
        }
        int position = 16;
        int second = 0;
        int nano = 0;
        if (position < length && text.charAt(position) == ':') {
            if (!digits(text, position + 1, 2)) {
                return null;
            }
            second = number(text, position + 1, 2);
            position += 3;
            if (position < length && (text.charAt(position) == '.' || text.charAt(position) == ',')) {
                int start = ++position;
                while (position < length && Character.isDigit(text.charAt(position)) && position - start < 9) {
                    nano = nano * 10 + (text.charAt(position) - '0');
                    position++;
                }
                int fractionDigits = position - start;
                if (fractionDigits == 0 || position < length && Character.isDigit(text.charAt(position))) {
                    return null;
                }
                for (int i = fractionDigits; i < 9; i++) {
                    nano *= 10;
                }
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            // let java.time say precisely what is out of range
            LocalDateTime.of(year, month, day, hour, minute, second, nano);
        }
        int offsetSeconds;
        if (position == length) {
            if (!(zone instanceof ZoneOffset fixed)) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nano).atZone(zone).toInstant();
            }
            offsetSeconds = fixed.getTotalSeconds();
        } else {
            offsetSeconds = offsetSeconds(text, position);
            if (offsetSeconds == NO_OFFSET) {
                return null;
            }
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second
                - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** Days since 1970-01-01 of a valid date, as {@link LocalDate#toEpochDay()} computes it for years 0-9999. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367L * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeapYear(year) ? 1 : 2;
        }
        return total - DAYS_0000_TO_1970;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** The offset at {@code position} in seconds, or {@link #NO_OFFSET} when there is none. */
    private static int offsetSeconds(String text, int position) {
        int length = text.length();
        char sign = text.charAt(position);
        if ((sign == 'Z' || sign == 'z') && position + 1 == length) {
            return 0;
        }
        if ((sign != '+' && sign != '-') || !digits(text, position + 1, 2)) {
            return NO_OFFSET;
        }
        int hours = number(text, position + 1, 2);
        int minutes = 0;
        int rest = position + 3;
        if (rest < length && text.charAt(rest) == ':') {
            rest++;
        }
        if (rest < length) {
            if (rest + 2 != length || !digits(text, rest, 2)) {
                return NO_OFFSET;
            }
            minutes = number(text, rest, 2);
        }
        if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
            return NO_OFFSET;
        }
        int seconds = hours * 3_600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    private static boolean digits(String text, int start, int count) {
        if (start + count > text.length()) {
            return false;
        }
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return value;
    }

    /** An instant as ISO-8601 text with the offset of {@code zone} ({@code Z} for UTC). */
    public static String format(Instant instant, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return instant.toString();
        }
        return OffsetDateTime.ofInstant(instant, zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
