package dev.millwright.core.cursor;

import java.io.Closeable;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What an incremental read yields: the raw source records changed since the cursor, fetched lazily page by page.
 * Records the cursor's boundary says were already committed are skipped; every record handed out is registered
 * with the {@link CursorTracker} in order, so the n-th record (0-based) has sequence n, which is also its
 * {@code CamelSplitIndex} when a route splits this stream.
 */
public final class ChangeStream implements Iterator<ObjectNode>, Closeable {

    private final Iterator<ObjectNode> source;
    private final RecordIdentity identity;
    private final IncrementalCursor start;
    private final CursorTracker tracker;
    private final Runnable onClose;
    private ObjectNode lookahead;
    private long skipped;
    private boolean closed;

    public ChangeStream(Iterator<ObjectNode> source, RecordIdentity identity, IncrementalCursor start,
            CursorTracker tracker, Runnable onClose) {
        this.source = source;
        this.identity = identity;
        this.start = start;
        this.tracker = tracker;
        this.onClose = onClose;
    }

    @Override
    public boolean hasNext() {
        while (lookahead == null && !closed) {
            if (!source.hasNext()) {
                tracker.readComplete();
                return false;
            }
            ObjectNode candidate = source.next();
            if (start.alreadyCommitted(identity.remoteId(candidate), identity.version(candidate),
                    identity.modifiedAt(candidate))) {
                skipped++;
            } else {
                lookahead = candidate;
            }
        }
        return lookahead != null;
    }

    @Override
    public ObjectNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectNode record = lookahead;
        lookahead = null;
        Instant modifiedAt = identity.modifiedAt(record);
        tracker.register(identity.remoteId(record), identity.version(record), modifiedAt);
        return record;
    }

    public CursorTracker tracker() {
        return tracker;
    }

    public IncrementalCursor start() {
        return start;
    }

    /** Records skipped because they were committed at the boundary by an earlier read. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
