package dev.millwright.simulators.dynamics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The system query options of a collection read: {@code $filter}, {@code $orderby}, {@code $select},
 * {@code $expand} (the lines of purchase orders), {@code $top}, {@code $skip}, {@code $count} and
 * {@code $skiptoken}. {@code $schemaversion} is accepted and ignored; other {@code $} options are refused.
 */
final class ODataQuery {
    static final Set<String> PAGING_OPTIONS = Set.of("$skiptoken", "$skip");
    private static final Set<String> KNOWN = Set.of("$filter", "$orderby", "$select", "$expand", "$top", "$skip",
            "$count", "$skiptoken", "$schemaversion", "$format");

    /** One key of {@code $orderby}. */
    record OrderKey(Property property, boolean descending) {
    }

    final ODataFilter filter;
    final List<OrderKey> orderBy;
    /** The selected properties, or null for all. */
    final Set<Property> select;
    final boolean expandLines;
    final int top;
    final int skip;
    final boolean count;
    final SkipToken skipToken;
    /** Identifies filter and order, for cached sorted results. */
    final String cacheKey;

    private ODataQuery(ODataFilter filter, List<OrderKey> orderBy, Set<Property> select, boolean expandLines,
                       int top, int skip, boolean count, SkipToken skipToken) {
        this.filter = filter;
        this.orderBy = List.copyOf(orderBy);
        this.select = select;
        this.expandLines = expandLines;
        this.top = top;
        this.skip = skip;
        this.count = count;
        this.skipToken = skipToken;
        this.cacheKey = filter + "|" + orderBy;
    }

    /**
     * Parses and checks the options against the entity (a single-record read uses only $select and $expand).
     *
     * @throws BcException 400 for an unknown option or property, or a malformed value
     */
    static ODataQuery parse(QueryParams params, EntitySchema schema) {
        for (String name : params.names()) {
            if (name.startsWith("$") && !KNOWN.contains(name)) {
                throw BcErrors.badRequest("The query parameter '" + name + "' is not supported.");
            }
        }
        ODataFilter filter = ODataFilter.compile(params.get("$filter"), schema);
        List<OrderKey> orderBy = orderBy(params.get("$orderby"), schema);
        Set<Property> select = select(params.get("$select"), schema);
        boolean expandLines = expand(params.get("$expand"), schema);
        int top = nonNegative(params.get("$top"), "$top", -1);
        int skip = nonNegative(params.get("$skip"), "$skip", 0);
        String token = params.get("$skiptoken");
        return new ODataQuery(filter, orderBy, select, expandLines, top, skip, params.flag("$count"),
                token == null ? null : SkipToken.decode(token));
    }

    /** Whether the read is ordered by lastModifiedDateTime alone, the order the modification index serves. */
    boolean orderedByModification() {
        return orderBy.size() == 1 && orderBy.get(0).property().name().equals(EntitySchema.LAST_MODIFIED);
    }

    /** The order of {@code $orderby}, ties broken by sequence (primary key), as BC's SQL order is. */
    Comparator<BcRecord> comparator() {
        Comparator<BcRecord> order = null;
        for (OrderKey key : orderBy) {
            Comparator<BcRecord> byKey = (a, b) -> compareStored(a.get(key.property()), b.get(key.property()));
            if (key.descending()) {
                byKey = byKey.reversed();
            }
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        Comparator<BcRecord> bySeq = Comparator.comparingLong(r -> r.seq);
        return order == null ? bySeq : order.thenComparing(bySeq);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareStored(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareToIgnoreCase(y);
        }
        return ((Comparable) a).compareTo(b);
    }

    private static List<OrderKey> orderBy(String text, EntitySchema schema) {
        List<OrderKey> keys = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        for (String part : text.split(",")) {
            String[] words = part.trim().split("\\s+");
            if (words.length == 0 || words.length > 2 || words[0].isEmpty()) {
                throw BcErrors.querySyntax("'" + text + "' is not a valid $orderby.");
            }
            Property property = schema.property(words[0]);
            if (property == null) {
                throw BcErrors.unknownProperty(words[0], schema);
            }
            boolean descending = false;
            if (words.length == 2) {
                String direction = words[1].toLowerCase(Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw BcErrors.querySyntax("'" + words[1] + "' is neither asc nor desc.");
                }
                descending = direction.equals("desc");
            }
            keys.add(new OrderKey(property, descending));
        }
        return keys;
    }

    private static Set<Property> select(String text, EntitySchema schema) {
        if (text == null || text.isBlank() || text.trim().equals("*")) {
            return null;
        }
        Set<Property> selected = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            Property property = schema.property(name.trim());
            if (property == null) {
                throw BcErrors.unknownProperty(name.trim(), schema);
            }
            selected.add(property);
        }
        return selected;
    }

    private static boolean expand(String text, EntitySchema schema) {
        if (text == null || text.isBlank()) {
            return false;
        }
        for (String name : text.split(",")) {
            String trimmed = name.trim();
            if (trimmed.contains("(")) {
                throw BcErrors.badRequest("The simulator does not support options inside $expand: '" + trimmed + "'.");
            }
            if (schema.linesProperty() == null || !schema.linesProperty().equals(trimmed)) {
                throw BcErrors.unknownProperty(trimmed, schema);
            }
        }
        return true;
    }

    private static int nonNegative(String text, String option, int absent) {
        if (text == null) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw BcErrors.querySyntax("Invalid value '" + text + "' for " + option + ": a non-negative integer is"
                    + " expected.");
        }
    }
}
