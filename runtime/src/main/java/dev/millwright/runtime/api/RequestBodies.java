package dev.millwright.runtime.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.FieldError;

/** Strict reading of request bodies: malformed JSON, unknown fields and wrong types are named, never guessed. */
public final class RequestBodies {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private RequestBodies() {
    }

    /** The body as a JSON object. */
    public static ObjectNode object(String body) {
        JsonNode node = parse(body);
        if (!(node instanceof ObjectNode object)) {
            throw ProblemException.validation("the body must be a JSON object", List.of());
        }
        return object;
    }

    public static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.validation("the body is empty; a JSON document is expected", List.of());
        }
        try {
            return JSON.readTree(body);
        } catch (JsonParseException e) {
            throw ProblemException.validation("the body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                    List.of());
        } catch (IOException e) {
            throw ProblemException.validation("the body is not valid JSON: " + e.getMessage(), List.of());
        }
    }

    /** Refuses fields other than {@code allowed}, naming each. */
    public static void onlyFields(ObjectNode object, Set<String> allowed, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        object.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(prefix + name, "unknown field; allowed: " + String.join(", ",
                        new java.util.TreeSet<>(allowed))));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the body has unknown fields", errors);
        }
    }

    /** A text field (null when absent), refusing other types. */
    public static String text(ObjectNode object, String field, boolean required) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw ProblemException.invalidField(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw ProblemException.invalidField(field, "must be a string, not " + kind(value));
        }
        return value.asText();
    }

    public static boolean bool(ObjectNode object, String field, boolean fallback) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ProblemException.invalidField(field, "must be true or false, not " + kind(value));
        }
        return value.booleanValue();
    }

    /** An object of scalar values as strings (numbers and booleans as their text), refusing nested values. */
    public static Map<String, String> strings(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        Map<String, String> strings = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (!value.isObject()) {
            throw ProblemException.invalidField(field, "must be an object, not " + kind(value));
        }
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isValueNode() && !entry.getValue().isNull()) {
                strings.put(entry.getKey(), entry.getValue().asText());
            } else {
                errors.add(new FieldError(field + "." + entry.getKey(), "must be a string, number or boolean, not "
                        + kind(entry.getValue())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid " + field, errors);
        }
        return strings;
    }

    /** An object of objects of strings ({@code {"work_order": {"cf_crew": "crewid"}}}). */
    public static Map<String, Map<String, String>> nestedStrings(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        Map<String, Map<String, String>> nested = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return nested;
        }
        if (!value.isObject()) {
            throw ProblemException.invalidField(field, "must be an object, not " + kind(value));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!(entry.getValue() instanceof ObjectNode inner)) {
                throw ProblemException.invalidField(field + "." + entry.getKey(), "must be an object of"
                        + " custom field name to source path");
            }
            ObjectNode wrapper = JSON.createObjectNode().set("v", inner);
            nested.put(entry.getKey(), strings(wrapper, "v").entrySet().stream().collect(
                    LinkedHashMap::new, (map, e) -> map.put(e.getKey(), e.getValue()), Map::putAll));
        }
        return nested;
    }

    static String kind(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.getNodeType().name().toLowerCase();
    }
}
