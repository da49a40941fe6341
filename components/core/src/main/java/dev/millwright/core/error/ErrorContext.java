package dev.millwright.core.error;

/**
 * Where an error happened: the connection, the canonical entity and the source record. Any part may be unknown
 * (null); {@link #describe()} names only what is known.
 */
public record ErrorContext(String connectionId, String entity, String remoteId) {

    public static final ErrorContext NONE = new ErrorContext(null, null, null);

    public static ErrorContext of(String connectionId, String entity) {
        return new ErrorContext(connectionId, entity, null);
    }

    public ErrorContext withRemoteId(String id) {
        return new ErrorContext(connectionId, entity, id);
    }

    /** Fills the parts this context does not know from {@code outer}. */
    public ErrorContext orElse(ErrorContext outer) {
        if (outer == null) {
            return this;
        }
        return new ErrorContext(
                connectionId != null ? connectionId : outer.connectionId,
                entity != null ? entity : outer.entity,
                remoteId != null ? remoteId : outer.remoteId);
    }

    public boolean isEmpty() {
        return connectionId == null && entity == null && remoteId == null;
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "connection", connectionId);
        append(text, "entity", entity);
        append(text, "record", remoteId);
        return text.toString();
    }

    private static void append(StringBuilder text, String label, String value) {
        if (value != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(label).append(" '").append(value).append('\'');
        }
    }
}
