package dev.millwright.routes.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.millwright.core.cursor.CursorKey;
import dev.millwright.core.cursor.CursorTracker;
import dev.millwright.core.cursor.IncrementalCursor;

/**
 * One run of the sync of a (connection, entity), while it runs: its parameters, the stores it writes to, its
 * cursor tracker and counters. The cursor is saved after each committed batch, over the committed prefix only.
 */
public final class SyncRun {

    /** Exchange property holding the run. */
    public static final String PROPERTY = "MillwrightSyncRun";

    private final long id;
    private final String connectionId;
    private final String system;
    private final String collection;
    private final String entity;
    private final boolean fullResync;
    private final Instant startedAt;
    private final String sinkUri;
    private final SyncCoordinator coordinator;
    private final List<SyncListener> listeners;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private boolean writerFailed;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private long lastCommitNanos = System.nanoTime();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile CursorTracker tracker;
    private volatile CursorKey cursorKey;
    private volatile Instant readFrom;
    private volatile Throwable failure;
    private IncrementalCursor savedCursor;
    /** Held while a batch is at the sink: batches of one run never race each other there. */
    final Object sinkLock = new Object();

    SyncRun(long id, String connectionId, String system, String collection, String entity, boolean fullResync,
            Instant startedAt, String sinkUri, SyncCoordinator coordinator) {
        this.id = id;
        this.connectionId = connectionId;
        this.system = system;
        this.collection = collection;
        this.entity = entity;
        this.fullResync = fullResync;
        this.startedAt = startedAt;
        this.sinkUri = sinkUri;
        this.coordinator = coordinator;
        this.listeners = coordinator.listeners();
    }

    public long id() {
        return id;
    }

    public String connectionId() {
        return connectionId;
    }

    public String system() {
        return system;
    }

    public String collection() {
        return collection;
    }

    public String entity() {
        return entity;
    }

    public boolean fullResync() {
        return fullResync;
    }

    public Instant startedAt() {
        return startedAt;
    }

    String sinkUri() {
        return sinkUri;
    }

    SyncCoordinator coordinator() {
        return coordinator;
    }

    CursorKey cursorKey() {
        return cursorKey;
    }

    /** Where the read started (the start cursor's watermark), once it started. */
    public Instant readFrom() {
        return readFrom;
    }

    List<SyncListener> listeners() {
        return listeners;
    }

    public long recordsRead() {
        return read.get();
    }

    public long recordsWritten() {
        return written.get();
    }

    public long recordsUnchanged() {
        return unchanged.get();
    }

    public long recordsFailed() {
        return failed.get();
    }

    public Throwable failure() {
        return failure;
    }

    void countRead() {
        read.incrementAndGet();
    }

    void countCommitted(long writtenCount, long unchangedCount, long failedCount) {
        written.addAndGet(writtenCount);
        unchanged.addAndGet(unchangedCount);
        failed.addAndGet(failedCount);
    }

    void track(CursorKey key, CursorTracker cursorTracker, Instant startWatermark) {
        this.cursorKey = key;
        this.tracker = cursorTracker;
        this.readFrom = startWatermark;
    }

    CursorTracker tracker() {
        return tracker;
    }

    /** Marks the sequences committed, saves the cursor that follows, and wakes whoever waits for the run. */
    synchronized void committed(List<Long> sequences) {
        for (long sequence : sequences) {
            tracker.markCommitted(sequence);
        }
        lastCommitNanos = System.nanoTime();
        saveCursor();
        notifyAll();
    }

    /** Saves the cursor of the committed prefix if it moved; answers it. */
    synchronized IncrementalCursor saveCursor() {
        if (tracker == null) {
            return null;
        }
        IncrementalCursor cursor = tracker.cursor();
        if (!cursor.equals(savedCursor)) {
            coordinator.watermarks().save(cursorKey, cursor);
            savedCursor = cursor;
        }
        return cursor;
    }

    synchronized void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        notifyAll();
    }

    /** Marks the run ended; answers false when it already was (its end is recorded once). */
    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    boolean ended() {
        return ended.get();
    }

    /** Marks the run failing; answers false when its failure is already being recorded. */
    boolean markFailing() {
        return failing.compareAndSet(false, true);
    }

    /** A batch could not be written at all: its records will never be committed. */
    synchronized void writerFailed(Throwable cause) {
        writerFailed = true;
        fail(cause);
    }

    /**
     * After a failure: waits until the records read before it are committed (the batches already on their way still
     * land), as long as commits keep coming: {@code quiet} without one and it gives up. Answers whether they all
     * are. The run's counters are final only then.
     */
    synchronized boolean awaitSettled(Duration quiet) throws InterruptedException {
        while (tracker != null && !tracker.fullyCommitted() && !writerFailed) {
            long left = lastCommitNanos + quiet.toNanos() - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return !writerFailed;
    }

    /** Waits until every record read is committed, or the run failed, or the time is up. */
    synchronized boolean awaitCommitted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (failure == null && tracker != null && !tracker.fullyCommitted()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return failure == null;
    }
}
