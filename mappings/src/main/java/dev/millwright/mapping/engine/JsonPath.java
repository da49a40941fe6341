package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compiled path into a JSON tree: names separated by dots, array indexes in brackets, and names that
 * contain dots or brackets quoted in brackets: {@code companies[0].name}, {@code ['@odata.etag']}.
 * Immutable and thread-safe.
 */
public final class JsonPath {

    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, JsonPath> CACHE = new ConcurrentHashMap<>();

    private final String text;
    /** The name of each step, or null where the step is an array index. */
    private final String[] names;
    private final int[] indexes;

    private JsonPath(String text, String[] names, int[] indexes) {
        this.text = text;
        this.names = names;
        this.indexes = indexes;
    }

    /**
     * Compiles {@code text}; paths from configuration repeat, so compiled paths are cached.
     *
     * @throws IllegalArgumentException saying where {@code text} is malformed
     */
    public static JsonPath compile(String text) {
        JsonPath cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        JsonPath path = parse(text);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.putIfAbsent(text, path);
        }
        return path;
    }

    /** The value at this path, or null when it is missing or JSON null. */
    public JsonNode read(JsonNode root) {
        JsonNode node = root;
        for (int i = 0; i < names.length && node != null; i++) {
            node = names[i] != null ? node.get(names[i]) : node.get(indexes[i]);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** Sets the value at this path, creating the objects and arrays on the way. */
    public void write(ObjectNode root, JsonNode value) {
        JsonNode node = root;
        int last = names.length - 1;
        for (int i = 0; i < last; i++) {
            JsonNode child = step(node, i);
            boolean nextIsIndex = names[i + 1] == null;
            if (child == null || (nextIsIndex ? !child.isArray() : !child.isObject())) {
                child = nextIsIndex ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
                put(node, i, child);
            }
            node = child;
        }
        put(node, last, value);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    private JsonNode step(JsonNode node, int i) {
        return names[i] != null ? node.get(names[i]) : node.get(indexes[i]);
    }

    private void put(JsonNode container, int i, JsonNode value) {
        if (names[i] != null) {
            ((ObjectNode) container).set(names[i], value);
            return;
        }
        ArrayNode array = (ArrayNode) container;
        while (array.size() <= indexes[i]) {
            array.add(NullNode.getInstance());
        }
        array.set(indexes[i], value);
    }

    private static JsonPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a path must not be empty");
        }
        List<String> names = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        int position = 0;
        int length = text.length();
        boolean expectName = true;
        while (position < length) {
            char c = text.charAt(position);
            if (c == '[') {
                int close = text.indexOf(']', position);
                if (close < 0) {
                    throw malformed(text, position, "'[' is not closed");
                }
                String inside = text.substring(position + 1, close);
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    String quoted = inside.substring(1, inside.length() - 1);
                    if (quoted.isEmpty()) {
                        throw malformed(text, position, "a quoted name must not be empty");
                    }
                    names.add(quoted);
                    indexes.add(-1);
                } else {
                    if (names.isEmpty()) {
                        throw malformed(text, position, "a path must start with a name");
                    }
                    names.add(null);
                    indexes.add(index(text, position, inside));
                }
                position = close + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw malformed(text, position, "empty name");
                }
                position++;
                expectName = true;
                if (position == length) {
                    throw malformed(text, position, "a path must not end with '.'");
                }
            } else {
                if (!expectName) {
                    throw malformed(text, position, "expected '.' or '[' after ']'");
                }
                int end = position;
                while (end < length && ".[]".indexOf(text.charAt(end)) < 0) {
                    if (Character.isWhitespace(text.charAt(end))) {
                        throw malformed(text, end, "whitespace in a name (quote it: ['a name'])");
                    }
                    end++;
                }
                if (end < length && text.charAt(end) == ']') {
                    throw malformed(text, end, "']' without '['");
                }
                names.add(text.substring(position, end));
                indexes.add(-1);
                position = end;
                expectName = false;
            }
        }
        return new JsonPath(text, names.toArray(String[]::new),
                indexes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int index(String text, int position, String inside) {
        if (inside.isEmpty() || !inside.chars().allMatch(Character::isDigit) || inside.length() > 9) {
            throw malformed(text, position, "'[" + inside + "]' is neither an index nor a quoted name");
        }
        return Integer.parseInt(inside);
    }

    private static IllegalArgumentException malformed(String text, int position, String problem) {
        return new IllegalArgumentException("malformed path '" + text + "' at position " + position + ": " + problem);
    }
}
