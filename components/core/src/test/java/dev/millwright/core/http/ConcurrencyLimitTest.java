package dev.millwright.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ConcurrencyLimitTest {

    @Test
    void aThirdRequestWaitsWhileTwoPermitsAreHeld() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(2);
        limit.acquire();
        limit.acquire();

        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> {
            try {
                limit.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(limit.inFlight()).isEqualTo(2);
        assertThat(third).isNotDone();
        limit.release();
        third.get(10, TimeUnit.SECONDS);
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    void zeroPermitsMeansUnlimited() throws Exception {
        ConcurrencyLimit limit = ConcurrencyLimit.unlimited();
        for (int i = 0; i < 1000; i++) {
            limit.acquire();
        }

        assertThat(limit.inFlight()).isZero();
        assertThat(limit.permits()).isZero();
    }
}
