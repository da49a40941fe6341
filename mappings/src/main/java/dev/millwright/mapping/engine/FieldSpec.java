package dev.millwright.mapping.engine;

import dev.millwright.mapping.MappingDefinitionException;
import dev.millwright.mapping.engine.YamlElement.YamlEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The definition of one field in a mapping file, before compilation: either a path ({@code number: wonum})
 * or a mapping of keys ({@code { path: ..., convert: ..., ... }}). Keys other than the field keys are
 * arguments of the converter.
 */
final class FieldSpec {

    static final Set<String> FIELD_KEYS = Set.of("path", "convert", "enum", "write", "write_path", "default", "in",
            "fields");

    private final YamlEntry entry;
    private final String field;
    private final Map<String, YamlEntry> keys;

    private FieldSpec(YamlEntry entry, String field, Map<String, YamlEntry> keys) {
        this.entry = entry;
        this.field = field;
        this.keys = keys;
    }

    static FieldSpec of(YamlEntry entry, String field) {
        YamlElement value = entry.value();
        if (value.isScalar() || value.isSequence()) {
            return new FieldSpec(entry, field, Map.of("path", new YamlEntry("path", entry.line(), value)));
        }
        if (value.isNull()) {
            throw entry.error(field, "needs a source path (field: path) or a definition ({ path: ..., ... })");
        }
        return new FieldSpec(entry, field, value.entries(field));
    }

    /** The qualified field name errors report ({@code fields.lines.quantity}). */
    String field() {
        return field;
    }

    int line() {
        return entry.line();
    }

    boolean has(String key) {
        return keys.containsKey(key);
    }

    YamlEntry get(String key) {
        return keys.get(key);
    }

    String text(String key) {
        return keys.get(key).value().text(field + "." + key);
    }

    /** The line of {@code key}'s value, or of the field when the key is absent. */
    int line(String key) {
        return has(key) ? keys.get(key).value().line() : entry.line();
    }

    /** Fails on any of {@code keys} this kind of field cannot have. */
    void reject(Set<String> rejected, String why) {
        for (YamlEntry key : keys.values()) {
            if (rejected.contains(key.key())) {
                throw key.error(field, "'" + key.key() + "' is not allowed here: " + why);
            }
        }
    }

    /** The keys that are not field keys: converter arguments. */
    List<YamlEntry> converterArguments() {
        List<YamlEntry> arguments = new ArrayList<>();
        for (YamlEntry key : keys.values()) {
            if (!FIELD_KEYS.contains(key.key())) {
                arguments.add(key);
            }
        }
        return arguments;
    }

    /** The source paths to try in order ({@code path: a} or {@code path: [a, b]}). */
    JsonPath[] paths() {
        YamlEntry path = keys.get("path");
        if (path == null) {
            throw entry.error(field, "needs a source path (path: ...)");
        }
        List<YamlElement> items = path.value().items(field + ".path");
        if (items.isEmpty()) {
            throw path.error(field, "path must name at least one source path");
        }
        JsonPath[] paths = new JsonPath[items.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = compilePath(items.get(i), field);
        }
        return paths;
    }

    MappingDefinitionException error(String key, String problem) {
        return new MappingDefinitionException(entry.value().source(), line(key), field, problem);
    }

    MappingDefinitionException error(String key, String problem, Throwable cause) {
        return new MappingDefinitionException(entry.value().source(), line(key), field, problem, cause);
    }

    static JsonPath compilePath(YamlElement element, String field) {
        String text = element.text(field);
        try {
            return JsonPath.compile(text);
        } catch (IllegalArgumentException e) {
            throw element.error(field, e.getMessage(), e);
        }
    }
}
