package dev.millwright.core.component;

import java.time.Instant;
import java.util.Iterator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.ErrorContext;

/**
 * The protocol of one system for one collection: everything a system component must implement. The generic
 * {@link SourceProducer} and {@link SourceConsumer} do the rest (cursors, headers, commit on completion).
 */
public interface SourceClient {

    /** How this collection's raw records name their id, version and modified time. */
    RecordIdentity identity();

    /**
     * Reads the records modified at or after {@code from}, lazily, page by page, ordered by modified time when
     * {@link #ordersByModifiedTime()}.
     */
    Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context);

    /** Whether {@link #readModifiedSince} yields records in ascending modified time. */
    default boolean ordersByModifiedTime() {
        return true;
    }

    ObjectNode get(String remoteId, ErrorContext context);

    WriteResult create(ObjectNode record, ErrorContext context);

    /** Updates the given source fields; {@code expectedVersion} (may be null) guards against lost updates. */
    WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context);

    void delete(String remoteId, String expectedVersion, ErrorContext context);

    /**
     * A cheap authenticated call to the source, for health checks: returns when the source answered and accepted
     * the credentials, else throws the typed error a read would ({@code AuthenticationRequiredException},
     * {@code SourceUnavailableException}, ...). By default the first page (one record at most) of the records
     * changed since now, which is nearly always empty; a system with a cheaper call overrides it.
     */
    default void checkConnection(ErrorContext context) {
        readModifiedSince(Instant.now(), 1, context).hasNext();
    }
}
