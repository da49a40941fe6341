package dev.millwright.routes.webhook;

import java.time.Instant;
import java.util.List;

/**
 * The delivery of one event to one subscription, with its attempts (newest first): pending until the receiver
 * answered 2xx (delivered), or dead once the retries are exhausted, the receiver answered 410 or the subscription
 * was disabled; a dead delivery can be replayed.
 */
public record WebhookDelivery(
        long id,
        String subscriptionId,
        String eventId,
        String eventType,
        long eventSequence,
        String state,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant finishedAt,
        List<Attempt> attemptLog) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String DEAD = "dead";

    /** One attempt: the status code answered (null when no answer came), how long it took, what failed. */
    public record Attempt(Instant attemptedAt, Integer statusCode, long latencyMillis, String error) {
    }
}
