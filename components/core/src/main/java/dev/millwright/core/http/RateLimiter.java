package dev.millwright.core.http;

import java.time.Duration;

/**
 * A token bucket shared by every request of one connection: at most {@code permitsPerSecond} requests per
 * second on average, with bursts up to one second's worth. A rate of zero or less means unlimited.
 */
public final class RateLimiter {

    private final double permitsPerSecond;
    private final double capacity;
    private final Sleeper sleeper;
    private double available;
    private long lastRefillNanos;

    public RateLimiter(double permitsPerSecond, Sleeper sleeper) {
        this.permitsPerSecond = permitsPerSecond;
        this.capacity = Math.max(1.0, permitsPerSecond);
        this.sleeper = sleeper;
        this.available = capacity;
        this.lastRefillNanos = System.nanoTime();
    }

    public static RateLimiter unlimited() {
        return new RateLimiter(0, Sleeper.SYSTEM);
    }

    public double permitsPerSecond() {
        return permitsPerSecond;
    }

    /** Takes one permit, waiting as long as needed. */
    public void acquire() throws InterruptedException {
        if (permitsPerSecond <= 0) {
            return;
        }
        Duration wait = reserve();
        sleeper.sleep(wait);
    }

    /** Reserves a permit now and answers how long the caller must wait before using it. */
    synchronized Duration reserve() {
        long now = System.nanoTime();
        available = Math.min(capacity, available + (now - lastRefillNanos) / 1e9 * permitsPerSecond);
        lastRefillNanos = now;
        available -= 1;
        if (available >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (-available / permitsPerSecond * 1e9));
    }
}
