package dev.millwright.runtime.write;

import java.time.Instant;

/** A bulk write job: queued, running, then done (each item succeeded or failed) or failed as a whole. */
public record BulkJob(
        String id,
        String connectionId,
        String entity,
        String state,
        int total,
        int processed,
        int succeeded,
        int failed,
        int batchSize,
        long batchDelayMillis,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
