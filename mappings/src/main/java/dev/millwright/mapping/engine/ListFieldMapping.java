package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.WriteMode;
import java.util.ArrayList;
import java.util.List;

/** A list of nested records ({@code lines}), read from a source array of objects at {@code path}. */
final class ListFieldMapping extends FieldMapping {

    private final JsonPath path;
    private final RecordFields fields;

    ListFieldMapping(String name, int index, WriteAccess access, JsonPath path, RecordFields fields) {
        super(name, index, access);
        this.path = path;
        this.fields = fields;
    }

    @Override
    Object read(JsonNode source, ReadScope scope) {
        JsonNode array = path.read(source);
        if (array == null) {
            return null;
        }
        if (!array.isArray()) {
            throw scope.failure(name, path, array, "expected an array", null);
        }
        List<Object> elements = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            ReadScope elementScope = scope.element(name, path, i);
            if (!element.isObject()) {
                throw scope.failure(name + "[" + i + "]", JsonPath.compile(path + "[" + i + "]"), element,
                        "expected an object", null);
            }
            Object[] arguments = new Object[fields.layout().size()];
            fields.readInto(element, elementScope, arguments);
            elements.add(fields.layout().construct(arguments));
        }
        return elements;
    }

    @Override
    void write(Object value, ObjectNode target, WriteMode mode) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        List<?> elements = (List<?>) value;
        for (int i = 0; i < elements.size(); i++) {
            ObjectNode element = JsonNodeFactory.instance.objectNode();
            try {
                fields.write(elements.get(i), element, mode);
            } catch (WriteFailure failure) {
                throw failure.within(name + "[" + i + "].");
            }
            array.add(element);
        }
        path.write(target, array);
    }

    @Override
    void writeNull(ObjectNode target) {
        path.write(target, NullNode.getInstance());
    }

    JsonPath path() {
        return path;
    }
}
