package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.millwright.mapping.model.CanonicalJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON fixtures for tests. */
public final class TestJson {

    private TestJson() {
    }

    /** A JSON object from a test resource, e.g. {@code maximo/work-order.json}; a fresh copy each call. */
    public static ObjectNode resource(String name) {
        try (InputStream in = TestJson.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON from text, with single quotes allowed in place of double quotes for readability. */
    public static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
