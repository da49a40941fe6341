package dev.millwright.routes.inbound;

import java.time.Instant;

/**
 * A notification in the inbox, as a worker claimed it.
 *
 * @param claimedUntil the claim: the worker owns the entry until then, and only that claim may finish it
 */
public record InboxEntry(long id, String connectionId, String webhookId, Instant sentAt, Instant receivedAt,
        String payload, int attempts, Instant claimedUntil) {
}
