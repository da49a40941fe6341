package dev.millwright.component.netsuite;

import java.util.Map;

/** The NetSuite record type each standard collection is read from and written to. */
final class NetSuiteRecordTypes {

    /** NetSuite Fixed Asset Management's asset record (a custom record of the FAM SuiteApp). */
    static final String FAM_ASSET = "customrecord_ncfar_asset";

    private static final Map<String, String> DEFAULTS = Map.of(
            "purchase-orders", "purchaseOrder",
            "work-orders", "workOrder",
            "inventory-items", "inventoryItem",
            "vendors", "vendor",
            "assets", FAM_ASSET);

    private NetSuiteRecordTypes() {
    }

    /** The configured record type, else the collection's default, else the collection name itself. */
    static String resolve(String collection, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return DEFAULTS.getOrDefault(collection, collection);
    }

    /** The configured modified field, else lastModified for custom records and lastModifiedDate for the others. */
    static String modifiedField(String recordType, String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        return isCustomRecord(recordType) ? "lastModified" : "lastModifiedDate";
    }

    static boolean isCustomRecord(String recordType) {
        return recordType.toLowerCase(java.util.Locale.ROOT).startsWith("customrecord");
    }
}
