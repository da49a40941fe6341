package dev.millwright.simulators.maximo;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string of a request: decoded parameters for reading (names are matched case-insensitively,
 * as Maximo does with {@code oslc.pageSize} and {@code oslc.pagesize}), and the raw pairs for building
 * nextPage hrefs that keep what the client sent byte for byte.
 *
 * <p>Decoding follows HTML form rules, so an unencoded {@code +} becomes a space; see {@link MaximoOrderBy}.
 */
final class QueryParams {
    private final String raw;
    private final List<String> rawPairs;
    private final Map<String, List<String>> decoded;

    private QueryParams(String raw, List<String> rawPairs, Map<String, List<String>> decoded) {
        this.raw = raw;
        this.rawPairs = rawPairs;
        this.decoded = decoded;
    }

    /**
     * @throws MaximoException 400 for a malformed percent-encoding
     */
    static QueryParams parse(String rawQuery) {
        List<String> pairs = new ArrayList<>();
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                pairs.add(pair);
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                decoded.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        decoded.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return new QueryParams(rawQuery, List.copyOf(pairs), Collections.unmodifiableMap(decoded));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw MaximoErrors.invalidQuery("query string", "bad percent-encoding in " + text);
        }
    }

    /** The query string as sent, or null. */
    String raw() {
        return raw;
    }

    Map<String, List<String>> decoded() {
        return decoded;
    }

    /** The first value of a parameter, by case-insensitive name, or null. */
    String get(String name) {
        for (Map.Entry<String, List<String>> entry : decoded.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    /** True for the flags Maximo accepts as set: {@code 1} and {@code true}. */
    boolean flag(String name) {
        String value = get(name);
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** The raw query without the named parameters (case-insensitive), e.g. to set a new pageno. */
    String rawWithout(String... names) {
        StringBuilder kept = new StringBuilder();
        for (String pair : rawPairs) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            boolean dropped = false;
            for (String drop : names) {
                dropped |= drop.equalsIgnoreCase(name);
            }
            if (!dropped) {
                if (kept.length() > 0) {
                    kept.append('&');
                }
                kept.append(pair);
            }
        }
        return kept.toString();
    }
}
