package dev.millwright.component.prometheusgroup.profile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a system writes a point in time, in records and in its change filter: {@code iso} (ISO-8601 with offset or
 * {@code Z}; a local date-time is in {@code zone}; written as UTC with milliseconds), {@code epoch_millis},
 * {@code epoch_seconds}, or {@code pattern} (a {@link DateTimeFormatter} pattern in {@code zone}).
 */
public final class TimeFormat {

    public enum Kind { ISO, EPOCH_MILLIS, EPOCH_SECONDS, PATTERN }

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Kind kind;
    private final DateTimeFormatter pattern;
    private final ZoneId zone;
    private final ChronoUnit precision;

    private TimeFormat(Kind kind, DateTimeFormatter pattern, ZoneId zone, ChronoUnit precision) {
        this.kind = kind;
        this.pattern = pattern;
        this.zone = zone;
        this.precision = precision;
    }

    public static TimeFormat iso(ZoneId zone) {
        return new TimeFormat(Kind.ISO, null, zone, ChronoUnit.MILLIS);
    }

    public static TimeFormat epochMillis() {
        return new TimeFormat(Kind.EPOCH_MILLIS, null, ZoneOffset.UTC, ChronoUnit.MILLIS);
    }

    public static TimeFormat epochSeconds() {
        return new TimeFormat(Kind.EPOCH_SECONDS, null, ZoneOffset.UTC, ChronoUnit.SECONDS);
    }

    /** @throws IllegalArgumentException for a pattern {@link DateTimeFormatter} refuses */
    public static TimeFormat pattern(String pattern, ZoneId zone) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone);
        String letters = pattern.replaceAll("'[^']*'", "");
        ChronoUnit precision = letters.contains("S") ? ChronoUnit.MILLIS : letters.contains("s") ? ChronoUnit.SECONDS
                : letters.contains("m") ? ChronoUnit.MINUTES : letters.contains("H") || letters.contains("h")
                ? ChronoUnit.HOURS : ChronoUnit.DAYS;
        return new TimeFormat(Kind.PATTERN, formatter, zone, precision);
    }

    public Kind kind() {
        return kind;
    }

    /** The smallest unit this format writes; a written time is the instant truncated to it. */
    public ChronoUnit precision() {
        return precision;
    }

    public String format(Instant instant) {
        return switch (kind) {
            case ISO -> ISO_MILLIS.format(instant);
            case EPOCH_MILLIS -> Long.toString(instant.toEpochMilli());
            case EPOCH_SECONDS -> Long.toString(instant.getEpochSecond());
            case PATTERN -> pattern.format(instant);
        };
    }

    /** The latest time written before {@code instant}'s written form: for filters that exclude their bound. */
    public Instant unitBefore(Instant instant) {
        Instant written = parse(format(instant));
        return written == null ? instant.minus(1, precision) : written.minus(1, precision);
    }

    /** A record's time, or null when it has none or it is not in this format. */
    public Instant parse(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber() && (kind == Kind.EPOCH_MILLIS || kind == Kind.EPOCH_SECONDS)) {
            return kind == Kind.EPOCH_MILLIS ? Instant.ofEpochMilli(value.asLong())
                    : Instant.ofEpochSecond(value.asLong());
        }
        return value.isTextual() ? parse(value.asText()) : null;
    }

    /** A time written in this format, or null when it is not. */
    public Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return switch (kind) {
                case ISO -> parseIso(text.trim());
                case EPOCH_MILLIS -> Instant.ofEpochMilli(Long.parseLong(text.trim()));
                case EPOCH_SECONDS -> Instant.ofEpochSecond(Long.parseLong(text.trim()));
                case PATTERN -> {
                    var parsed = pattern.parseBest(text.trim(), ZonedDateTime::from, LocalDateTime::from,
                            java.time.LocalDate::from);
                    if (parsed instanceof ZonedDateTime zoned) {
                        yield zoned.toInstant();
                    }
                    if (parsed instanceof LocalDateTime local) {
                        yield local.atZone(zone).toInstant();
                    }
                    yield ((java.time.LocalDate) parsed).atStartOfDay(zone).toInstant();
                }
            };
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private Instant parseIso(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException notOffset) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (pattern == null ? "" : " " + pattern);
    }
}
