package dev.millwright.simulators.prometheusgroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The rows of one resource: by id (the default order), by (change time, id) for incremental reads, and by business
 * number for lookups. Reads hold the read lock, writes the write lock; rows are immutable, so a page rendered
 * after the lock is released shows each record as it was when read.
 */
final class RecordStore {

    /** What a collection read selects: changed at or after {@code modifiedFrom} (null: any), of these numbers. */
    record Filter(Long modifiedFrom, Set<String> numbers, boolean byModified) {
    }

    /** One page: its rows, whether more follow, and how many rows the filter selects in all (-1: not counted). */
    record Slice(List<Row> rows, boolean hasMore, int total) {
    }

    final Schema schema;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final NavigableMap<Long, Row> byId = new TreeMap<>();
    private final TreeSet<Row> byModified = new TreeSet<>(Row.BY_MODIFIED);
    private final Map<String, Long> byNumber = new HashMap<>();
    private long nextId;

    RecordStore(Schema schema, long firstId) {
        this.schema = schema;
        this.nextId = firstId;
    }

    long allocateId() {
        lock.writeLock().lock();
        try {
            return nextId++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void load(Collection<Row> rows) {
        lock.writeLock().lock();
        try {
            for (Row row : rows) {
                put(row);
                nextId = Math.max(nextId, row.id + 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    Row get(long id) {
        lock.readLock().lock();
        try {
            return byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    Row byNumber(String number) {
        lock.readLock().lock();
        try {
            Long id = byNumber.get(number);
            return id == null ? null : byId.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<Row> all() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(byId.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Inserts a new row; the caller checked its number is free (under {@link #write}). */
    void insert(Row row) {
        put(row);
    }

    /** Replaces a row by its id. */
    void replace(Row previous, Row row) {
        remove(previous);
        put(row);
    }

    void remove(Row row) {
        byId.remove(row.id);
        byModified.remove(row);
        String number = number(row);
        if (number != null) {
            byNumber.remove(number);
        }
    }

    /** Runs a write under the write lock. */
    <T> T write(java.util.function.Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean numberTaken(String number) {
        return byNumber.containsKey(number);
    }

    private void put(Row row) {
        byId.put(row.id, row);
        byModified.add(row);
        String number = number(row);
        if (number != null) {
            byNumber.put(number, row.id);
        }
    }

    private String number(Row row) {
        int position = schema.numberPosition();
        Object value = position < 0 ? null : row.value(position);
        return value == null ? null : value.toString();
    }

    /** The rows after {@code after} (exclusive; null: from the start) in the filter's order. */
    Slice afterKey(Filter filter, Row after, int limit) {
        lock.readLock().lock();
        try {
            Iterator<Row> rows = ordered(filter, after);
            List<Row> page = new ArrayList<>(Math.min(limit, 1024));
            while (rows.hasNext() && page.size() < limit) {
                page.add(rows.next());
            }
            return new Slice(page, rows.hasNext(), -1);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The rows from position {@code offset} in the filter's order, with the filter's total. */
    Slice atOffset(Filter filter, int offset, int limit) {
        lock.readLock().lock();
        try {
            Iterator<Row> rows = ordered(filter, null);
            int position = 0;
            List<Row> page = new ArrayList<>(Math.min(limit, 1024));
            while (rows.hasNext()) {
                Row row = rows.next();
                if (position >= offset && page.size() < limit) {
                    page.add(row);
                }
                position++;
            }
            return new Slice(page, offset + page.size() < position, position);
        } finally {
            lock.readLock().unlock();
        }
    }

    private Iterator<Row> ordered(Filter filter, Row after) {
        Predicate<Row> modified = filter.modifiedFrom() == null ? row -> true
                : row -> row.modified >= filter.modifiedFrom();
        if (filter.numbers() != null) {
            TreeSet<Row> selected = new TreeSet<>(filter.byModified() ? Row.BY_MODIFIED
                    : java.util.Comparator.comparingLong((Row row) -> row.id));
            for (String number : filter.numbers()) {
                Long id = byNumber.get(number);
                Row row = id == null ? null : byId.get(id);
                if (row != null && modified.test(row)) {
                    selected.add(row);
                }
            }
            return (after == null ? selected : selected.tailSet(after, false)).iterator();
        }
        if (filter.byModified()) {
            Row from = after != null ? after
                    : Row.probe(filter.modifiedFrom() == null ? Long.MIN_VALUE : filter.modifiedFrom(), Long.MIN_VALUE);
            return byModified.tailSet(from, after == null).iterator();
        }
        Iterator<Row> byIdOrder = (after == null ? byId.values() : byId.tailMap(after.id, false).values()).iterator();
        return new Iterator<>() {
            private Row next = advance();

            private Row advance() {
                while (byIdOrder.hasNext()) {
                    Row row = byIdOrder.next();
                    if (modified.test(row)) {
                        return row;
                    }
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                Row current = next;
                next = advance();
                return current;
            }
        };
    }
}
