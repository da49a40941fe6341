package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A source value a create sends where the canonical record gave none, at a path, or at a path inside every
 * element of an array ({@code to_PurchaseOrderItem.results[*].Plant}).
 */
record CreateDefault(JsonPath array, JsonPath path, String value) {

    static CreateDefault parse(String key, String value) {
        int star = key.indexOf("[*].");
        if (star < 0) {
            return new CreateDefault(null, JsonPath.compile(key), value);
        }
        return new CreateDefault(JsonPath.compile(key.substring(0, star)), JsonPath.compile(key.substring(star + 4)),
                value);
    }

    void applyTo(ObjectNode target) {
        if (array == null) {
            fill(target);
            return;
        }
        JsonNode elements = array.read(target);
        if (elements != null && elements.isArray()) {
            for (JsonNode element : elements) {
                if (element instanceof ObjectNode object) {
                    fill(object);
                }
            }
        }
    }

    private void fill(ObjectNode object) {
        if (path.read(object) == null) {
            path.write(object, JsonNodeFactory.instance.textNode(value));
        }
    }
}
