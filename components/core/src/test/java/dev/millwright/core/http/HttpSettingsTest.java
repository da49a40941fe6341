package dev.millwright.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private final HttpSettings settings = new HttpSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 5,
            Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(10), 0);

    @Test
    void backoffDoublesPerRetryWithJitterInItsUpperHalf() {
        assertThat(settings.backoff(1, 0)).isEqualTo(Duration.ofMillis(50));
        assertThat(settings.backoff(1, 1)).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.backoff(2, 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.backoff(3, 1)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void backoffIsCapped() {
        assertThat(settings.backoff(10, 1)).isEqualTo(Duration.ofMillis(1000));
    }
}
