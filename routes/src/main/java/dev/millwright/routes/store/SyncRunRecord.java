package dev.millwright.routes.store;

import java.time.Instant;

/** One sync run of a (connection, entity) as stored. */
public record SyncRunRecord(
        long id,
        String connectionId,
        String entity,
        boolean fullResync,
        String state,
        Instant startedAt,
        Instant finishedAt,
        long recordsRead,
        long recordsWritten,
        long recordsUnchanged,
        long recordsFailed,
        Instant watermark,
        String error) {

    public static final String SYNCING = "syncing";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
