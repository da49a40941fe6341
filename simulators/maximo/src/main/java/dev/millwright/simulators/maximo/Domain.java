package dev.millwright.simulators.maximo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A synonym domain such as WOSTATUS: the allowed values and their descriptions. The simulator stores the
 * internal value (maxvalue) itself, so {@code status} and {@code status_maxvalue} are always equal.
 */
final class Domain {
    private final String name;
    private final Map<String, String> descriptions;

    private Domain(String name, Map<String, String> descriptions) {
        this.name = name;
        this.descriptions = Collections.unmodifiableMap(descriptions);
    }

    /** Values and descriptions given alternately: {@code of("WOSTATUS", "WAPPR", "Waiting on Approval", ...)}. */
    static Domain of(String name, String... valuesAndDescriptions) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < valuesAndDescriptions.length; i += 2) {
            map.put(valuesAndDescriptions[i], valuesAndDescriptions[i + 1]);
        }
        return new Domain(name, map);
    }

    String name() {
        return name;
    }

    boolean contains(String value) {
        return descriptions.containsKey(value);
    }

    String description(String value) {
        return value == null ? null : descriptions.get(value);
    }

    Set<String> values() {
        return descriptions.keySet();
    }
}
