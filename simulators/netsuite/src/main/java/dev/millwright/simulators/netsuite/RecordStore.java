package dev.millwright.simulators.netsuite;

import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The records of one type: by internal id (the order of record API collections) and by (modified time, id), the
 * order incremental SuiteQL reads ask for. Not thread-safe by itself: {@link AccountData} guards every store with
 * one read-write lock.
 */
final class RecordStore {
    static final Comparator<NsRecord> MODIFIED_ORDER = (a, b) -> {
        int byTime = Long.compare(a.modified, b.modified);
        return byTime != 0 ? byTime : Long.compare(a.id, b.id);
    };

    final RecordTypeDef type;
    private final TreeMap<Long, NsRecord> byId = new TreeMap<>();
    private final TreeSet<NsRecord> byModified = new TreeSet<>(MODIFIED_ORDER);

    RecordStore(RecordTypeDef type) {
        this.type = type;
    }

    NsRecord get(long id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** Stores a record, replacing the one with its id. */
    void put(NsRecord record) {
        NsRecord previous = byId.put(record.id, record);
        if (previous != null) {
            byModified.remove(previous);
        }
        byModified.add(record);
    }

    NsRecord remove(long id) {
        NsRecord removed = byId.remove(id);
        if (removed != null) {
            byModified.remove(removed);
        }
        return removed;
    }

    /** Every record by id. */
    Iterable<NsRecord> byId() {
        return byId.values();
    }

    /** The records modified at or after {@code low} (epoch seconds), in (modified, id) order, after {@code after}. */
    Iterator<NsRecord> byModifiedFrom(long low, NsRecord after) {
        NavigableSet<NsRecord> range = byModified.tailSet(NsRecord.probe(type, low, Long.MIN_VALUE), true);
        return after == null ? range.iterator() : range.tailSet(after, false).iterator();
    }
}
