package dev.millwright.simulators.maximo;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The records of one object structure, kept compact for a million work orders: immutable
 * {@link MaximoRecord}s in an array by insertion sequence (the default order), a hash map by key, and a
 * tree ordered by (changedate, sequence) so that the usual incremental read, {@code changedate>=X} ordered
 * by {@code +changedate}, walks only the matching range.
 *
 * <p>Deep pages cost no rescans while the data does not change: after serving a page the store remembers
 * where that page ended, keyed by the query and the store's version, and the next page resumes there.
 * Any write bumps the version, so after a change pages are computed again from the start of the range and
 * shift exactly as Maximo's do without stable paging.
 *
 * <p>Reads hold a read lock; writes hold the write lock and replace whole records.
 */
final class MaximoStore {
    /** A read query: the filter, the order, and a text identifying both for the page caches. */
    record QuerySpec(MaximoWhereClause where, MaximoOrderBy orderBy, String cacheKey) {
    }

    /** One page of a query; {@code totalCount} is -1 when it was not asked for. */
    record PageResult(List<MaximoRecord> records, boolean hasMore, int totalCount) {
    }

    /** Edits a private copy of a record; answers whether it set changedate itself. */
    interface Edit {
        boolean apply(RecordDraft draft);
    }

    /** Cursors and counts are small: many queries may keep theirs. */
    private static final int CACHE_ENTRIES = 256;
    /** A sorted result may hold a million references: only the last few are kept. */
    private static final int SORTED_RESULTS = 4;

    /** The order of the changedate index, and of stored rowstamps: by changedate, then insertion. */
    private static final Comparator<MaximoRecord> CHANGEDATE_ORDER = (a, b) -> {
        int byDate = Long.compare(a.changedate, b.changedate);
        return byDate != 0 ? byDate : Long.compare(a.seq, b.seq);
    };

    private final ObjectStructure structure;
    private final AtomicLong rowstamps;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private Map<String, MaximoRecord> byKey = new HashMap<>();
    private final TreeSet<MaximoRecord> byChangedate = new TreeSet<>(CHANGEDATE_ORDER);
    private MaximoRecord[] bySeq = new MaximoRecord[64];
    private int seqCount;
    private long version;
    private long nextAutonumber = 1000;
    private long nextUniqueId = 1;

    private final Map<String, Cursor> cursors = lruMap(CACHE_ENTRIES);
    private final Map<String, long[]> counts = lruMap(CACHE_ENTRIES);
    private final Map<String, Sorted> sortedResults = lruMap(SORTED_RESULTS);

    private record Cursor(long version, MaximoRecord last) {
    }

    private record Sorted(long version, List<MaximoRecord> records) {
    }

    /**
     * @param rowstamps the simulator-wide counter: Maximo's rowstamps increase across all tables
     */
    MaximoStore(ObjectStructure structure, AtomicLong rowstamps) {
        this.structure = structure;
        this.rowstamps = rowstamps;
    }

    ObjectStructure structure() {
        return structure;
    }

    // ---- bulk load ----

    /**
     * Loads generated records. Their rowstamps are assigned in changedate order, so that rowstamps and
     * change dates tell the same history, as in a real database.
     */
    void load(List<RecordDraft> drafts) {
        lock.writeLock().lock();
        try {
            if (byKey.isEmpty()) {
                byKey = new HashMap<>(drafts.size() * 4 / 3 + 16); // no rehashing of a million keys
            }
            ensureCapacity(seqCount + drafts.size());
            MaximoRecord[] loaded = new MaximoRecord[drafts.size()];
            for (int i = 0; i < loaded.length; i++) {
                RecordDraft draft = drafts.get(i);
                String key = structure.keyOf(draft.row);
                if (key == null || byKey.containsKey(key)) {
                    throw new IllegalStateException("Generated " + structure + " key is missing or duplicate: " + key);
                }
                MaximoRecord record = new MaximoRecord(structure, seqCount, key, draft.row, childArray(draft));
                bySeq[seqCount++] = record;
                byKey.put(key, record);
                noteNumbers(draft.row);
                loaded[i] = record;
            }
            Arrays.sort(loaded, CHANGEDATE_ORDER);
            for (MaximoRecord record : loaded) {
                record.rowstamp = rowstamps.incrementAndGet();
            }
            if (byChangedate.isEmpty()) {
                byChangedate.addAll(new SortedArrayView(loaded)); // builds the tree in linear time
            } else {
                Collections.addAll(byChangedate, loaded);
            }
            version++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A sorted array seen as a SortedSet with the index's comparator: {@link TreeSet#addAll} then builds
     * its tree from the sorted elements in linear time instead of inserting a million records one by one.
     */
    private static final class SortedArrayView extends AbstractSet<MaximoRecord> implements SortedSet<MaximoRecord> {
        private final MaximoRecord[] sorted;

        SortedArrayView(MaximoRecord[] sorted) {
            this.sorted = sorted;
        }

        @Override
        public Iterator<MaximoRecord> iterator() {
            return Arrays.asList(sorted).iterator();
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public Comparator<? super MaximoRecord> comparator() {
            return CHANGEDATE_ORDER;
        }

        @Override
        public SortedSet<MaximoRecord> subSet(MaximoRecord from, MaximoRecord to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedSet<MaximoRecord> headSet(MaximoRecord to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedSet<MaximoRecord> tailSet(MaximoRecord from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MaximoRecord first() {
            return sorted[0];
        }

        @Override
        public MaximoRecord last() {
            return sorted[sorted.length - 1];
        }
    }

    // ---- single record reads ----

    MaximoRecord get(String key) {
        lock.readLock().lock();
        try {
            return byKey.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byKey.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** All records in the default order. */
    List<MaximoRecord> all() {
        lock.readLock().lock();
        try {
            List<MaximoRecord> all = new ArrayList<>(byKey.size());
            for (int i = 0; i < seqCount; i++) {
                if (bySeq[i] != null) {
                    all.add(bySeq[i]);
                }
            }
            return all;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- writes ----

    /**
     * Inserts a new record: numbers it, applies Maximo's defaults and checks its key.
     *
     * @param now              epoch seconds, the changedate unless {@code changedateGiven}
     * @param changedateGiven  true when the draft already carries the changedate to keep
     * @throws MaximoException 400 for a missing or duplicate key
     */
    MaximoRecord insert(RecordDraft draft, long now, boolean changedateGiven) {
        lock.writeLock().lock();
        try {
            structure.uniqueId().write(draft.row, (int) nextUniqueId++);
            structure.rules().applyDefaults(draft, now);
            Attribute autonumber = structure.autonumber();
            if (autonumber != null && autonumber.read(draft.row) == null) {
                do {
                    autonumber.write(draft.row, Long.toString(nextAutonumber++));
                } while (byKey.containsKey(structure.keyOf(draft.row)));
            }
            for (Attribute key : structure.keyAttributes()) {
                Object value = key.read(draft.row);
                if (value == null || value.toString().isEmpty()) {
                    throw MaximoErrors.required(structure, key);
                }
            }
            String key = structure.keyOf(draft.row);
            if (byKey.containsKey(key)) {
                throw MaximoErrors.duplicateKey(structure, draft);
            }
            structure.rules().recompute(draft);
            if (!changedateGiven) {
                structure.changedate().writeDate(draft.row, now);
            }
            noteNumbers(draft.row);
            ensureCapacity(seqCount + 1);
            MaximoRecord record = new MaximoRecord(structure, seqCount, key, draft.row, childArray(draft));
            record.rowstamp = rowstamps.incrementAndGet();
            bySeq[seqCount++] = record;
            byKey.put(key, record);
            byChangedate.add(record);
            version++;
            return record;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Replaces a record with an edited copy, atomically with the optimistic-lock check.
     *
     * @param ifMatch the client's If-Match header or null; a stale value fails with 412
     * @throws MaximoException 404 when there is no such record, 412 when ifMatch is stale, 400 from the edit
     */
    MaximoRecord update(String key, String ifMatch, long now, Edit edit) {
        lock.writeLock().lock();
        try {
            MaximoRecord current = existing(key, ifMatch);
            RecordDraft draft = new RecordDraft(current);
            boolean changedateGiven = edit.apply(draft);
            structure.rules().recompute(draft);
            if (!changedateGiven) {
                structure.changedate().writeDate(draft.row, now);
            }
            MaximoRecord updated = new MaximoRecord(structure, current.seq, current.key, draft.row, childArray(draft));
            updated.rowstamp = rowstamps.incrementAndGet();
            byChangedate.remove(current);
            byChangedate.add(updated);
            byKey.put(key, updated);
            bySeq[(int) current.seq] = updated;
            version++;
            return updated;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * @throws MaximoException 404 when there is no such record, 412 when ifMatch is stale
     */
    MaximoRecord delete(String key, String ifMatch) {
        lock.writeLock().lock();
        try {
            MaximoRecord current = existing(key, ifMatch);
            byKey.remove(key);
            byChangedate.remove(current);
            bySeq[(int) current.seq] = null;
            version++;
            return current;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private MaximoRecord existing(String key, String ifMatch) {
        MaximoRecord current = key == null ? null : byKey.get(key);
        if (current == null) {
            throw MaximoErrors.recordNotFound(structure, key == null ? "?" : RestIds.encode(key));
        }
        if (ifMatch != null && !matches(ifMatch, current.rowstamp)) {
            throw MaximoErrors.stale(structure, current);
        }
        return current;
    }

    /** Compares an If-Match value ({@code "123"}, {@code 123}, {@code W/"123"} or {@code *}) with a rowstamp. */
    static boolean matches(String ifMatch, long rowstamp) {
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return true;
        }
        if (value.startsWith("W/") || value.startsWith("w/")) {
            value = value.substring(2).trim();
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.equals(Long.toString(rowstamp));
    }

    private void noteNumbers(Row row) {
        Attribute autonumber = structure.autonumber();
        if (autonumber != null) {
            Object value = autonumber.read(row);
            if (value != null && value.toString().chars().allMatch(Character::isDigit) && value.toString().length() < 18) {
                nextAutonumber = Math.max(nextAutonumber, Long.parseLong(value.toString()) + 1);
            }
        }
        Object id = structure.uniqueId().read(row);
        if (id != null) {
            nextUniqueId = Math.max(nextUniqueId, ((Number) id).longValue() + 1);
        }
    }

    private static Row[] childArray(RecordDraft draft) {
        return draft.children == null ? null : draft.children.toArray(new Row[0]);
    }

    private void ensureCapacity(int needed) {
        if (needed > bySeq.length) {
            bySeq = Arrays.copyOf(bySeq, Math.max(needed, bySeq.length * 2));
        }
    }

    // ---- queries ----

    /**
     * One page of a query.
     *
     * @param offset     how many matching records come before the page
     * @param limit      the page size
     * @param countTotal whether to count all matching records (collectioncount=1)
     */
    PageResult page(QuerySpec query, int offset, int limit, boolean countTotal) {
        lock.readLock().lock();
        try {
            if (!query.orderBy().isEmpty() && !query.orderBy().isOnly(structure.changedate())) {
                return sortedPage(query, offset, limit, countTotal);
            }
            Cursor cursor = cursor(query.cacheKey() + "@" + offset);
            Iterator<MaximoRecord> scan = scan(query, cursor == null ? null : cursor.last);
            int toSkip = cursor == null ? offset : 0;
            List<MaximoRecord> records = new ArrayList<>(Math.min(limit, 1024));
            boolean hasMore = false;
            while (scan.hasNext()) {
                MaximoRecord record = scan.next();
                if (!query.where().test(record)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                } else if (records.size() == limit) {
                    hasMore = true;
                    break;
                } else {
                    records.add(record);
                }
            }
            if (hasMore) {
                remember(cursors, query.cacheKey() + "@" + (offset + records.size()),
                        new Cursor(version, records.get(records.size() - 1)));
            }
            int total = countTotal ? count(query) : -1;
            return new PageResult(records, hasMore, total);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The keys of every matching record in query order: the snapshot of a stable-paging read. */
    List<String> matchingKeys(QuerySpec query) {
        lock.readLock().lock();
        try {
            List<String> keys = new ArrayList<>();
            if (!query.orderBy().isEmpty() && !query.orderBy().isOnly(structure.changedate())) {
                sorted(query).forEach(r -> keys.add(r.key));
            } else {
                Iterator<MaximoRecord> scan = scan(query, null);
                while (scan.hasNext()) {
                    MaximoRecord record = scan.next();
                    if (query.where().test(record)) {
                        keys.add(record.key);
                    }
                }
            }
            return keys;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The current versions of the records with these keys, skipping those deleted since. */
    List<MaximoRecord> current(List<String> keys) {
        lock.readLock().lock();
        try {
            List<MaximoRecord> records = new ArrayList<>(keys.size());
            for (String key : keys) {
                MaximoRecord record = byKey.get(key);
                if (record != null) {
                    records.add(record);
                }
            }
            return records;
        } finally {
            lock.readLock().unlock();
        }
    }

    private PageResult sortedPage(QuerySpec query, int offset, int limit, boolean countTotal) {
        List<MaximoRecord> sorted = sorted(query);
        int from = Math.min(offset, sorted.size());
        int to = Math.min(from + limit, sorted.size());
        return new PageResult(new ArrayList<>(sorted.subList(from, to)), to < sorted.size(),
                countTotal ? sorted.size() : -1);
    }

    private List<MaximoRecord> sorted(QuerySpec query) {
        Sorted cached;
        synchronized (sortedResults) {
            cached = sortedResults.get(query.cacheKey());
        }
        if (cached != null && cached.version == version) {
            return cached.records;
        }
        List<MaximoRecord> matches = new ArrayList<>();
        for (int i = 0; i < seqCount; i++) {
            MaximoRecord record = bySeq[i];
            if (record != null && query.where().test(record)) {
                matches.add(record);
            }
        }
        matches.sort(query.orderBy().comparator());
        List<MaximoRecord> result = Collections.unmodifiableList(matches);
        remember(sortedResults, query.cacheKey(), new Sorted(version, result));
        return result;
    }

    private int count(QuerySpec query) {
        long[] cached;
        synchronized (counts) {
            cached = counts.get(query.cacheKey());
        }
        if (cached != null && cached[0] == version) {
            return (int) cached[1];
        }
        int count = 0;
        Iterator<MaximoRecord> scan = scan(query, null);
        while (scan.hasNext()) {
            if (query.where().test(scan.next())) {
                count++;
            }
        }
        remember(counts, query.cacheKey(), new long[] {version, count});
        return count;
    }

    /**
     * The candidates of a query without a general sort, in its order, starting after {@code after}: the
     * changedate range of the where clause when ordered by changedate, otherwise every record by sequence.
     */
    private Iterator<MaximoRecord> scan(QuerySpec query, MaximoRecord after) {
        Attribute changedate = structure.changedate();
        if (query.orderBy().isOnly(changedate)) {
            long low = query.where().lowerBound(changedate);
            long high = query.where().upperBound(changedate);
            if (low > high) {
                return Collections.emptyIterator();
            }
            NavigableSet<MaximoRecord> range = byChangedate.subSet(
                    MaximoRecord.probe(structure, low, Long.MIN_VALUE), true,
                    MaximoRecord.probe(structure, high, Long.MAX_VALUE), true);
            if (query.orderBy().isFirstDescending()) {
                range = range.descendingSet();
            }
            return after == null ? range.iterator() : range.tailSet(after, false).iterator();
        }
        int start = after == null ? 0 : (int) after.seq + 1;
        return new Iterator<>() {
            private int next = advance(start);

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
            public MaximoRecord next() {
                if (next >= seqCount) {
                    throw new NoSuchElementException();
                }
                MaximoRecord record = bySeq[next];
                next = advance(next + 1);
                return record;
            }
        };
    }

    private Cursor cursor(String key) {
        Cursor cursor;
        synchronized (cursors) {
            cursor = cursors.get(key);
        }
        return cursor != null && cursor.version == version ? cursor : null;
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        synchronized (cache) {
            cache.put(key, value);
        }
    }

    private static <V> Map<String, V> lruMap(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
