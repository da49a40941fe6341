package dev.millwright.routes.sync;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.millwright.core.error.ErrorContext;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcCanonicalStore;
import dev.millwright.routes.store.StoreResult;

/**
 * Writes one batch: its mapped records to the sink (retried as a batch, then one by one to isolate the records
 * that still fail), the failed ones to the dead-letter store, and only then marks the whole batch committed so the
 * cursor may pass it.
 */
public final class SyncBatchWriter implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBatchWriter.class);

    @Override
    public void process(Exchange exchange) throws Exception {
        SyncBatch batch = exchange.getMessage().getBody(SyncBatch.class);
        SyncRun run = batch.run();
        try {
            write(batch, run);
        } catch (Exception e) {
            run.writerFailed(e);
            throw e;
        }
    }

    private void write(SyncBatch batch, SyncRun run) throws InterruptedException {
        List<SyncItem.Mapped> mapped = new ArrayList<>();
        List<SyncItem.Failed> failed = new ArrayList<>();
        List<Long> sequences = new ArrayList<>(batch.items().size());
        for (SyncItem item : batch.items()) {
            sequences.add(item.sequence());
            if (item instanceof SyncItem.Mapped record) {
                mapped.add(record);
            } else {
                failed.add((SyncItem.Failed) item);
            }
        }
        long written = 0;
        long unchanged = 0;
        StoreResult storeResult = null;
        if (!mapped.isEmpty()) {
            SinkOutcome outcome;
            synchronized (run.sinkLock) {
                outcome = writeToSink(run, mapped, failed);
            }
            written = outcome.written;
            unchanged = outcome.unchanged;
            storeResult = outcome.storeResult;
        }
        if (!failed.isEmpty()) {
            run.coordinator().deadLetters().addAll(failed.stream().map(item -> deadLetter(run, item)).toList());
        }
        run.countCommitted(written, unchanged, failed.size());
        run.committed(sequences);
        for (SyncListener listener : run.listeners()) {
            try {
                listener.batchCommitted(run, mapped.size(), failed.size(), storeResult);
            } catch (RuntimeException e) {
                LOG.warn("Sync listener {} failed: {}", listener, e.getMessage());
            }
        }
    }

    private SinkOutcome writeToSink(SyncRun run, List<SyncItem.Mapped> mapped, List<SyncItem.Failed> failed)
            throws InterruptedException {
        SyncCoordinator coordinator = run.coordinator();
        List<CanonicalRecord> records = mapped.stream().map(SyncItem.Mapped::record).toList();
        Exception lastError = null;
        for (int attempt = 1; attempt <= coordinator.sinkAttempts(); attempt++) {
            try {
                return SinkOutcome.of(send(run, records), records.size());
            } catch (Exception e) {
                lastError = e;
                LOG.warn("Connection '{}', entity '{}': batch of {} failed at the sink (attempt {} of {}): {}",
                        run.connectionId(), run.entity(), records.size(), attempt, coordinator.sinkAttempts(),
                        e.getMessage());
                if (attempt < coordinator.sinkAttempts()) {
                    coordinator.sleeper().sleep(coordinator.sinkRetryDelay());
                }
            }
        }
        LOG.warn("Connection '{}', entity '{}': writing the batch record by record to isolate the failure ({})",
                run.connectionId(), run.entity(), lastError.getMessage());
        SinkOutcome total = new SinkOutcome(0, 0, null);
        List<StoreResult> results = new ArrayList<>();
        for (SyncItem.Mapped item : mapped) {
            try {
                SinkOutcome one = SinkOutcome.of(send(run, List.of(item.record())), 1);
                total = new SinkOutcome(total.written + one.written, total.unchanged + one.unchanged, null);
                if (one.storeResult != null) {
                    results.add(one.storeResult);
                }
            } catch (Exception e) {
                ErrorContext where = new ErrorContext(run.connectionId(), run.entity(), item.record().remoteId());
                LOG.warn("{}: the sink refused the record, dead-lettered: {}", where.describe(), e.getMessage());
                failed.add(new SyncItem.Failed(item.sequence(), item.raw(), item.record().remoteId(), "sink",
                        SyncSteps.errorCode(e), e.getMessage()));
            }
        }
        return results.isEmpty() ? total : new SinkOutcome(total.written, total.unchanged, merge(results));
    }

    private static StoreResult merge(List<StoreResult> results) {
        List<dev.millwright.routes.store.StoreChange> changes = new ArrayList<>();
        int unchanged = 0;
        int stale = 0;
        for (StoreResult result : results) {
            changes.addAll(result.changes());
            unchanged += result.unchanged();
            stale += result.stale();
        }
        return new StoreResult(changes, unchanged, stale);
    }

    private static Object send(SyncRun run, List<CanonicalRecord> records) throws Exception {
        Exchange reply = run.coordinator().producer().request(run.sinkUri(), exchange -> {
            exchange.getMessage().setBody(records);
            exchange.getMessage().setHeader(JdbcCanonicalStore.SEEN_IN_RUN, run.fullResync() ? run.id() : null);
        });
        if (reply.getException() != null) {
            throw reply.getException();
        }
        return reply.getMessage().getBody();
    }

    private static DeadLetter deadLetter(SyncRun run, SyncItem.Failed item) {
        String payload = item.raw() == null ? "null" : item.raw().toString();
        return new DeadLetter(null, run.connectionId(), run.system(), run.entity(), run.collection(),
                item.remoteId(), item.stage(), item.errorCode(), item.errorMessage() == null ? item.errorCode()
                : item.errorMessage(), payload, 1, DeadLetter.PENDING, null, null);
    }

    private record SinkOutcome(long written, long unchanged, StoreResult storeResult) {
        static SinkOutcome of(Object sinkReply, int size) {
            if (sinkReply instanceof StoreResult result) {
                return new SinkOutcome(result.written(), result.unchanged() + result.stale(), result);
            }
            return new SinkOutcome(size, 0, null);
        }
    }
}
