package dev.millwright.simulators.dynamics;

import java.time.Duration;

/**
 * BC's request limit per user: at most {@code limit} API requests per fixed window (6,000 per 5 minutes online);
 * a request over it is answered 429 with a Retry-After of the time left in the window. Windows are measured on
 * the machine's monotonic clock, not the simulator's clock, so that a test clock standing still does not hold a
 * window open forever.
 */
final class RequestRateLimit {
    private final int limit;
    private final long windowNanos;
    private long windowStart = System.nanoTime();
    private long count;

    RequestRateLimit(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /**
     * Counts a request.
     *
     * @throws BcException 429 when the window's limit is used up
     */
    synchronized void acquire() {
        long now = System.nanoTime();
        if (now - windowStart >= windowNanos) {
            windowStart = now;
            count = 0;
        }
        count++;
        if (count > limit) {
            throw BcErrors.tooManyRequests(count, limit, Duration.ofNanos(windowNanos - (now - windowStart)));
        }
    }

    int limit() {
        return limit;
    }
}
