package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.WriteMode;

/**
 * A nested record field ({@code address}), read from a source object at {@code path}, or from the fields
 * of the current source object when there is no path (Maximo's flat {@code address1}, {@code city}, ...).
 * A nested record whose fields are all null is null.
 */
final class ObjectFieldMapping extends FieldMapping {

    private final JsonPath path;
    private final RecordFields fields;

    ObjectFieldMapping(String name, int index, WriteAccess access, JsonPath path, RecordFields fields) {
        super(name, index, access);
        this.path = path;
        this.fields = fields;
    }

    @Override
    Object read(JsonNode source, ReadScope scope) {
        JsonNode node = path == null ? source : path.read(source);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw scope.failure(name, path, node, "expected an object", null);
        }
        Object[] arguments = new Object[fields.layout().size()];
        boolean any = fields.readInto(node, scope.object(name, path), arguments);
        return any ? fields.layout().construct(arguments) : null;
    }

    @Override
    void write(Object value, ObjectNode target, WriteMode mode) {
        ObjectNode into = path == null ? target : JsonNodeFactory.instance.objectNode();
        try {
            fields.write(value, into, mode);
        } catch (WriteFailure failure) {
            throw failure.within(name + ".");
        }
        if (path != null && !into.isEmpty()) {
            path.write(target, into);
        }
    }

    /** Writes only the nested fields a patch names; the patch was checked by {@link RecordFields#checkPatch}. */
    void writePatch(ObjectNode patch, ObjectNode target) {
        ObjectNode into = path == null ? target : JsonNodeFactory.instance.objectNode();
        try {
            fields.writePatch(patch, into);
        } catch (WriteFailure failure) {
            throw failure.within(name + ".");
        }
        if (path != null) {
            path.write(target, into);
        }
    }

    @Override
    void writeNull(ObjectNode target) {
        if (path != null) {
            path.write(target, NullNode.getInstance());
        } else {
            fields.writeNulls(target, WriteMode.UPDATE);
        }
    }

    JsonPath path() {
        return path;
    }

    RecordFields fields() {
        return fields;
    }
}
