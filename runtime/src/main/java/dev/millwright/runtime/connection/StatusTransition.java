package dev.millwright.runtime.connection;

import java.time.Instant;

/** One change of a connection's status, as committed with its events. */
public record StatusTransition(String connectionId, ConnectionStatus previous, ConnectionStatus status, String reason,
        Instant at) {
}
