package dev.millwright.simulators.s4hana;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The entities of one top-level set: a tree by key predicate (SAP's default order, and lookups), and for sets
 * with a change time a tree by (change time, key), so that the incremental read
 * {@code $filter=LastChangeDateTime ge ...&$orderby=LastChangeDateTime asc} walks only its range. Reads hold a
 * read lock; writes replace whole entities under the write lock.
 */
final class EntityStore {

    /** One {@code $orderby} item. */
    record Order(String property, boolean descending) {
    }

    private final EntitySetDef set;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, Entity> byKey = new TreeMap<>();
    private final TreeSet<Entity> byChange;

    EntityStore(EntitySetDef set) {
        this.set = set;
        this.byChange = set.changeProperty == null ? null : new TreeSet<>(changeOrder(set));
    }

    private static Comparator<Entity> changeOrder(EntitySetDef set) {
        return Comparator.<Entity>comparingLong(e -> e.millis(set.changeProperty)).thenComparing(Entity::key);
    }

    EntitySetDef set() {
        return set;
    }

    Entity get(String key) {
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

    List<Entity> all() {
        lock.readLock().lock();
        try {
            return new ArrayList<>(byKey.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Stores an entity, replacing the one with its key; answers the replaced one or null. */
    Entity put(Entity entity) {
        lock.writeLock().lock();
        try {
            Entity previous = byKey.put(entity.key(), entity);
            if (byChange != null) {
                if (previous != null) {
                    byChange.remove(previous);
                }
                byChange.add(entity);
            }
            return previous;
        } finally {
            lock.writeLock().unlock();
        }
    }

    void putAll(Collection<Entity> entities) {
        lock.writeLock().lock();
        try {
            for (Entity entity : entities) {
                byKey.put(entity.key(), entity);
                if (byChange != null) {
                    byChange.add(entity);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replaces {@code expected} atomically; false when the stored entity is no longer that one. */
    boolean replace(Entity expected, Entity replacement) {
        lock.writeLock().lock();
        try {
            if (byKey.get(expected.key()) != expected) {
                return false;
            }
            put(replacement);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    Entity remove(String key) {
        lock.writeLock().lock();
        try {
            Entity removed = byKey.remove(key);
            if (removed != null && byChange != null) {
                byChange.remove(removed);
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The matching entities from {@code skip} on, at most {@code limit} of them, in the order asked.
     */
    List<Entity> query(ODataFilter filter, List<Order> orderBy, int skip, int limit) {
        lock.readLock().lock();
        try {
            List<Entity> page = new ArrayList<>(Math.min(limit, 1024));
            int toSkip = skip;
            Iterator<Entity> candidates = candidates(filter, orderBy);
            while (candidates.hasNext() && page.size() < limit) {
                Entity entity = candidates.next();
                if (filter.test(entity)) {
                    if (toSkip > 0) {
                        toSkip--;
                    } else {
                        page.add(entity);
                    }
                }
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    int count(ODataFilter filter) {
        lock.readLock().lock();
        try {
            int count = 0;
            Iterator<Entity> candidates = byChange != null ? changeRange(filter) : byKey.values().iterator();
            while (candidates.hasNext()) {
                if (filter.test(candidates.next())) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.readLock().unlock();
        }
    }

    private Iterator<Entity> candidates(ODataFilter filter, List<Order> orderBy) {
        if (orderBy.isEmpty()) {
            return byKey.values().iterator();
        }
        if (byChange != null && isChangeOrder(orderBy)) {
            return changeRange(filter);
        }
        List<Entity> all = new ArrayList<>(byKey.values());
        all.sort(comparator(orderBy));
        return all.iterator();
    }

    private Iterator<Entity> changeRange(ODataFilter filter) {
        long low = filter.lowerBound(set.changeProperty);
        if (low == Long.MIN_VALUE) {
            return byChange.iterator();
        }
        Entity.Draft probe = Entity.blank(set).draft();
        probe.set(set.changeProperty, low);
        NavigableSet<Entity> range = byChange.tailSet(probe.build(0), true);
        return range.iterator();
    }

    /** {@code <change> asc} optionally followed by key properties ascending: the order of the change index. */
    private boolean isChangeOrder(List<Order> orderBy) {
        if (!orderBy.get(0).property().equals(set.changeProperty) || orderBy.get(0).descending()) {
            return false;
        }
        for (int i = 1; i < orderBy.size(); i++) {
            Order order = orderBy.get(i);
            if (order.descending() || i - 1 >= set.keys.size() || !set.keys.get(i - 1).equals(order.property())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Comparator<Entity> comparator(List<Order> orderBy) {
        Comparator<Entity> comparator = null;
        for (Order order : orderBy) {
            Property property = set.property(order.property());
            Comparator<Entity> next = (a, b) -> {
                Object x = a.get(property.name());
                Object y = b.get(property.name());
                if (property.type() == EdmType.STRING) {
                    x = x == null ? "" : x;
                    y = y == null ? "" : y;
                }
                if (x == null || y == null) {
                    return x == null ? (y == null ? 0 : -1) : 1;
                }
                return ((Comparable) x).compareTo(y);
            };
            if (order.descending()) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        return comparator.thenComparing(Entity::key);
    }
}
