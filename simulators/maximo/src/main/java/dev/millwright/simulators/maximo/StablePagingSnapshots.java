package dev.millwright.simulators.maximo;

import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The result sets of {@code stablepaging=true} reads. Maximo keeps the matching set of the first page in
 * memory and serves later pages from it; here the first page stores the matching keys in order, the
 * nextPage hrefs carry the snapshot's id ({@code _snapshot=...}), and later pages render the current
 * version of the records in their slice. Snapshots expire some minutes after their last use, after which
 * Maximo answers 410 Gone.
 */
final class StablePagingSnapshots {
    /**
     * Snapshots kept at most, so that abandoned reads of large sets cannot exhaust the heap (one of a
     * million work orders holds 4 MB of references).
     */
    private static final int MAX_SNAPSHOTS = 16;

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final long ttlNanos;

    /** The ordered keys of one stable read. */
    static final class Snapshot {
        final String id;
        final ObjectStructure structure;
        final List<String> keys;
        volatile long lastUsedNanos;

        Snapshot(String id, ObjectStructure structure, List<String> keys) {
            this.id = id;
            this.structure = structure;
            this.keys = keys;
            this.lastUsedNanos = System.nanoTime();
        }
    }

    StablePagingSnapshots(Duration timeToLive) {
        this.ttlNanos = timeToLive.toNanos();
    }

    Snapshot create(ObjectStructure structure, List<String> keys) {
        expire();
        if (snapshots.size() >= MAX_SNAPSHOTS) {
            snapshots.values().stream()
                    .min((a, b) -> Long.compare(a.lastUsedNanos, b.lastUsedNanos))
                    .ifPresent(oldest -> snapshots.remove(oldest.id));
        }
        Snapshot snapshot = new Snapshot(UUID.randomUUID().toString().replace("-", ""), structure,
                Collections.unmodifiableList(keys));
        snapshots.put(snapshot.id, snapshot);
        return snapshot;
    }

    /** The snapshot, or null when it is unknown or has expired. */
    Snapshot get(String id, ObjectStructure structure) {
        expire();
        Snapshot snapshot = snapshots.get(id);
        if (snapshot == null || snapshot.structure != structure) {
            return null;
        }
        snapshot.lastUsedNanos = System.nanoTime();
        return snapshot;
    }

    private void expire() {
        long now = System.nanoTime();
        for (Iterator<Snapshot> it = snapshots.values().iterator(); it.hasNext(); ) {
            if (now - it.next().lastUsedNanos > ttlNanos) {
                it.remove();
            }
        }
    }
}
