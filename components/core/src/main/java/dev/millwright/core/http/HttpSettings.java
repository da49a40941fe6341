package dev.millwright.core.http;

import java.time.Duration;

/**
 * How a connection talks HTTP: timeouts, the retry policy (exponential backoff from {@code initialBackoff}
 * doubling up to {@code maxBackoff}, {@code maxAttempts} tries in all), the longest {@code Retry-After} we are
 * willing to wait inside one call, and the request rate limit (requests per second, 0 = unlimited).
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        double requestsPerSecond) {

    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 4, Duration.ofMillis(500),
                Duration.ofSeconds(30), Duration.ofMinutes(2), 0);
    }

    /** The wait before retry number {@code retry} (1 for the first retry), with jitter in its upper half. */
    public Duration backoff(int retry, double jitter) {
        double millis = initialBackoff.toMillis() * Math.pow(2, Math.max(0, retry - 1));
        millis = Math.min(millis, maxBackoff.toMillis());
        return Duration.ofMillis((long) (millis / 2 + millis / 2 * jitter));
    }
}
