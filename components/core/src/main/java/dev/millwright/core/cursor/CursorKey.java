package dev.millwright.core.cursor;

import java.util.Objects;

/** Identifies one incremental cursor: a connection and a canonical entity (or a custom object's name). */
public record CursorKey(String connectionId, String entity) {

    public CursorKey {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(entity, "entity");
    }
}
