package dev.millwright.runtime.connection;

import java.time.Instant;

/**
 * What the health checks saw of a connection's source: when it was last checked, when a check last succeeded, what
 * the last failed check said (null after a success), and when the status last changed.
 */
public record ConnectionHealth(Instant lastCheckedAt, Instant lastSuccessAt, String lastCheckError,
        Instant statusChangedAt) {

    public static final ConnectionHealth NEVER_CHECKED = new ConnectionHealth(null, null, null, null);
}
