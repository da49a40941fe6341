package dev.millwright.core.cursor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;

/**
 * Computes the cursor that follows what a sink has committed. Records are registered in the order the read
 * emitted them (sequence 0, 1, 2, ...) and marked committed (or dead-lettered) in any order; the cursor advances
 * only over the longest committed prefix, so a crash never moves it past a record that was not stored.
 *
 * <p>The watermark never passes {@code cap} (the time the read began, minus the lookback): a record modified while
 * the read ran may be followed by an older change the read did not see, so everything after the cap is read again
 * next time (and skipped by the sink as an unchanged version).
 *
 * <p>Sources that cannot order by modified time are tracked as unordered: their cursor moves only once the whole
 * read is committed.
 */
public final class CursorTracker {

    private static final class Entry {
        final long sequence;
        final RecordVersion record;
        final Instant modifiedAt;
        boolean done;

        Entry(long sequence, RecordVersion record, Instant modifiedAt) {
            this.sequence = sequence;
            this.record = record;
            this.modifiedAt = modifiedAt;
        }
    }

    private final Instant cap;
    private final boolean ordered;
    /** Registered records from {@code head} on are not yet passed by the cursor; sequences are contiguous. */
    private final ArrayList<Entry> pending = new ArrayList<>();
    private int head;
    private Instant watermark;
    private Set<RecordVersion> boundary;
    private Instant unorderedWatermark;
    private Set<RecordVersion> unorderedBoundary;
    private long registered;
    private long committed;
    private boolean readComplete;

    public CursorTracker(IncrementalCursor start, Instant cap, boolean ordered) {
        this.cap = cap;
        this.ordered = ordered;
        this.watermark = start.watermark();
        this.boundary = new HashSet<>(start.boundary());
        this.unorderedWatermark = watermark;
        this.unorderedBoundary = new HashSet<>(boundary);
    }

    /** Registers the next emitted record and answers its sequence number. */
    public synchronized long register(String remoteId, String version, Instant modifiedAt) {
        long sequence = registered++;
        pending.add(new Entry(sequence, new RecordVersion(remoteId, version), modifiedAt));
        return sequence;
    }

    /** Marks a record as durably handled: stored by the sink, or kept in the dead-letter store. */
    public synchronized void markCommitted(long sequence) {
        if (head >= pending.size() || sequence < pending.get(head).sequence || sequence >= registered) {
            return;
        }
        Entry entry = pending.get(head + (int) (sequence - pending.get(head).sequence));
        if (entry.done) {
            return;
        }
        entry.done = true;
        committed++;
        while (head < pending.size() && pending.get(head).done) {
            advance(pending.get(head));
            pending.set(head++, null);
        }
        if (head > 1024 && head * 2 > pending.size()) {
            pending.subList(0, head).clear();
            head = 0;
        }
    }

    /** Called when the read has emitted its last record. */
    public synchronized void readComplete() {
        readComplete = true;
    }

    /** The cursor after everything committed so far. */
    public synchronized IncrementalCursor cursor() {
        if (!ordered && !(readComplete && head == pending.size())) {
            return new IncrementalCursor(watermark, boundary);
        }
        Instant mark = ordered ? watermark : unorderedWatermark;
        Set<RecordVersion> edge = ordered ? boundary : unorderedBoundary;
        return new IncrementalCursor(mark, edge);
    }

    public synchronized long registered() {
        return registered;
    }

    public synchronized long committed() {
        return committed;
    }

    /** True when the read is over and every record it emitted is committed. */
    public synchronized boolean fullyCommitted() {
        return readComplete && head == pending.size();
    }

    private void advance(Entry entry) {
        Instant at = entry.modifiedAt;
        if (at == null || at.isAfter(cap)) {
            return;
        }
        if (ordered) {
            if (at.isAfter(watermark)) {
                watermark = at;
                boundary = new HashSet<>();
            }
            if (at.equals(watermark)) {
                boundary.add(entry.record);
            }
        } else {
            if (at.isAfter(unorderedWatermark)) {
                unorderedWatermark = at;
                unorderedBoundary = new HashSet<>();
            }
            if (at.equals(unorderedWatermark)) {
                unorderedBoundary.add(entry.record);
            }
        }
    }
}
