package dev.millwright.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstOfOneSecondsWorthPassesThenCallersWait() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(5, waits::add);
        for (int i = 0; i < 7; i++) {
            limiter.acquire();
        }

        assertThat(waits).hasSize(7);
        assertThat(waits.subList(0, 5)).allMatch(Duration::isZero);
        assertThat(waits.get(5)).isGreaterThan(Duration.ofMillis(150)).isLessThanOrEqualTo(Duration.ofMillis(200));
        assertThat(waits.get(6)).isGreaterThan(waits.get(5));
    }

    @Test
    void zeroMeansUnlimited() throws InterruptedException {
        List<Duration> waits = new ArrayList<>();
        RateLimiter limiter = new RateLimiter(0, waits::add);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire();
        }

        assertThat(waits).isEmpty();
    }
}
