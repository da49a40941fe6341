package dev.millwright.core.cursor;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Where an incremental read resumes: the source's modified time up to which everything was committed (the
 * watermark, read inclusively) and the records at exactly that time which were already committed (the
 * boundary), so that records sharing the watermark's timestamp are neither missed nor read twice.
 */
public record IncrementalCursor(Instant watermark, Set<RecordVersion> boundary) {

    public IncrementalCursor {
        Objects.requireNonNull(watermark, "watermark");
        boundary = Set.copyOf(boundary);
    }

    public static IncrementalCursor startingAt(Instant watermark) {
        return new IncrementalCursor(watermark, Set.of());
    }

    /** The lower bound of the next query: the watermark, moved back by the lookback window. */
    public Instant readFrom(Duration lookback) {
        return lookback == null || lookback.isZero() ? watermark : watermark.minus(lookback);
    }

    /** True when this record at this version was committed at the boundary and must not be read again. */
    public boolean alreadyCommitted(String remoteId, String version, Instant modifiedAt) {
        return watermark.equals(modifiedAt) && boundary.contains(new RecordVersion(remoteId, version));
    }
}
