package dev.millwright.simulators.s4hana;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OData V2 key predicates: {@code '4500000001'} for a single key, and
 * {@code Equipment='10000045',ValidityEndDate=datetime'9999-12-31T00:00:00'} for composite keys. The canonical
 * (unencoded) form names every key property except for single keys and keys the store by; in URIs SAP
 * percent-encodes it ({@code :} as {@code %3A}).
 */
final class KeyPredicate {

    private KeyPredicate() {
    }

    static String of(Entity entity) {
        return of(entity.set, entity::get);
    }

    static String of(Entity.Draft draft) {
        return of(draft.set, draft::get);
    }

    private static String of(EntitySetDef set, java.util.function.Function<String, Object> values) {
        if (set.keys.size() == 1) {
            return literal(set.property(set.keys.get(0)), values.apply(set.keys.get(0)));
        }
        StringBuilder text = new StringBuilder();
        for (String key : set.keys) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(key).append('=').append(literal(set.property(key), values.apply(key)));
        }
        return text.toString();
    }

    static String literal(Property property, Object value) {
        return switch (property.type()) {
            case DATETIME -> "datetime'" + EdmType.isoLocal(value == null ? 0 : (Long) value) + "'";
            case DATETIMEOFFSET -> "datetimeoffset'" + java.time.Instant.ofEpochMilli((Long) value) + "'";
            case DECIMAL -> (value == null ? "0" : ((java.math.BigDecimal) value).toPlainString()) + "M";
            case BOOLEAN -> String.valueOf(value);
            default -> "'" + (value == null ? "" : value.toString().replace("'", "''")) + "'";
        };
    }

    /** The predicate as SAP writes it inside a URI. */
    static String encoded(String predicate) {
        StringBuilder out = new StringBuilder();
        for (char c : predicate.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || "'=,-_.()".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /**
     * Parses the (decoded) text inside the parentheses of a request path into key values by property.
     *
     * @throws SapException 400 when it does not name the set's key
     */
    static Map<String, Object> parse(EntitySetDef set, String text) {
        Map<String, String> literals = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            String name = null;
            int equals = nextOutsideQuotes(text, i, '=');
            int comma = nextOutsideQuotes(text, i, ',');
            if (equals >= 0 && (comma < 0 || equals < comma)) {
                name = text.substring(i, equals).trim();
                i = equals + 1;
                comma = nextOutsideQuotes(text, i, ',');
            }
            String literal = text.substring(i, comma < 0 ? text.length() : comma).trim();
            if (name == null) {
                if (set.keys.size() != 1 || !literals.isEmpty()) {
                    throw SapErrors.badKey(set, text);
                }
                name = set.keys.get(0);
            }
            literals.put(name, literal);
            i = comma < 0 ? text.length() : comma + 1;
        }
        if (!literals.keySet().equals(new java.util.LinkedHashSet<>(set.keys))) {
            throw SapErrors.badKey(set, text);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : set.keys) {
            try {
                values.put(key, ODataLiteral.parse(literals.get(key), set.property(key).type()));
            } catch (IllegalArgumentException e) {
                throw SapErrors.badKey(set, text);
            }
        }
        return values;
    }

    /** The canonical predicate of parsed key values. */
    static String canonical(EntitySetDef set, Map<String, Object> values) {
        return of(set, values::get);
    }

    private static int nextOutsideQuotes(String text, int from, char wanted) {
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
