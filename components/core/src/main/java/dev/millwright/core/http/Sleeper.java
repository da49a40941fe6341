package dev.millwright.core.http;

import java.time.Duration;

/** Waits between retries and for rate-limit permits; replaceable so that tests need not wait for real. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            java.util.concurrent.TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
