package dev.millwright.routes.store;

import java.time.Instant;

/**
 * A record that could not be mapped or stored, kept with its original payload (the raw source record as JSON)
 * and the typed error, until it is replayed.
 *
 * @param stage where it failed: {@code mapping} or {@code sink}
 * @param status {@code pending} until replayed, then {@code replayed}
 */
public record DeadLetter(
        Long id,
        String connectionId,
        String system,
        String entity,
        String collection,
        String remoteId,
        String stage,
        String errorCode,
        String errorMessage,
        String payload,
        int attempts,
        String status,
        Instant createdAt,
        Instant lastAttemptAt) {

    public static final String PENDING = "pending";
    public static final String REPLAYED = "replayed";
}
