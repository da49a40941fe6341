package dev.millwright.simulators.dynamics;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parameters of a query string, decoded, in the order sent; and the raw pairs, to rebuild next links. */
final class QueryParams {
    private record Pair(String rawName, String rawValue, String name, String value) {
    }

    private final List<Pair> pairs;

    private QueryParams(List<Pair> pairs) {
        this.pairs = pairs;
    }

    static QueryParams parse(String rawQuery) {
        List<Pair> pairs = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int equals = part.indexOf('=');
                String rawName = equals < 0 ? part : part.substring(0, equals);
                String rawValue = equals < 0 ? "" : part.substring(equals + 1);
                pairs.add(new Pair(rawName, rawValue, decode(rawName), decode(rawValue)));
            }
        }
        return new QueryParams(pairs);
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw BcErrors.querySyntax("The query string is not valid: " + e.getMessage());
        }
    }

    /** The first value of a parameter (names are case-sensitive, as OData's are), or null. */
    String get(String name) {
        for (Pair pair : pairs) {
            if (pair.name().equals(name)) {
                return pair.value();
            }
        }
        return null;
    }

    /** Every parameter name sent. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        pairs.forEach(pair -> names.add(pair.name()));
        return names;
    }

    /** The raw query string without the named parameters, as the client encoded it. */
    String rawWithout(Set<String> excluded) {
        StringBuilder raw = new StringBuilder();
        for (Pair pair : pairs) {
            if (excluded.contains(pair.name())) {
                continue;
            }
            if (!raw.isEmpty()) {
                raw.append('&');
            }
            raw.append(pair.rawName()).append('=').append(pair.rawValue());
        }
        return raw.toString();
    }

    /** Decoded parameters for the request log. */
    Map<String, List<String>> decoded() {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            decoded.computeIfAbsent(pair.name(), k -> new ArrayList<>()).add(pair.value());
        }
        decoded.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return Collections.unmodifiableMap(decoded);
    }

    boolean flag(String name) {
        String value = get(name);
        return value != null && value.toLowerCase(Locale.ROOT).equals("true");
    }
}
