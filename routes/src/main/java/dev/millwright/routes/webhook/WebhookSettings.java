package dev.millwright.routes.webhook;

import java.time.Duration;
import java.util.Set;

/**
 * How the dispatcher delivers.
 *
 * @param timeout the longest a receiver may take to answer (10 s)
 * @param retrySchedule when attempts are made (see {@link RetrySchedule})
 * @param disableAfter how long a subscription may fail without a success before it is disabled (5 days)
 * @param concurrency subscriptions delivered to at once; one slow receiver holds one of them, never the others
 * @param batchSize due deliveries read at a time for one subscription
 * @param pollInterval how often due deliveries are looked for
 * @param allowedHttpHosts hosts that may be plain http and inside the network
 */
public record WebhookSettings(Duration timeout, RetrySchedule retrySchedule, Duration disableAfter, int concurrency,
        int batchSize, Duration pollInterval, Set<String> allowedHttpHosts) {

    public static final WebhookSettings DEFAULTS = new WebhookSettings(Duration.ofSeconds(10), RetrySchedule.DEFAULT,
            Duration.ofDays(5), 8, 50, Duration.ofMillis(500), Set.of("localhost", "127.0.0.1"));

    public WebhookSettings {
        allowedHttpHosts = Set.copyOf(allowedHttpHosts);
        if (concurrency < 1 || batchSize < 1) {
            throw new IllegalArgumentException("webhook concurrency and batch size must be positive");
        }
    }

    /**
     * How long a dispatcher's claim on a subscription lasts without renewal: renewed after every attempt, so it must
     * outlast one attempt (the timeout, twice: connecting and answering) with room to spare.
     */
    public Duration lease() {
        return timeout.multipliedBy(3).plusSeconds(5);
    }

    public WebhookSettings withRetrySchedule(RetrySchedule schedule) {
        return new WebhookSettings(timeout, schedule, disableAfter, concurrency, batchSize, pollInterval,
                allowedHttpHosts);
    }

    public WebhookSettings withTimeout(Duration newTimeout) {
        return new WebhookSettings(newTimeout, retrySchedule, disableAfter, concurrency, batchSize, pollInterval,
                allowedHttpHosts);
    }

    public WebhookSettings withDisableAfter(Duration period) {
        return new WebhookSettings(timeout, retrySchedule, period, concurrency, batchSize, pollInterval,
                allowedHttpHosts);
    }

    public WebhookSettings withPollInterval(Duration interval) {
        return new WebhookSettings(timeout, retrySchedule, disableAfter, concurrency, batchSize, interval,
                allowedHttpHosts);
    }
}
