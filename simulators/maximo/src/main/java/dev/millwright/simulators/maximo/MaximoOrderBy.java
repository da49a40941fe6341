package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code oslc.orderBy=-changedate,+wonum}. The {@code +} must be URL-encoded by clients; when it is not, it
 * decodes to a space, which is therefore read as ascending too. Without a sign, ascending is assumed. Null
 * values sort last ascending and first descending, as on Oracle and DB2. Ties keep the default order (the
 * order of insertion), so that paging is deterministic.
 */
final class MaximoOrderBy {
    static final MaximoOrderBy NONE = new MaximoOrderBy(List.of());

    private record Key(Attribute attribute, boolean descending) {
    }

    private final List<Key> keys;

    private MaximoOrderBy(List<Key> keys) {
        this.keys = keys;
    }

    /**
     * @throws MaximoException 400 for an attribute the structure does not have
     */
    static MaximoOrderBy parse(String text, ObjectStructure structure) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Key> keys = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            boolean descending = false;
            String name = item;
            char sign = item.charAt(0);
            if (sign == '+' || sign == ' ' || sign == '-') {
                descending = sign == '-';
                name = item.substring(1);
            }
            Attribute attribute = structure.schema().find(name.trim());
            if (attribute == null) {
                throw MaximoErrors.invalidQuery("oslc.orderBy",
                        "the attribute " + name.trim() + " does not exist in " + structure.name());
            }
            keys.add(new Key(attribute, descending));
        }
        return new MaximoOrderBy(List.copyOf(keys));
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** True when the order is exactly by this one attribute, in either direction. */
    boolean isOnly(Attribute attribute) {
        return keys.size() == 1 && keys.get(0).attribute == attribute;
    }

    boolean isFirstDescending() {
        return !keys.isEmpty() && keys.get(0).descending;
    }

    Comparator<MaximoRecord> comparator() {
        Comparator<MaximoRecord> result = null;
        for (Key key : keys) {
            Comparator<MaximoRecord> one = byAttribute(key.attribute);
            if (key.descending) {
                one = one.reversed();
            }
            result = result == null ? one : result.thenComparing(one);
        }
        Comparator<MaximoRecord> bySeq = Comparator.comparingLong(r -> r.seq);
        return result == null ? bySeq : result.thenComparing(bySeq);
    }

    private static Comparator<MaximoRecord> byAttribute(Attribute attribute) {
        if (attribute.type() == AttributeType.DATETIME) {
            // NO_DATE is Long.MIN_VALUE: map it above every date so that nulls sort last.
            return Comparator.comparingLong(r -> {
                long v = attribute.readDate(r.row);
                return v == Row.NO_DATE ? Long.MAX_VALUE : v;
            });
        }
        return (a, b) -> compareValues(attribute.read(a.row), attribute.read(b.row));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return ((Comparable) a).compareTo(b);
    }
}
