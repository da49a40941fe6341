package dev.millwright.simulators.dynamics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The records of one entity set of one company, indexed three ways: by sequence (the primary-key order of
 * unordered reads), by id, and by (lastModifiedDateTime, sequence) so that an incremental read, filtered and
 * ordered on lastModifiedDateTime, walks only its range. Numbers ("No.") are unique, case-insensitively, as
 * BC's Code fields are. Not thread-safe: {@link CompanyData} guards it.
 */
final class EntityStore {
    /** The order of the modification index: by time, then by sequence. */
    static final Comparator<BcRecord> MODIFIED_ORDER = (a, b) -> {
        int byTime = Long.compare(a.modifiedMillis, b.modifiedMillis);
        return byTime != 0 ? byTime : Long.compare(a.seq, b.seq);
    };

    private final EntitySchema schema;
    private BcRecord[] bySeq = new BcRecord[64];
    private int seqCount;
    private int size;
    private final Map<UUID, BcRecord> byId = new HashMap<>();
    private final Map<String, UUID> byNumber = new HashMap<>();
    private final TreeSet<BcRecord> byModified = new TreeSet<>(MODIFIED_ORDER);
    private long version;

    EntityStore(EntitySchema schema) {
        this.schema = schema;
    }

    EntitySchema schema() {
        return schema;
    }

    /** Changes with every write: cached query results of an older version are stale. */
    long version() {
        return version;
    }

    int size() {
        return size;
    }

    long nextSeq() {
        return seqCount;
    }

    BcRecord get(UUID id) {
        return byId.get(id);
    }

    BcRecord byNumber(String number) {
        UUID id = byNumber.get(number.toUpperCase(Locale.ROOT));
        return id == null ? null : byId.get(id);
    }

    /** Stores a new record (its sequence must be {@link #nextSeq()}) or replaces the one with its sequence. */
    void put(BcRecord record) {
        if (record.seq == seqCount) {
            if (seqCount == bySeq.length) {
                bySeq = Arrays.copyOf(bySeq, bySeq.length * 2);
            }
            bySeq[seqCount++] = record;
            size++;
        } else {
            BcRecord previous = bySeq[(int) record.seq];
            if (previous == null || !previous.id.equals(record.id)) {
                throw new IllegalStateException("no record " + record.id + " at sequence " + record.seq);
            }
            byModified.remove(previous);
            unindexNumber(previous);
            bySeq[(int) record.seq] = record;
        }
        byId.put(record.id, record);
        indexNumber(record);
        if (schema.tracksModification()) {
            byModified.add(record);
        }
        version++;
    }

    /** Makes room for {@code more} new records at once (a bulk load). */
    void ensureCapacity(int more) {
        if (seqCount + more > bySeq.length) {
            bySeq = Arrays.copyOf(bySeq, Math.max(seqCount + more, bySeq.length * 2));
        }
    }

    BcRecord remove(UUID id) {
        BcRecord record = byId.remove(id);
        if (record != null) {
            bySeq[(int) record.seq] = null;
            byModified.remove(record);
            unindexNumber(record);
            size--;
            version++;
        }
        return record;
    }

    /** Every record in sequence order. */
    List<BcRecord> all() {
        List<BcRecord> all = new ArrayList<>(size);
        for (int i = 0; i < seqCount; i++) {
            if (bySeq[i] != null) {
                all.add(bySeq[i]);
            }
        }
        return all;
    }

    /** The records after sequence {@code afterSeq} (exclusive; -1 for all), in sequence order. */
    Iterator<BcRecord> fromSeq(long afterSeq) {
        return new Iterator<>() {
            private int next = advance((int) afterSeq + 1);

            private int advance(int from) {
                int i = from;
                while (i < seqCount && bySeq[i] == null) {
                    i++;
                }
                return i;
            }

            @Override
            public boolean hasNext() {
                return next < seqCount;
            }

            @Override
            public BcRecord next() {
                if (next >= seqCount) {
                    throw new NoSuchElementException();
                }
                BcRecord record = bySeq[next];
                next = advance(next + 1);
                return record;
            }
        };
    }

    /**
     * The records modified within [low, high] (epoch milliseconds, inclusive), in modification order or its
     * reverse, starting after {@code after} (exclusive) when given.
     */
    Iterator<BcRecord> byModified(long low, long high, boolean descending, BcRecord after) {
        if (low > high) {
            return Collections.emptyIterator();
        }
        NavigableSet<BcRecord> range = byModified.subSet(BcRecord.probe(schema, low, Long.MIN_VALUE), true,
                BcRecord.probe(schema, high, Long.MAX_VALUE), true);
        if (descending) {
            range = range.descendingSet();
        }
        return after == null ? range.iterator() : range.tailSet(after, false).iterator();
    }

    private void indexNumber(BcRecord record) {
        if (schema.has("number")) {
            String number = record.text("number");
            if (!number.isEmpty()) {
                byNumber.put(number.toUpperCase(Locale.ROOT), record.id);
            }
        }
    }

    private void unindexNumber(BcRecord record) {
        if (schema.has("number")) {
            byNumber.remove(record.text("number").toUpperCase(Locale.ROOT), record.id);
        }
    }
}
