package dev.millwright.simulators.netsuite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.millwright.simulators.netsuite.SuiteQlQuery.And;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Column;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Compare;
import dev.millwright.simulators.netsuite.SuiteQlQuery.DateLiteral;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Expr;
import dev.millwright.simulators.netsuite.SuiteQlQuery.In;
import dev.millwright.simulators.netsuite.SuiteQlQuery.IsNull;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Literal;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Not;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Or;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Order;
import dev.millwright.simulators.netsuite.SuiteQlQuery.SelectItem;
import dev.millwright.simulators.netsuite.SuiteQlTable.Cell;
import dev.millwright.simulators.netsuite.SuiteQlTable.LineRow;

/**
 * Runs SuiteQL queries over the stored records and renders result pages. A query ordered by the table's
 * modified-time column (and id), the shape of an incremental read, walks the modified-time index from the
 * WHERE clause's lower bound, and resumes the next page from where the previous one ended while nothing changed;
 * other orders sort the matching rows. At most {@code maxResults} rows (100,000 in NetSuite) are ever returned
 * for one query, whatever its offset.
 */
final class SuiteQlEngine {

    /** One page of results. */
    record Page(List<Object> rows, int totalResults, boolean hasMore) {
    }

    private static final int CACHE_ENTRIES = 256;

    private final AccountData data;
    private final RestJsonWriter restWriter;
    private final JsonFactory json;
    private final int maxResults;
    private final Map<String, Object[]> cursors = lru();
    private final Map<String, long[]> counts = lru();

    SuiteQlEngine(AccountData data, RestJsonWriter restWriter, JsonFactory json, int maxResults) {
        this.data = data;
        this.restWriter = restWriter;
        this.json = json;
        this.maxResults = maxResults;
    }

    int maxResults() {
        return maxResults;
    }

    Page page(String text, SuiteQlQuery query, int offset, int limit) {
        SuiteQlTable table = SuiteQlTable.of(query.table(), data);
        validate(table, query);
        if (offset >= maxResults) {
            throw NetSuiteErrors.badParameter("offset", "A query returns at most " + maxResults + " results.");
        }
        Predicate<Object> where = query.where() == null ? row -> true : compile(table, query.where());
        boolean ordered = ordered(table, query);
        return data.read(() -> {
            long version = data.version();
            int total = (int) Math.min(count(text, table, query, where, version), maxResults);
            List<Object> rows = new ArrayList<>();
            int wanted = Math.max(0, Math.min(limit, total - offset));
            if (wanted > 0) {
                NsRecord resumeAfter = ordered ? cursor(text + "@" + offset, version) : null;
                Iterator<Object> scan = scan(table, query, where, resumeAfter);
                int skip = resumeAfter == null ? offset : 0;
                while (scan.hasNext() && rows.size() < wanted) {
                    Object row = scan.next();
                    if (skip > 0) {
                        skip--;
                    } else {
                        rows.add(row);
                    }
                }
                if (ordered && !rows.isEmpty()) {
                    remember(cursors, text + "@" + (offset + rows.size()),
                            new Object[] {version, rows.get(rows.size() - 1)});
                }
            }
            return new Page(rows, total, offset + rows.size() < total);
        });
    }

    // ---- checks ----

    private static void validate(SuiteQlTable table, SuiteQlQuery query) {
        for (SelectItem item : query.select()) {
            if (item.kind() != SelectItem.Kind.STAR) {
                table.column(item.column());
            }
        }
        for (Order order : query.orderBy()) {
            table.column(order.column());
        }
    }

    private static boolean ordered(SuiteQlTable table, SuiteQlQuery query) {
        if (table.shape != SuiteQlTable.Shape.RECORDS || table.modifiedColumn == null) {
            return false;
        }
        List<Order> order = query.orderBy();
        if (order.isEmpty()) {
            return true;
        }
        boolean byModified = order.get(0).column().equals(table.modifiedColumn) && !order.get(0).descending();
        return byModified && (order.size() == 1
                || (order.size() == 2 && order.get(1).column().equals("id") && !order.get(1).descending()));
    }

    // ---- scans ----

    private Iterator<Object> scan(SuiteQlTable table, SuiteQlQuery query, Predicate<Object> where, NsRecord after) {
        List<Object> rows;
        switch (table.shape) {
            case RECORDS -> {
                List<RecordStore> stores = storesOf(table, query.where());
                if (ordered(table, query)) {
                    long low = lowerBound(query.where(), table.modifiedColumn);
                    List<Iterator<NsRecord>> parts = new ArrayList<>();
                    for (RecordStore store : stores) {
                        parts.add(store.byModifiedFrom(low, after));
                    }
                    return filter(merge(parts), where);
                }
                rows = new ArrayList<>();
                for (RecordStore store : stores) {
                    for (NsRecord record : store.byId()) {
                        if (where.test(record)) {
                            rows.add(record);
                        }
                    }
                }
            }
            case LINES -> {
                rows = new ArrayList<>();
                Set<String> ids = constraint(query.where(), "transaction");
                for (RecordStore store : table.stores) {
                    for (NsRecord transaction : records(store, ids, id -> id)) {
                        Object main = new LineRow(transaction, -1);
                        if (where.test(main)) {
                            rows.add(main);
                        }
                        for (int i = 0; i < transaction.lines.length; i++) {
                            Object line = new LineRow(transaction, i);
                            if (where.test(line)) {
                                rows.add(line);
                            }
                        }
                    }
                }
                if (query.orderBy().isEmpty()) {
                    return rows.iterator();
                }
            }
            default -> {
                rows = new ArrayList<>();
                Set<String> keys = constraint(query.where(), "nkey");
                for (RecordStore store : table.stores) {
                    for (NsRecord vendor : records(store, keys, SuiteQlTable::vendorOfAddress)) {
                        if (SuiteQlTable.hasAddress(vendor) && where.test(vendor)) {
                            rows.add(vendor);
                        }
                    }
                }
            }
        }
        rows.sort(comparator(table, query.orderBy()));
        return rows.iterator();
    }

    /** The records of a store whose keys are listed (mapped to ids), or all of them. */
    private static Iterable<NsRecord> records(RecordStore store, Set<String> keys,
                                              java.util.function.LongUnaryOperator toId) {
        if (keys == null) {
            return store.byId();
        }
        List<NsRecord> found = new ArrayList<>();
        for (String key : keys) {
            try {
                NsRecord record = store.get(toId.applyAsLong(new BigDecimal(key).longValueExact()));
                if (record != null) {
                    found.add(record);
                }
            } catch (NumberFormatException | ArithmeticException notAnId) {
                // matches nothing
            }
        }
        found.sort(Comparator.comparingLong(r -> r.id));
        return found;
    }

    private static List<RecordStore> storesOf(SuiteQlTable table, Expr where) {
        Set<String> types = table.typeColumn == null ? null : constraint(where, table.typeColumn);
        if (types == null) {
            return table.stores;
        }
        return table.stores.stream().filter(store -> types.contains(store.type.typeCode)).toList();
    }

    private long count(String text, SuiteQlTable table, SuiteQlQuery query, Predicate<Object> where, long version) {
        long[] cached;
        synchronized (counts) {
            cached = counts.get(text);
        }
        if (cached != null && cached[0] == version) {
            return cached[1];
        }
        long count = 0;
        Iterator<Object> scan = scan(table, query, where, null);
        while (scan.hasNext() && count < maxResults) {
            scan.next();
            count++;
        }
        remember(counts, text, new long[] {version, count});
        return count;
    }

    private NsRecord cursor(String key, long version) {
        Object[] cached;
        synchronized (cursors) {
            cached = cursors.get(key);
        }
        return cached != null && (Long) cached[0] == version ? (NsRecord) cached[1] : null;
    }

    private static Iterator<Object> merge(List<Iterator<NsRecord>> parts) {
        if (parts.size() == 1) {
            Iterator<NsRecord> only = parts.get(0);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return only.hasNext();
                }

                @Override
                public Object next() {
                    return only.next();
                }
            };
        }
        record Head(NsRecord record, Iterator<NsRecord> rest) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> RecordStore.MODIFIED_ORDER.compare(a.record,
                b.record));
        for (Iterator<NsRecord> part : parts) {
            if (part.hasNext()) {
                heads.add(new Head(part.next(), part));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Object next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                if (head.rest.hasNext()) {
                    heads.add(new Head(head.rest.next(), head.rest));
                }
                return head.record;
            }
        };
    }

    private static Iterator<Object> filter(Iterator<Object> source, Predicate<Object> where) {
        return new Iterator<>() {
            private Object lookahead;

            @Override
            public boolean hasNext() {
                while (lookahead == null && source.hasNext()) {
                    Object candidate = source.next();
                    if (where.test(candidate)) {
                        lookahead = candidate;
                    }
                }
                return lookahead != null;
            }

            @Override
            public Object next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object row = lookahead;
                lookahead = null;
                return row;
            }
        };
    }

    private Comparator<Object> comparator(SuiteQlTable table, List<Order> orderBy) {
        Comparator<Object> comparator = (a, b) -> 0;
        for (Order order : orderBy) {
            SuiteQlTable.Column column = table.column(order.column());
            Comparator<Object> byColumn = (a, b) -> compareCells(column.reader().apply(a), column.reader().apply(b));
            comparator = comparator.thenComparing(order.descending() ? byColumn.reversed() : byColumn);
        }
        return comparator.thenComparing(SuiteQlEngine::naturalOrder);
    }

    private static int naturalOrder(Object a, Object b) {
        if (a instanceof LineRow x && b instanceof LineRow y) {
            int byTransaction = Long.compare(x.transaction().id, y.transaction().id);
            return byTransaction != 0 ? byTransaction : Integer.compare(x.line(), y.line());
        }
        return Long.compare(((NsRecord) a).id, ((NsRecord) b).id);
    }

    /** Nulls last, as Oracle sorts ascending. */
    private static int compareCells(Cell a, Cell b) {
        if (a.value() == null || b.value() == null) {
            return a.value() == null ? (b.value() == null ? 0 : 1) : -1;
        }
        if (a.value() instanceof BigDecimal x && b.value() instanceof BigDecimal y) {
            return x.compareTo(y);
        }
        if (a.value() instanceof Long x && b.value() instanceof Long y) {
            return Long.compare(x, y);
        }
        return a.value().toString().compareTo(b.value().toString());
    }

    // ---- the WHERE clause ----

    private Predicate<Object> compile(SuiteQlTable table, Expr expr) {
        if (expr instanceof And and) {
            List<Predicate<Object>> terms = and.terms().stream().map(t -> compile(table, t)).toList();
            return row -> {
                for (Predicate<Object> term : terms) {
                    if (!term.test(row)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (expr instanceof Or or) {
            List<Predicate<Object>> terms = or.terms().stream().map(t -> compile(table, t)).toList();
            return row -> {
                for (Predicate<Object> term : terms) {
                    if (term.test(row)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (expr instanceof Not not) {
            return compile(table, not.term()).negate();
        }
        if (expr instanceof IsNull isNull) {
            SuiteQlTable.Column column = table.column(isNull.column().name());
            return row -> (column.reader().apply(row).value() == null) != isNull.negated();
        }
        if (expr instanceof In in) {
            SuiteQlTable.Column column = table.column(in.column().name());
            List<Comparable<Object>> values = new ArrayList<>();
            for (Expr value : in.values()) {
                values.add(operand(column, value));
            }
            return row -> {
                Comparable<Object> cell = cellValue(column, row);
                if (cell == null) {
                    return false;
                }
                boolean found = false;
                for (Comparable<Object> value : values) {
                    if (cell.compareTo(value) == 0) {
                        found = true;
                        break;
                    }
                }
                return found != in.negated();
            };
        }
        if (expr instanceof Compare compare) {
            Expr left = compare.left();
            Expr right = compare.right();
            String operator = compare.operator();
            if (!(left instanceof Column)) {
                Expr swap = left;
                left = right;
                right = swap;
                operator = flip(operator);
            }
            if (!(left instanceof Column column) || right instanceof Column) {
                throw NetSuiteErrors.badQuery("A comparison needs one column and one value.");
            }
            SuiteQlTable.Column target = table.column(column.name());
            Comparable<Object> value = operand(target, right);
            String op = operator;
            return row -> {
                Comparable<Object> cell = cellValue(target, row);
                if (cell == null) {
                    return false;
                }
                int order = cell.compareTo(value);
                return switch (op) {
                    case "=" -> order == 0;
                    case "!=" -> order != 0;
                    case "<" -> order < 0;
                    case "<=" -> order <= 0;
                    case ">" -> order > 0;
                    default -> order >= 0;
                };
            };
        }
        throw NetSuiteErrors.badQuery("A value alone is not a condition.");
    }

    private static String flip(String operator) {
        return switch (operator) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> operator;
        };
    }

    /** A literal as a comparable of the column's kind. */
    @SuppressWarnings("unchecked")
    private Comparable<Object> operand(SuiteQlTable.Column column, Expr expr) {
        FieldKind kind = column.kind();
        if (kind.isDate()) {
            if (!(expr instanceof DateLiteral date)) {
                throw NetSuiteErrors.badQuery("Compare the date column '" + column.name() + "' with TO_TIMESTAMP or"
                        + " TO_DATE.");
            }
            return (Comparable<Object>) (Comparable<?>) data.dates().toEpochSecond(date.text(), date.format());
        }
        if (!(expr instanceof Literal literal)) {
            throw NetSuiteErrors.badQuery("Invalid value for the column '" + column.name() + "'.");
        }
        if (kind.isNumeric()) {
            try {
                return (Comparable<Object>) (Comparable<?>) new BigDecimal(literal.value().toString().trim());
            } catch (NumberFormatException e) {
                throw NetSuiteErrors.badQuery("The column '" + column.name() + "' is a number; '" + literal.value()
                        + "' is not.");
            }
        }
        return (Comparable<Object>) (Comparable<?>) literal.value().toString();
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> cellValue(SuiteQlTable.Column column, Object row) {
        Cell cell = column.reader().apply(row);
        Object value = cell.value();
        if (value == null) {
            return null;
        }
        Comparable<?> comparable = switch (cell.kind()) {
            case DATE -> LocalDate.ofEpochDay((Long) value).atStartOfDay(data.dates().zone()).toEpochSecond();
            case DATETIME -> (Long) value;
            case INTEGER, REF -> BigDecimal.valueOf((Long) value);
            case DECIMAL -> (BigDecimal) value;
            case BOOLEAN -> ((Boolean) value) ? "T" : "F";
            default -> value.toString();
        };
        return (Comparable<Object>) comparable;
    }

    /** The lowest modified time (epoch seconds) the WHERE clause lets through, for the index scan. */
    private long lowerBound(Expr expr, String column) {
        if (expr instanceof And and) {
            long bound = Long.MIN_VALUE;
            for (Expr term : and.terms()) {
                bound = Math.max(bound, lowerBound(term, column));
            }
            return bound;
        }
        if (expr instanceof Or or) {
            long bound = Long.MAX_VALUE;
            for (Expr term : or.terms()) {
                bound = Math.min(bound, lowerBound(term, column));
            }
            return bound;
        }
        if (expr instanceof Compare compare) {
            if (compare.left() instanceof Column c && c.name().equals(column)
                    && compare.right() instanceof DateLiteral date
                    && List.of(">=", ">", "=").contains(compare.operator())) {
                return data.dates().toEpochSecond(date.text(), date.format());
            }
            if (compare.right() instanceof Column c && c.name().equals(column)
                    && compare.left() instanceof DateLiteral date
                    && List.of("<=", "<", "=").contains(compare.operator())) {
                return data.dates().toEpochSecond(date.text(), date.format());
            }
        }
        return Long.MIN_VALUE;
    }

    /** The values a column must have by the WHERE clause's top-level conditions, or null when unconstrained. */
    private static Set<String> constraint(Expr expr, String column) {
        if (expr instanceof Compare compare && compare.operator().equals("=")) {
            if (compare.left() instanceof Column c && c.name().equals(column)
                    && compare.right() instanceof Literal literal) {
                return Set.of(text(literal));
            }
            if (compare.right() instanceof Column c && c.name().equals(column)
                    && compare.left() instanceof Literal literal) {
                return Set.of(text(literal));
            }
        }
        if (expr instanceof In in && !in.negated() && in.column().name().equals(column)) {
            Set<String> values = new HashSet<>();
            for (Expr value : in.values()) {
                if (!(value instanceof Literal literal)) {
                    return null;
                }
                values.add(text(literal));
            }
            return values;
        }
        if (expr instanceof And and) {
            Set<String> result = null;
            for (Expr term : and.terms()) {
                Set<String> values = constraint(term, column);
                if (values != null) {
                    if (result == null) {
                        result = new HashSet<>(values);
                    } else {
                        result.retainAll(values);
                    }
                }
            }
            return result;
        }
        if (expr instanceof Or or) {
            Set<String> result = new HashSet<>();
            for (Expr term : or.terms()) {
                Set<String> values = constraint(term, column);
                if (values == null) {
                    return null;
                }
                result.addAll(values);
            }
            return result;
        }
        return null;
    }

    private static String text(Literal literal) {
        return literal.value() instanceof BigDecimal number ? number.toPlainString() : literal.value().toString();
    }

    // ---- rendering ----

    /** The page as NetSuite answers it: {@code links}, {@code count}, {@code hasMore}, {@code items} (each with
     *  empty {@code links}; columns with a value, as text), {@code offset}, {@code totalResults}. */
    byte[] render(Page page, SuiteQlQuery query, int offset, Map<String, String> links) {
        SuiteQlTable table = SuiteQlTable.of(query.table(), data);
        List<SelectItem> items = expand(table, query.select());
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.rows().size() * 400 + 512);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("links");
            for (Map.Entry<String, String> link : links.entrySet()) {
                gen.writeStartObject();
                gen.writeStringField("rel", link.getKey());
                gen.writeStringField("href", link.getValue());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeNumberField("count", page.rows().size());
            gen.writeBooleanField("hasMore", page.hasMore());
            gen.writeArrayFieldStart("items");
            for (Object row : page.rows()) {
                gen.writeStartObject();
                gen.writeArrayFieldStart("links");
                gen.writeEndArray();
                for (SelectItem item : items) {
                    String value = format(item, table.column(item.column()).reader().apply(row));
                    if (value != null) {
                        gen.writeStringField(item.alias(), value);
                    }
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeNumberField("offset", offset);
            gen.writeNumberField("totalResults", page.totalResults());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<SelectItem> expand(SuiteQlTable table, List<SelectItem> select) {
        Map<String, SelectItem> items = new LinkedHashMap<>();
        for (SelectItem item : select) {
            if (item.kind() == SelectItem.Kind.STAR) {
                for (String column : table.columns.keySet()) {
                    items.putIfAbsent(column, new SelectItem(SelectItem.Kind.COLUMN, column, null, column));
                }
            } else {
                items.put(item.alias(), item);
            }
        }
        return List.copyOf(items.values());
    }

    private String format(SelectItem item, Cell cell) {
        if (item.kind() != SelectItem.Kind.DISPLAY && cell.owner() != null && cell.restField() != null) {
            Map<String, String> garbled = restWriter.garbled(cell.owner().type.name, cell.owner().id);
            if (garbled != null && garbled.containsKey(cell.restField())) {
                return garbled.get(cell.restField());
            }
        }
        Object value = cell.value();
        if (value == null) {
            return null;
        }
        return switch (item.kind()) {
            case TO_CHAR -> cell.kind().isDate() ? data.dates().toChar(cell.kind(), (Long) value, item.format())
                    : raw(cell);
            case DISPLAY -> switch (cell.kind()) {
                case REF -> {
                    String name = data.refName(cell.refList(), (Long) value);
                    yield name == null ? raw(cell) : name;
                }
                case STATUS -> cell.label() + " : " + RefLists.statusName(cell.refList(), (String) value);
                default -> raw(cell);
            };
            default -> raw(cell);
        };
    }

    private String raw(Cell cell) {
        Object value = cell.value();
        return switch (cell.kind()) {
            case DECIMAL -> {
                BigDecimal number = (BigDecimal) value;
                yield number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
            }
            case BOOLEAN -> ((Boolean) value) ? "T" : "F";
            case DATE, DATETIME -> data.dates().suiteQlDate(cell.kind(), (Long) value);
            default -> value.toString();
        };
    }

    private static <V> void remember(Map<String, V> cache, String key, V value) {
        synchronized (cache) {
            cache.put(key, value);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE_ENTRIES;
            }
        };
    }
}
