package dev.millwright.runtime.records;

import java.time.Instant;

/**
 * The filters of a list: source modified time at or after {@code modifiedAfter} and strictly before
 * {@code modifiedBefore}, created at or after {@code createdAfter}; deleted records only when asked.
 */
public record RecordFilter(Instant modifiedAfter, Instant modifiedBefore, Instant createdAfter,
        boolean includeDeleted) {
}
