package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millwright.mapping.MappingWarning;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a read is inside one source record: the root, an object field, or an element of a list field.
 * Qualified names ({@code lines[2].unit}, {@code poline[2].orderunit}) are only built when a warning or a
 * failure needs them; the warnings of the whole record are collected at the root.
 */
final class ReadScope {

    private final ReadScope parent;
    private final String field;
    private final JsonPath path;
    private final int index;
    private List<MappingWarning> warnings;

    ReadScope() {
        this(null, null, null, -1);
    }

    private ReadScope(ReadScope parent, String field, JsonPath path, int index) {
        this.parent = parent;
        this.field = field;
        this.path = path;
        this.index = index;
    }

    /** The scope of an object field read from {@code path}, or from the current object when it is null. */
    ReadScope object(String field, JsonPath path) {
        return new ReadScope(this, field, path, -1);
    }

    /** The scope of element {@code index} of a list field read from {@code path}. */
    ReadScope element(String field, JsonPath path, int index) {
        return new ReadScope(this, field, path, index);
    }

    String qualifiedField(String name) {
        if (parent == null) {
            return name;
        }
        return parent.qualifiedField(field) + (index >= 0 ? "[" + index + "]" : "") + "." + name;
    }

    String qualifiedPath(String name) {
        if (parent == null) {
            return name;
        }
        if (path == null) {
            return parent.qualifiedPath(name);
        }
        return parent.qualifiedPath(path.toString()) + (index >= 0 ? "[" + index + "]" : "") + "." + name;
    }

    void warn(String name, JsonPath source, JsonNode raw, String message) {
        ReadScope root = this;
        while (root.parent != null) {
            root = root.parent;
        }
        if (root.warnings == null) {
            root.warnings = new ArrayList<>(2);
        }
        root.warnings.add(new MappingWarning(qualifiedField(name), qualifiedPath(source.toString()), raw, message));
    }

    ConversionFailure failure(String name, JsonPath source, JsonNode raw, String problem, Throwable cause) {
        return new ConversionFailure(qualifiedField(name), source == null ? null : qualifiedPath(source.toString()),
                raw, problem, cause);
    }

    ConversionFailure failure(String name, JsonPath source, JsonNode raw, Throwable cause) {
        String problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return failure(name, source, raw, problem, cause);
    }

    /** The warnings of the record; only meaningful at the root. */
    List<MappingWarning> warnings() {
        return warnings == null ? List.of() : warnings;
    }
}
