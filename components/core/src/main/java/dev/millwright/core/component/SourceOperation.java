package dev.millwright.core.component;

/** The operations of a system component's producer. */
public enum SourceOperation {
    /** A lazy {@link dev.millwright.core.cursor.ChangeStream} of the records changed since the cursor. */
    readChanges,
    /** One record by remote id. */
    get,
    create,
    update,
    delete
}
