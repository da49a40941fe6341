package dev.millwright.routes.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is attempted: entry n is the wait before attempt n+1, so the default
 * {@code 0s, 5s, 5m, 30m, 2h, 5h, 10h, 10h} means at once, then 5 seconds after the first failure, and so on; after
 * the last attempt fails the delivery is dead. A {@code Retry-After} longer than the scheduled wait wins, up to the
 * longest wait of the schedule.
 */
public final class RetrySchedule {

    public static final RetrySchedule DEFAULT = parse("0s,5s,5m,30m,2h,5h,10h,10h");

    private final List<Duration> waits;
    private final Duration longest;

    public RetrySchedule(List<Duration> waits) {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule needs at least one entry");
        }
        for (Duration wait : waits) {
            if (wait.isNegative()) {
                throw new IllegalArgumentException("a retry schedule cannot wait a negative time: " + wait);
            }
        }
        this.waits = List.copyOf(waits);
        this.longest = waits.stream().max(Duration::compareTo).orElseThrow();
    }

    /** Reads {@code 0s,5s,5m,30m,2h,5h,10h,10h}: numbers with ms, s, m, h or d, or ISO-8601 durations. */
    public static RetrySchedule parse(String text) {
        List<Duration> waits = new ArrayList<>();
        for (String part : text.split(",")) {
            waits.add(duration(part.trim()));
        }
        return new RetrySchedule(waits);
    }

    static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            return Duration.parse(text);
        }
        String lower = text.toLowerCase();
        String unit = lower.endsWith("ms") ? "ms" : lower.substring(lower.length() - 1);
        long amount;
        try {
            amount = Long.parseLong(lower.substring(0, lower.length() - unit.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 5s, 5m, 2h, 1d)", e);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 500ms, 5s, 5m, 2h, 1d)");
        };
    }

    /** How many attempts a delivery gets in all. */
    public int attempts() {
        return waits.size();
    }

    /** The wait before the first attempt. */
    public Duration firstWait() {
        return waits.get(0);
    }

    /**
     * The wait after {@code failedAttempts} attempts failed, or empty when they were the last; {@code retryAfter}
     * (the receiver's {@code Retry-After}, may be null) lengthens it.
     */
    public Optional<Duration> nextWait(int failedAttempts, Duration retryAfter) {
        if (failedAttempts >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(failedAttempts);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(longest) > 0 ? longest : retryAfter;
        }
        return Optional.of(wait);
    }

    public List<Duration> waits() {
        return waits;
    }
}
