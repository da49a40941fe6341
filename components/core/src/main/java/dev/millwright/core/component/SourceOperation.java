package dev.millwright.core.component;

/** The operations of a system component's producer. */
public enum SourceOperation {
    /** A lazy {@link dev.millwright.core.cursor.ChangeStream} of the records changed since the cursor. */
    readChanges,
    /** One record by remote id. */
    get,
    create,
    update,
    delete,
    /**
     * A cheap authenticated call proving that the source answers and accepts the credentials (health checks); the
     * body becomes {@code true}, a refusal throws the same typed errors as any read.
     */
    checkConnection
}
