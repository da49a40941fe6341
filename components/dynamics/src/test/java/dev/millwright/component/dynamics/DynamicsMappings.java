package dev.millwright.component.dynamics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.mapping.Mapping;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.Asset;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.InventoryItem;
import dev.millwright.mapping.model.PurchaseOrder;
import dev.millwright.mapping.model.Vendor;

/**
 * The dynamics mapping files, compiled from the mappings module's source folder (surefire runs in this module's
 * directory), and the JSON fixtures of the mapping tests.
 */
final class DynamicsMappings {

    static final Path SOURCE = Path.of("../../mappings/src/main/resources/mappings");
    static final MappingRegistry REGISTRY = MappingRegistry.builder().system("dynamics").overrideDirectory(SOURCE)
            .build();
    static final Mapping<PurchaseOrder> PURCHASE_ORDERS = REGISTRY.mapping("dynamics", PurchaseOrder.class);
    static final Mapping<Vendor> VENDORS = REGISTRY.mapping("dynamics", Vendor.class);
    static final Mapping<InventoryItem> ITEMS = REGISTRY.mapping("dynamics", InventoryItem.class);
    static final Mapping<Asset> ASSETS = REGISTRY.mapping("dynamics", Asset.class);

    private DynamicsMappings() {
    }

    /** A fixture from src/test/resources, e.g. {@code dynamics/vendor.json}; a fresh copy each call. */
    static ObjectNode resource(String name) {
        try (InputStream in = DynamicsMappings.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + name);
            }
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON from text, with single quotes in place of double quotes for readability. */
    static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
