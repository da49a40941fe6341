package dev.millwright.simulators.s4hana;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The query string of a request: decoded parameters in the order sent, and the raw pairs to rebuild links. */
final class QueryParams {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String[]> raw = new ArrayList<>();

    static QueryParams parse(String rawQuery) {
        QueryParams params = new QueryParams();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name;
            String value;
            try {
                name = decode(rawName);
                value = decode(rawValue);
            } catch (IllegalArgumentException e) {
                throw SapErrors.badQuery("Malformed query string: " + e.getMessage());
            }
            params.values.putIfAbsent(name, value);
            params.raw.add(new String[] {rawName, rawValue, name});
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    String get(String name) {
        return values.get(name);
    }

    Map<String, List<String>> decoded() {
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        values.forEach((name, value) -> decoded.put(name, List.of(value)));
        return decoded;
    }

    Iterable<String> names() {
        return values.keySet();
    }

    /** The raw query without the named parameters, as sent. */
    String rawWithout(String... names) {
        StringBuilder text = new StringBuilder();
        outer:
        for (String[] pair : raw) {
            for (String name : names) {
                if (pair[2].equals(name)) {
                    continue outer;
                }
            }
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(pair[0]).append('=').append(pair[1]);
        }
        return text.toString();
    }
}
