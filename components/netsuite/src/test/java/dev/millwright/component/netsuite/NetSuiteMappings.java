package dev.millwright.component.netsuite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.MappingRegistry;

/**
 * The NetSuite mapping files, compiled from the mappings module's source folder (surefire runs in this module's
 * folder), and the JSON fixtures of NetSuite records in the record API's shape.
 */
final class NetSuiteMappings {

    static final Path MAPPINGS = Path.of("../../mappings/src/main/resources/mappings");
    static final MappingRegistry REGISTRY = MappingRegistry.builder().system("netsuite").overrideDirectory(MAPPINGS)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private NetSuiteMappings() {
    }

    /** A fresh copy of a fixture, e.g. {@code netsuite/purchase-order.json}. */
    static ObjectNode fixture(String name) {
        try (InputStream in = NetSuiteMappings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON from text, single quotes standing for double quotes. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
