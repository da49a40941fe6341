package dev.millwright.simulators.dynamics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The data of one company: a store per entity set, the number series, and every read and write on them. Reads
 * hold a read lock and hand out immutable records; writes hold the write lock, so that checks (ETag, status,
 * references) and the change are atomic. The row version counter is the company's: every stored change gets a
 * higher one, and with it a new ETag.
 */
final class CompanyData {
    /** One page of a collection read. */
    record Page(List<BcRecord> records, SkipToken next, long count) {
    }

    private static final int SORTED_RESULTS = 4;

    private final UUID id;
    private final String name;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, EntityStore> stores = new LinkedHashMap<>();
    private final Map<String, NumberSeries> series = new HashMap<>();
    /** Purchase order line id → the id of its order. */
    private final Map<UUID, UUID> orderOfLine = new HashMap<>();
    private final AtomicLong rowVersions;
    private final WriteRules rules;
    private final Map<String, Sorted> sortedResults = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Sorted> eldest) {
            return size() > SORTED_RESULTS;
        }
    };

    private record Sorted(long version, List<BcRecord> records) {
    }

    CompanyData(UUID id, String name, Clock clock, long firstRowVersion) {
        this.id = id;
        this.name = name;
        this.clock = clock;
        this.rowVersions = new AtomicLong(firstRowVersion);
        for (EntitySchema schema : Schemas.ALL) {
            stores.put(schema.entitySet(), new EntityStore(schema));
        }
        series.put(Schemas.VENDORS, new NumberSeries("V", 10, 10, 5, ""));
        series.put(Schemas.ITEMS, new NumberSeries("", 1896, 4, 4, "-S"));
        series.put(Schemas.FIXED_ASSETS, new NumberSeries("FA", 10, 10, 6, ""));
        series.put(Schemas.PURCHASE_ORDERS, new NumberSeries("", 106001, 1, 6, ""));
        this.rules = new WriteRules(this);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String displayName() {
        return name;
    }

    Clock clock() {
        return clock;
    }

    // ---- reads ----

    int count(EntitySchema schema) {
        lock.readLock().lock();
        try {
            return store(schema).size();
        } finally {
            lock.readLock().unlock();
        }
    }

    BcRecord get(EntitySchema schema, UUID recordId) {
        lock.readLock().lock();
        try {
            return store(schema).get(recordId);
        } finally {
            lock.readLock().unlock();
        }
    }

    List<BcRecord> all(EntitySchema schema) {
        lock.readLock().lock();
        try {
            return store(schema).all();
        } finally {
            lock.readLock().unlock();
        }
    }

    BcRecord vendorByNumber(String number) {
        return store(Schemas.VENDOR).byNumber(number);
    }

    BcRecord itemByNumber(String number) {
        return store(Schemas.ITEM).byNumber(number);
    }

    /** The order holding a line, or null when no order has it. */
    BcRecord orderOfLine(UUID lineId) {
        lock.readLock().lock();
        try {
            UUID orderId = orderOfLine.get(lineId);
            return orderId == null ? null : store(Schemas.PURCHASE_ORDER).get(orderId);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * One page of a collection read: the records matching the filter in the requested order, starting where the
     * skip token says, at most {@code pageSize} of them, and the token of the next page when there is one. With
     * {@code $top} there is one page only, as in BC.
     */
    Page page(EntitySchema schema, ODataQuery query, int pageSize) {
        lock.readLock().lock();
        try {
            EntityStore store = store(schema);
            boolean paged = query.top < 0;
            int limit = paged ? pageSize : Math.min(pageSize, query.top);
            SkipToken token = query.skipToken;
            int page = token == null ? 1 : token.page();
            List<BcRecord> records = new ArrayList<>(Math.min(limit, 1024));
            SkipToken next;
            if (query.orderBy.isEmpty() || query.orderedByModification() && schema.tracksModification()) {
                Iterator<BcRecord> candidates;
                boolean byModification = !query.orderBy.isEmpty();
                if (byModification) {
                    Property modified = schema.property(EntitySchema.LAST_MODIFIED);
                    BcRecord after = token == null ? null : BcRecord.probe(schema, token.first(), token.second());
                    candidates = store.byModified(query.filter.lowerBound(modified), query.filter.upperBound(modified),
                            query.orderBy.get(0).descending(), after);
                } else {
                    candidates = store.fromSeq(token == null ? -1 : token.first());
                }
                int toSkip = token == null ? query.skip : 0;
                boolean more = false;
                while (candidates.hasNext()) {
                    BcRecord record = candidates.next();
                    if (!query.filter.test(record)) {
                        continue;
                    }
                    if (toSkip > 0) {
                        toSkip--;
                    } else if (records.size() == limit) {
                        more = true;
                        break;
                    } else {
                        records.add(record);
                    }
                }
                BcRecord last = records.isEmpty() ? null : records.get(records.size() - 1);
                next = !more || last == null ? null : byModification
                        ? new SkipToken(page + 1, 'm', last.modifiedMillis, last.seq)
                        : new SkipToken(page + 1, 's', last.seq, 0);
            } else {
                List<BcRecord> sorted = sorted(store, query);
                int from = Math.min(token == null ? query.skip : (int) token.first(), sorted.size());
                int to = Math.min(from + limit, sorted.size());
                records.addAll(sorted.subList(from, to));
                next = to < sorted.size() ? new SkipToken(page + 1, 'o', to, 0) : null;
            }
            long count = query.count ? countMatching(store, query.filter) : -1;
            return new Page(records, paged ? next : null, count);
        } finally {
            lock.readLock().unlock();
        }
    }

    private List<BcRecord> sorted(EntityStore store, ODataQuery query) {
        String key = store.schema().entitySet() + "|" + query.cacheKey;
        synchronized (sortedResults) {
            Sorted cached = sortedResults.get(key);
            if (cached != null && cached.version() == store.version()) {
                return cached.records();
            }
        }
        List<BcRecord> matches = new ArrayList<>();
        for (BcRecord record : store.all()) {
            if (query.filter.test(record)) {
                matches.add(record);
            }
        }
        matches.sort(query.comparator());
        List<BcRecord> result = Collections.unmodifiableList(matches);
        synchronized (sortedResults) {
            sortedResults.put(key, new Sorted(store.version(), result));
        }
        return result;
    }

    private static long countMatching(EntityStore store, ODataFilter filter) {
        long count = 0;
        Iterator<BcRecord> all = store.fromSeq(-1);
        while (all.hasNext()) {
            if (filter.test(all.next())) {
                count++;
            }
        }
        return count;
    }

    int ordersOfVendor(UUID vendorId) {
        int count = 0;
        for (BcRecord order : store(Schemas.PURCHASE_ORDER).all()) {
            if (order.guid("vendorId").equals(vendorId)) {
                count++;
            }
        }
        return count;
    }

    int orderLinesOfItem(UUID itemId) {
        int count = 0;
        for (BcRecord order : store(Schemas.PURCHASE_ORDER).all()) {
            for (BcRecord line : order.lines) {
                if (line.guid("itemId").equals(itemId)) {
                    count++;
                }
            }
        }
        return count;
    }

    // ---- API writes ----

    /**
     * POST: creates a record from a request body; for purchase orders the lines in the body are inserted with
     * it (deep insert), all or nothing.
     */
    BcRecord create(EntitySchema schema, ObjectNode body) {
        lock.writeLock().lock();
        try {
            RecordDraft draft = new RecordDraft(schema);
            Set<String> given = apply(draft, body, true, true);
            draft.id = given.contains(EntitySchema.ID) ? draft.id : UUID.randomUUID();
            if (store(schema).get(draft.id) != null) {
                throw new BcException(409, BcErrors.SAME_KEY_EXISTS, "The " + schema.caption()
                        + " already exists. Identification fields and values: Id='{" + draft.id + "}'");
            }
            rules.complete(draft, true, given, today());
            JsonNode lines = schema.linesProperty() == null ? null : body.get(schema.linesProperty());
            if (lines != null && !lines.isNull()) {
                if (!lines.isArray()) {
                    throw BcErrors.badRequest("The property '" + schema.linesProperty()
                            + "' must be an array of " + schema.lines().entityType() + " objects.");
                }
                for (JsonNode line : lines) {
                    if (!line.isObject()) {
                        throw BcErrors.badRequest("Each element of '" + schema.linesProperty() + "' must be an object.");
                    }
                    addLine(draft, (ObjectNode) line, true);
                }
            }
            return store(number(draft), clock.millis(), true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * PATCH: changes the properties a body names. BC requires the concurrency token: a missing If-Match is a 400,
     * a stale one a conflict.
     */
    BcRecord update(EntitySchema schema, UUID recordId, String ifMatch, ObjectNode body, int staleStatus) {
        lock.writeLock().lock();
        try {
            BcRecord current = existing(schema, recordId);
            checkConcurrency(current, ifMatch, true, staleStatus);
            if (schema.linesProperty() != null && body.has(schema.linesProperty())) {
                throw BcErrors.badRequest("Deep update is not supported: change '" + schema.linesProperty()
                        + "' through their own resource.");
            }
            if (schema == Schemas.PURCHASE_ORDER) {
                rules.requireEditableOrder(current);
            }
            RecordDraft draft = new RecordDraft(current);
            Set<String> given = apply(draft, body, false, true);
            rules.complete(draft, false, given, today());
            return store(number(draft), clock.millis(), false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** DELETE: the ETag is checked only when the request carries one, as in BC. */
    void delete(EntitySchema schema, UUID recordId, String ifMatch, int staleStatus) {
        lock.writeLock().lock();
        try {
            BcRecord current = existing(schema, recordId);
            checkConcurrency(current, ifMatch, false, staleStatus);
            if (schema == Schemas.PURCHASE_ORDER) {
                rules.requireEditableOrder(current);
            }
            rules.requireUnused(current);
            remove(current);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** POST to the lines of an order: adds a line; answers the stored line. */
    BcRecord createLine(UUID orderId, ObjectNode body) {
        lock.writeLock().lock();
        try {
            BcRecord order = existing(Schemas.PURCHASE_ORDER, orderId);
            rules.requireEditableOrder(order);
            RecordDraft draft = new RecordDraft(order);
            RecordDraft line = addLine(draft, body, true);
            BcRecord stored = store(draft, clock.millis(), false);
            return lineOf(stored, line.id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** PATCH of a line: its own ETag is required, as for any record. */
    BcRecord updateLine(UUID lineId, String ifMatch, ObjectNode body, int staleStatus) {
        lock.writeLock().lock();
        try {
            BcRecord order = orderHolding(lineId);
            BcRecord line = lineOf(order, lineId);
            checkConcurrency(line, ifMatch, true, staleStatus);
            rules.requireEditableOrder(order);
            RecordDraft draft = new RecordDraft(order);
            RecordDraft lineDraft = draft.lines.stream().filter(l -> l.id.equals(lineId)).findFirst().orElseThrow();
            Set<String> given = apply(lineDraft, body, false, true);
            rules.completeLine(draft, lineDraft, line, false, given, true);
            lineDraft.markChanged();
            rules.totals(draft);
            return lineOf(store(draft, clock.millis(), false), lineId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void deleteLine(UUID lineId, String ifMatch, int staleStatus) {
        lock.writeLock().lock();
        try {
            BcRecord order = orderHolding(lineId);
            checkConcurrency(lineOf(order, lineId), ifMatch, false, staleStatus);
            rules.requireEditableOrder(order);
            RecordDraft draft = new RecordDraft(order);
            draft.lines.removeIf(line -> line.id.equals(lineId));
            draft.markChanged();
            rules.totals(draft);
            orderOfLine.remove(lineId);
            store(draft, clock.millis(), false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private BcRecord orderHolding(UUID lineId) {
        UUID orderId = orderOfLine.get(lineId);
        BcRecord order = orderId == null ? null : store(Schemas.PURCHASE_ORDER).get(orderId);
        if (order == null) {
            throw BcErrors.recordNotFound(Schemas.PURCHASE_ORDER_LINE, lineId);
        }
        return order;
    }

    static BcRecord lineOf(BcRecord order, UUID lineId) {
        for (BcRecord line : order.lines) {
            if (line.id.equals(lineId)) {
                return line;
            }
        }
        throw BcErrors.recordNotFound(Schemas.PURCHASE_ORDER_LINE, lineId);
    }

    private RecordDraft addLine(RecordDraft order, ObjectNode body, boolean checkAccess) {
        RecordDraft line = new RecordDraft(Schemas.PURCHASE_ORDER_LINE);
        Set<String> given = apply(line, body, true, checkAccess);
        if (!given.contains(EntitySchema.ID)) {
            line.id = UUID.randomUUID();
        }
        if (orderOfLine.containsKey(line.id)) {
            throw new BcException(409, BcErrors.SAME_KEY_EXISTS, "The Purchase Line already exists.");
        }
        if (given.contains("documentId") && !line.guid("documentId").equals(order.id) && order.id != null) {
            throw BcErrors.dialog("The value for \"documentId\" does not match the order the line is added to.");
        }
        rules.completeLine(order, line, null, true, given, checkAccess);
        order.lines.add(line);
        rules.totals(order);
        return line;
    }

    private void checkConcurrency(BcRecord current, String ifMatch, boolean required, int staleStatus) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw BcErrors.missingConcurrencyToken();
            }
            return;
        }
        if (!Etags.matches(ifMatch, current.rowVersion)) {
            throw BcErrors.entityChanged(staleStatus);
        }
    }

    /**
     * Sets the properties a body names, checked as the API checks them: annotations ({@code @odata.etag}) are
     * ignored, unknown properties and read-only ones refused, an id only accepted on insert (or unchanged).
     *
     * @return the names of the properties set
     */
    private static Set<String> apply(RecordDraft draft, ObjectNode body, boolean inserting, boolean checkAccess) {
        EntitySchema schema = draft.schema;
        Set<String> given = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.startsWith("@") || name.contains("@odata.")) {
                continue;
            }
            if (name.equals(schema.linesProperty())) {
                continue;
            }
            Property property = schema.property(name);
            if (property == null) {
                throw BcErrors.unknownBodyProperty(name, schema);
            }
            Object value = Values.fromJson(property, field.getValue());
            if (checkAccess) {
                switch (property.access()) {
                    case KEY -> {
                        if (!inserting && !value.equals(draft.id)) {
                            throw BcErrors.badRequest("The \"id\" cannot be changed.");
                        }
                    }
                    case SYSTEM, READ_ONLY -> throw BcErrors.readOnly(property);
                    default -> { }
                }
            }
            draft.set(property, value);
            given.add(name);
        }
        return given;
    }

    /** Gives a record without a number the next of its series, and refuses a number another record has. */
    private RecordDraft number(RecordDraft draft) {
        EntitySchema schema = draft.schema;
        NumberSeries numbers = series.get(schema.entitySet());
        if (numbers == null || !schema.has("number")) {
            return draft;
        }
        EntityStore store = store(schema);
        if (draft.text("number").isEmpty()) {
            String number = numbers.take();
            while (store.byNumber(number) != null) {
                number = numbers.take();
            }
            draft.setText("number", number);
        } else {
            BcRecord holder = store.byNumber(draft.text("number"));
            if (holder != null && !holder.id.equals(draft.id)) {
                throw BcErrors.duplicateNumber(schema, draft.text("number"));
            }
        }
        return draft;
    }

    private BcRecord existing(EntitySchema schema, UUID recordId) {
        BcRecord current = store(schema).get(recordId);
        if (current == null) {
            throw BcErrors.recordNotFound(schema, recordId);
        }
        return current;
    }

    /** Stores a draft: a new sequence for a new record, the same one for a change; stamps the modification time. */
    private BcRecord store(RecordDraft draft, long modifiedMillis, boolean inserting) {
        EntityStore store = store(draft.schema);
        draft.modifiedMillis = modifiedMillis;
        long seq = inserting ? store.nextSeq() : draft.original().seq;
        BcRecord record = draft.freeze(seq, rowVersions::incrementAndGet);
        if (!inserting) {
            BcRecord previous = draft.original();
            if (previous.lines != null) {
                for (BcRecord line : previous.lines) {
                    orderOfLine.remove(line.id);
                }
            }
        }
        if (record.lines != null) {
            for (BcRecord line : record.lines) {
                orderOfLine.put(line.id, record.id);
            }
        }
        store.put(record);
        return record;
    }

    private void remove(BcRecord record) {
        store(record.schema).remove(record.id);
        if (record.lines != null) {
            for (BcRecord line : record.lines) {
                orderOfLine.remove(line.id);
            }
        }
    }

    // ---- writes as another BC user (data access methods) ----

    /**
     * Changes a record as a user of the BC client would: any property (status, fullyReceived and
     * lastModifiedDateTime too), no status rule; for purchase orders {@code purchaseOrderLines} (a list of maps)
     * replaces the lines. lastModifiedDateTime becomes the clock's now unless the changes give it.
     */
    BcRecord modify(EntitySchema schema, UUID recordId, Map<String, ?> changes) {
        lock.writeLock().lock();
        try {
            BcRecord current = existing(schema, recordId);
            RecordDraft draft = new RecordDraft(current);
            Set<String> given = applyJava(draft, changes);
            rules.complete(draft, false, given, today());
            Object lines = schema.linesProperty() == null ? null : changes.get(schema.linesProperty());
            if (lines != null) {
                replaceLines(draft, lines);
                if (given.contains("fullyReceived")) {
                    draft.setFlag("fullyReceived", Boolean.TRUE.equals(changes.get("fullyReceived")));
                }
            }
            number(draft);
            return store(draft, given.contains(EntitySchema.LAST_MODIFIED) ? draft.modifiedMillis : clock.millis(),
                    false);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Creates a record as a BC user would (see {@link #modify}); numbers come from the series when not given. */
    BcRecord insert(EntitySchema schema, Map<String, ?> fields) {
        lock.writeLock().lock();
        try {
            RecordDraft draft = new RecordDraft(schema);
            Set<String> given = applyJava(draft, fields);
            if (!given.contains(EntitySchema.ID)) {
                draft.id = UUID.randomUUID();
            }
            rules.complete(draft, true, given, today());
            Object lines = schema.linesProperty() == null ? null : fields.get(schema.linesProperty());
            if (lines != null) {
                replaceLines(draft, lines);
            }
            number(draft);
            return store(draft, given.contains(EntitySchema.LAST_MODIFIED) ? draft.modifiedMillis : clock.millis(),
                    true);
        } finally {
            lock.writeLock().unlock();
        }
    }

    boolean remove(EntitySchema schema, UUID recordId) {
        lock.writeLock().lock();
        try {
            BcRecord current = store(schema).get(recordId);
            if (current == null) {
                return false;
            }
            remove(current);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void replaceLines(RecordDraft order, Object lines) {
        if (!(lines instanceof List<?> list)) {
            throw new IllegalArgumentException(Schemas.PURCHASE_ORDER_LINES + " must be a List of Maps");
        }
        order.lines.clear();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException(Schemas.PURCHASE_ORDER_LINES + " must be a List of Maps");
            }
            RecordDraft line = new RecordDraft(Schemas.PURCHASE_ORDER_LINE);
            @SuppressWarnings("unchecked")
            Set<String> given = applyJava(line, (Map<String, ?>) map);
            if (!given.contains(EntitySchema.ID)) {
                line.id = UUID.randomUUID();
            }
            rules.completeLine(order, line, null, true, given, false);
            order.lines.add(line);
        }
        order.markChanged();
        rules.totals(order);
    }

    private static Set<String> applyJava(RecordDraft draft, Map<String, ?> values) {
        Set<String> given = new LinkedHashSet<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            if (entry.getKey().equals(draft.schema.linesProperty())) {
                continue;
            }
            Property property = draft.schema.property(entry.getKey());
            if (property == null) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a property of "
                        + draft.schema.entitySet());
            }
            draft.set(property, Values.fromJava(property, entry.getValue()));
            given.add(entry.getKey());
        }
        return given;
    }

    // ---- bulk load of generated data ----

    /**
     * Loads generated records with their modification times; row versions follow the modification order, as a
     * real database's would.
     */
    void load(EntitySchema schema, List<RecordDraft> drafts) {
        lock.writeLock().lock();
        try {
            EntityStore store = store(schema);
            store.ensureCapacity(drafts.size());
            Integer[] byTime = new Integer[drafts.size()];
            for (int i = 0; i < byTime.length; i++) {
                byTime[i] = i;
            }
            Arrays.sort(byTime, (a, b) -> Long.compare(drafts.get(a).modifiedMillis, drafts.get(b).modifiedMillis));
            long[] versions = new long[byTime.length];
            for (int index : byTime) {
                versions[index] = rowVersions.incrementAndGet();
            }
            for (int i = 0; i < drafts.size(); i++) {
                RecordDraft draft = drafts.get(i);
                number(draft);
                BcRecord record = draft.freeze(store.nextSeq(), versions[i], rowVersions::incrementAndGet);
                if (record.lines != null) {
                    for (BcRecord line : record.lines) {
                        orderOfLine.put(line.id, record.id);
                    }
                }
                store.put(record);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    WriteRules rules() {
        return rules;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private EntityStore store(EntitySchema schema) {
        EntityStore store = stores.get(schema.entitySet());
        if (store == null) {
            throw new IllegalArgumentException("no entity set " + schema.entitySet());
        }
        return store;
    }
}
