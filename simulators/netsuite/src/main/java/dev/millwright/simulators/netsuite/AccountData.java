package dev.millwright.simulators.netsuite;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything stored in the simulated account: one {@link RecordStore} per record type, the id sequences (all
 * transactions share one, as in NetSuite), the numbering of tranId and name fields, and the reference lists. One
 * read-write lock guards it all; a version counter tells readers' caches when anything changed.
 */
final class AccountData {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, RecordStore> stores = new LinkedHashMap<>();
    private final Map<String, Long> nextIds = new HashMap<>();
    private final Map<String, Long> nextNumbers = new HashMap<>();
    private final Clock clock;
    private final AccountDates dates;
    private final RecordEditor editor;
    private volatile long version;

    AccountData(Clock clock, AccountDates dates, Collection<RecordTypeDef> types) {
        this.clock = clock;
        this.dates = dates;
        for (RecordTypeDef type : types) {
            stores.put(type.name.toLowerCase(Locale.ROOT), new RecordStore(type));
            nextIds.put(sequence(type), firstId(type));
            if (type.numberField != null) {
                nextNumbers.put(type.name, 1001L);
            }
        }
        this.editor = new RecordEditor(this);
    }

    private static String sequence(RecordTypeDef type) {
        return type.isTransaction() ? "transaction" : type.name;
    }

    private static long firstId(RecordTypeDef type) {
        if (type.isTransaction()) {
            return 5001;
        }
        return switch (type.name) {
            case RecordTypes.VENDOR -> 2001;
            case RecordTypes.INVENTORY_ITEM -> 101;
            default -> 1;
        };
    }

    Clock clock() {
        return clock;
    }

    AccountDates dates() {
        return dates;
    }

    long version() {
        return version;
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    // ---- locking ----

    <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> writer) {
        lock.writeLock().lock();
        try {
            T result = writer.get();
            version++;
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---- types and stores ----

    /** The store of a record type (case-insensitive), or a 404 error. */
    RecordStore store(String typeName) {
        RecordStore store = stores.get(typeName.toLowerCase(Locale.ROOT));
        if (store == null) {
            throw NetSuiteErrors.unknownRecordType(typeName);
        }
        return store;
    }

    Collection<RecordStore> stores() {
        return stores.values();
    }

    /** The stores whose records live in a SuiteQL table (transaction holds purchase and work orders). */
    List<RecordStore> storesOfTable(String table) {
        List<RecordStore> matching = new ArrayList<>();
        for (RecordStore store : stores.values()) {
            if (store.type.table.equalsIgnoreCase(table)) {
                matching.add(store);
            }
        }
        return matching;
    }

    // ---- references ----

    /** The name a reference shows: a fixed list entry's name, or the referenced record's name field. */
    String refName(String list, long id) {
        if (RefLists.isFixed(list)) {
            return RefLists.name(list, id);
        }
        RecordStore store = stores.get(list.toLowerCase(Locale.ROOT));
        NsRecord record = store == null ? null : store.get(id);
        if (record == null) {
            return null;
        }
        Object name = record.value(record.type.refNameField);
        return name == null ? null : name.toString();
    }

    boolean refExists(String list, long id) {
        if (RefLists.isFixed(list)) {
            return RefLists.name(list, id) != null;
        }
        RecordStore store = stores.get(list.toLowerCase(Locale.ROOT));
        return store != null && store.get(id) != null;
    }

    // ---- reads ----

    NsRecord get(String type, long id) {
        return read(() -> {
            NsRecord record = store(type).get(id);
            if (record == null) {
                throw NetSuiteErrors.recordNotFound();
            }
            return record;
        });
    }

    // ---- writes ----

    /** Loads generated records as they are (ids, numbers and stamps included). */
    void load(String type, List<NsRecord> records) {
        write(() -> {
            RecordStore store = store(type);
            for (NsRecord record : records) {
                store.put(record);
                noteId(store.type, record.id);
            }
            return null;
        });
    }

    /** Reserves the next internal id of a type's sequence. */
    long nextId(RecordTypeDef type) {
        synchronized (nextIds) {
            long id = nextIds.get(sequence(type));
            nextIds.put(sequence(type), id + 1);
            return id;
        }
    }

    private void noteId(RecordTypeDef type, long id) {
        synchronized (nextIds) {
            nextIds.merge(sequence(type), id + 1, Math::max);
        }
    }

    /** The next number of a numbered field, e.g. PO1042. */
    String nextNumber(RecordTypeDef type) {
        synchronized (nextNumbers) {
            long number = nextNumbers.get(type.name);
            nextNumbers.put(type.name, number + 1);
            return type.numberPrefix + number;
        }
    }

    void noteNumber(RecordTypeDef type, String number) {
        if (type.numberField == null || number == null || !number.startsWith(type.numberPrefix)) {
            return;
        }
        String digits = number.substring(type.numberPrefix.length());
        if (!digits.isEmpty() && digits.length() < 15 && digits.chars().allMatch(Character::isDigit)) {
            synchronized (nextNumbers) {
                nextNumbers.merge(type.name, Long.parseLong(digits) + 1, Math::max);
            }
        }
    }

    /**
     * Creates a record from a record API body.
     *
     * @param system true for the simulator's own data access: read-only fields and any status may be set
     */
    NsRecord create(String type, JsonNode body, boolean system) {
        return write(() -> {
            RecordStore store = store(type);
            NsRecord created = editor.create(store.type, body, system);
            store.put(created);
            noteNumber(store.type, store.type.numberField == null ? null
                    : (String) created.value(store.type.numberField));
            return created;
        });
    }

    /**
     * Updates a record from a record API body (PATCH semantics).
     *
     * @param replace the sublists the body replaces instead of merging into ({@code ?replace=item})
     */
    NsRecord update(String type, long id, JsonNode body, Set<String> replace, boolean system) {
        return write(() -> {
            RecordStore store = store(type);
            NsRecord current = store.get(id);
            if (current == null) {
                throw NetSuiteErrors.recordNotFound();
            }
            NsRecord updated = editor.update(current, body, replace, system);
            store.put(updated);
            return updated;
        });
    }

    /** Deletes a record; the client's delete is refused while other records depend on it. */
    NsRecord delete(String type, long id, boolean system) {
        return write(() -> {
            RecordStore store = store(type);
            NsRecord current = store.get(id);
            if (current == null) {
                throw NetSuiteErrors.recordNotFound();
            }
            if (!system && hasDependents(current)) {
                throw NetSuiteErrors.dependentRecords();
            }
            return store.remove(id);
        });
    }

    /** Receipts, bills or referring transactions make a record undeletable. */
    private boolean hasDependents(NsRecord record) {
        RecordTypeDef type = record.type;
        if (type.name.equals(RecordTypes.PURCHASE_ORDER)) {
            Object status = record.value("orderStatus");
            return status != null && Set.of("D", "E", "F", "G").contains(status.toString());
        }
        for (RecordStore store : stores.values()) {
            RecordTypeDef other = store.type;
            List<Integer> bodyRefs = new ArrayList<>();
            for (int i = 0; i < other.fields.size(); i++) {
                FieldDef field = other.fields.get(i);
                if (field.kind() == FieldKind.REF && type.name.equalsIgnoreCase(field.refList())) {
                    bodyRefs.add(i);
                }
            }
            int lineRef = -1;
            for (int i = 0; i < other.lineFields.size(); i++) {
                FieldDef field = other.lineFields.get(i);
                if (field.kind() == FieldKind.REF && type.name.equalsIgnoreCase(field.refList())) {
                    lineRef = i;
                }
            }
            if (bodyRefs.isEmpty() && lineRef < 0) {
                continue;
            }
            for (NsRecord candidate : store.byId()) {
                for (int index : bodyRefs) {
                    if (Long.valueOf(record.id).equals(candidate.values[index]) && candidate.id != record.id) {
                        return true;
                    }
                }
                if (lineRef >= 0) {
                    for (Object[] line : candidate.lines) {
                        if (Long.valueOf(record.id).equals(line[lineRef])) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
