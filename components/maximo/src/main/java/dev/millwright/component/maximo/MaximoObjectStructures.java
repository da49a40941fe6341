package dev.millwright.component.maximo;

import java.util.Map;

/** The object structure Maximo serves each standard collection from. */
final class MaximoObjectStructures {

    private static final Map<String, String> DEFAULTS = Map.of(
            "work-orders", "MXAPIWODETAIL",
            "purchase-orders", "MXAPIPO",
            "inventory-items", "MXAPIINVENTORY",
            "vendors", "MXAPIVENDOR",
            "assets", "MXAPIASSET");

    private MaximoObjectStructures() {
    }

    /** The configured object structure, else the collection's default, else the collection name itself. */
    static String resolve(String collection, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return DEFAULTS.getOrDefault(collection, collection);
    }
}
