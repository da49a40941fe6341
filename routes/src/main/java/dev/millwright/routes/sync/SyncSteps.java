package dev.millwright.routes.sync;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.StandardCollection;
import dev.millwright.core.cursor.ChangeStream;
import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.IncrementalCursor;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.mapping.MappingWarning;
import dev.millwright.mapping.RecordMappingException;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.routes.store.SyncRunRecord;

/** The steps of the sync route template, as processors. */
public final class SyncSteps {

    static final String CONNECTION = "MillwrightSyncConnection";
    static final String SYSTEM = "MillwrightSyncSystem";
    static final String COLLECTION = "MillwrightSyncCollection";
    static final String SINK = "MillwrightSyncSink";
    private static final String RAW = "MillwrightSyncRaw";
    private static final String WARNINGS = "MillwrightMappingWarnings";
    /** The Quartz job data of a triggered run: {@code full=true} asks for a full resync. */
    private static final String QUARTZ_JOB_DATA = "mergedJobDataMap";

    private static final Logger LOG = LoggerFactory.getLogger(SyncSteps.class);

    private SyncSteps() {
    }

    /** Starts a run, unless one of the same connection and entity is running (then the exchange stops). */
    static void begin(Exchange exchange) {
        SyncCoordinator coordinator = exchange.getContext().getRegistry()
                .lookupByNameAndType(SyncCoordinator.BEAN_NAME, SyncCoordinator.class);
        if (coordinator == null) {
            throw new IllegalStateException("no " + SyncCoordinator.BEAN_NAME + " bean is bound: see MillwrightBeans");
        }
        String connection = exchange.getProperty(CONNECTION, String.class);
        String collection = exchange.getProperty(COLLECTION, String.class);
        String entity = StandardCollection.entityOf(collection);
        CursorKey key = new CursorKey(connection, entity);
        if (!coordinator.tryStart(key)) {
            LOG.info("Sync of {} for connection '{}' skipped: the previous run is still going", entity, connection);
            exchange.setRouteStop(true);
            return;
        }
        try {
            // a sink that does not exist fails the run now, not every batch at the sink
            exchange.getContext().getEndpoint(exchange.getProperty(SINK, String.class));
            boolean full = fullResyncAsked(exchange.getMessage());
            var startedAt = coordinator.clock().instant();
            long runId = coordinator.runs().begin(connection, entity, full, startedAt);
            SyncRun run = new SyncRun(runId, connection, exchange.getProperty(SYSTEM, String.class), collection,
                    entity, full, startedAt, exchange.getProperty(SINK, String.class), coordinator);
            exchange.setProperty(SyncRun.PROPERTY, run);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    // an exchange can end without reaching finish or fail (rejected while its route stops): the run
                    // must still end, or every later sync of this connection and entity would be skipped
                    if (!run.ended()) {
                        Exception error = done.getException();
                        failRun(run, error != null ? error
                                : new IllegalStateException("the sync ended before it finished"));
                    }
                }
            });
            exchange.getMessage().setHeader(SourceHeaders.FULL_RESYNC, full);
            LOG.debug("Sync run {} of {} for connection '{}' started{}", runId, entity, connection,
                    full ? " (full resync)" : "");
        } catch (RuntimeException e) {
            coordinator.finished(key);
            throw e;
        }
    }

    private static boolean fullResyncAsked(Message message) {
        if (Boolean.TRUE.equals(message.getHeader(SourceHeaders.FULL_RESYNC, Boolean.class))) {
            return true;
        }
        Object jobData = message.getHeader(QUARTZ_JOB_DATA);
        return jobData instanceof Map<?, ?> map && "true".equals(String.valueOf(map.get("full")));
    }

    /** After readChanges: remembers the stream's cursor tracker. */
    static void track(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        ChangeStream stream = exchange.getMessage().getBody(ChangeStream.class);
        run.track(exchange.getMessage().getHeader(SourceHeaders.CURSOR_KEY, CursorKey.class), stream.tracker(),
                stream.start().watermark());
    }

    /** Before mapping one record: keeps the raw record, counts it. */
    static void read(Exchange exchange) {
        exchange.setProperty(RAW, exchange.getMessage().getBody());
        exchange.getProperty(SyncRun.PROPERTY, SyncRun.class).countRead();
    }

    @SuppressWarnings("unchecked")
    static void mapped(Exchange exchange) {
        Message message = exchange.getMessage();
        List<MappingWarning> warnings = message.getHeader(WARNINGS, List.class);
        message.setBody(new SyncItem.Mapped(sequence(exchange), exchange.getProperty(RAW, JsonNode.class),
                message.getBody(CanonicalRecord.class), warnings == null ? List.of() : warnings));
    }

    /** A record that failed mapping goes on to the batch, to be dead-lettered with the others' commit. */
    static void mappingFailed(Exchange exchange) {
        Throwable error = rootError(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        JsonNode raw = exchange.getProperty(RAW, JsonNode.class);
        String remoteId = error instanceof RecordMappingException mapping ? mapping.remoteId() : null;
        LOG.warn("Connection '{}', entity '{}', record '{}': mapping failed, dead-lettered: {}", run.connectionId(),
                run.entity(), remoteId, error.getMessage());
        exchange.getMessage().setBody(new SyncItem.Failed(sequence(exchange), raw, remoteId, "mapping",
                errorCode(error), error.getMessage()));
    }

    private static long sequence(Exchange exchange) {
        return exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class);
    }

    /** The typed error behind Camel's wrappers, or the error itself. */
    static Throwable rootError(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException || cause instanceof RecordMappingException) {
                return cause;
            }
        }
        return error;
    }

    /** How a run's error reads: typed errors name their code and context themselves. */
    static String describe(Throwable error) {
        Throwable root = rootError(error);
        if (root == null) {
            return "unknown error";
        }
        return root instanceof ConnectorException ? root.getMessage() : errorCode(root) + ": " + root.getMessage();
    }

    static String errorCode(Throwable error) {
        error = rootError(error);
        if (error instanceof ConnectorException connector) {
            return connector.code();
        }
        if (error instanceof RecordMappingException) {
            return "MAPPING_FAILED";
        }
        return error.getClass().getSimpleName();
    }

    /** After the read: waits for the last batches, saves the cursor, records the run as done. */
    static void finish(Exchange exchange) throws InterruptedException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        SyncCoordinator coordinator = run.coordinator();
        if (!run.awaitCommitted(coordinator.commitTimeout())) {
            Throwable failure = run.failure();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure != null ? failure.getMessage()
                    : "the last batches were not committed within " + coordinator.commitTimeout(), failure);
        }
        IncrementalCursor cursor = run.saveCursor();
        int deleted = 0;
        if (run.fullResync() && run.sinkUri().startsWith("bean:millwrightCanonicalStore")) {
            deleted = coordinator.canonicalStore().markUnseenAsDeleted(run.connectionId(), run.entity(), run.id(),
                    run.readFrom());
        }
        coordinator.runs().update(run.id(), SyncRunRecord.DONE, coordinator.clock().instant(), run.recordsRead(),
                run.recordsWritten(), run.recordsUnchanged(), run.recordsFailed(),
                cursor == null ? null : cursor.watermark(), null);
        LOG.info("Sync run {} of {} for connection '{}' done: read {}, written {}, unchanged {}, failed {}{}", run.id(),
                run.entity(), run.connectionId(), run.recordsRead(), run.recordsWritten(), run.recordsUnchanged(),
                run.recordsFailed(), deleted > 0 ? ", marked deleted " + deleted : "");
        end(run);
    }

    /** The run failed: keeps what was committed (its cursor) and records the error. */
    static void fail(Exchange exchange) {
        Throwable error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run == null) {
            LOG.error("Sync of {} for connection '{}' could not start: {}", exchange.getProperty(COLLECTION),
                    exchange.getProperty(CONNECTION), error == null ? "unknown error" : error.getMessage(), error);
            return;
        }
        failRun(run, error);
    }

    /** Records the end of a failed run: waits for what was read to land, keeps its cursor, records the error. */
    private static void failRun(SyncRun run, Throwable error) {
        if (!run.markFailing()) {
            return;
        }
        run.fail(error);
        try {
            if (!run.awaitSettled(run.coordinator().settleTimeout())) {
                LOG.warn("Sync run {}: the batches read before the failure were not all committed", run.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        IncrementalCursor cursor = null;
        try {
            cursor = run.saveCursor();
        } catch (RuntimeException e) {
            LOG.warn("Sync run {}: cannot save the cursor of what was committed: {}", run.id(), e.getMessage());
        }
        String message = describe(error);
        LOG.error("Sync run {} of {} for connection '{}' failed after reading {} records: {}", run.id(), run.entity(),
                run.connectionId(), run.recordsRead(), message);
        try {
            run.coordinator().runs().update(run.id(), SyncRunRecord.FAILED, run.coordinator().clock().instant(),
                    run.recordsRead(), run.recordsWritten(), run.recordsUnchanged(), run.recordsFailed(),
                    cursor == null ? null : cursor.watermark(), message);
        } finally {
            end(run);
        }
    }

    private static void end(SyncRun run) {
        if (!run.markEnded()) {
            return;
        }
        run.coordinator().finished(new CursorKey(run.connectionId(), run.entity()));
        for (SyncListener listener : run.listeners()) {
            try {
                listener.runFinished(run);
            } catch (RuntimeException e) {
                LOG.warn("Sync listener {} failed: {}", listener, e.getMessage());
            }
        }
    }
}
