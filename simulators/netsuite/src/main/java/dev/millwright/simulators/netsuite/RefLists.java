package dev.millwright.simulators.netsuite;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed lists records refer to (subsidiaries, currencies, locations, employees, units, assembly items, asset
 * types) and the status lists, with internal ids and names as a NetSuite OneWorld demo account has them.
 * Currency records are named by their ISO code.
 */
final class RefLists {

    static final String SUBSIDIARY = "subsidiary";
    static final String CURRENCY = "currency";
    static final String LOCATION = "location";
    static final String EMPLOYEE = "employee";
    static final String UNIT = "unitsType";
    static final String ASSEMBLY_ITEM = "assemblyItem";
    static final String ASSET_TYPE = "customrecord_ncfar_assettype";
    static final String ASSET_STATUS = "customlist_ncfar_assetstatus";
    static final String PURCHASE_ORDER_STATUS = "PurchOrd";
    static final String WORK_ORDER_STATUS = "WorkOrd";
    static final String COUNTRY = "country";

    private static final Map<String, Map<Long, String>> LISTS = new LinkedHashMap<>();
    private static final Map<String, Map<String, String>> STATUSES = new LinkedHashMap<>();

    static {
        list(SUBSIDIARY, 1, "Parent Company", 2, "Honeycomb Mfg. US", 3, "Honeycomb Mfg. Canada",
                4, "Honeycomb Mfg. GmbH");
        list(CURRENCY, 1, "USD", 2, "GBP", 3, "CAD", 4, "EUR");
        list(LOCATION, 1, "Main Warehouse", 2, "East Coast DC", 3, "Toronto Plant", 4, "Hamburg Plant",
                5, "Maintenance Stores");
        list(EMPLOYEE, -5, "Larry Nelson", 10, "Maria Chen", 11, "Tom Parker", 12, "Sofia Alvarez",
                13, "Dev Patel");
        list(UNIT, 1, "Each", 2, "Box", 3, "Gallon", 4, "Foot", 5, "Pair");
        list(ASSEMBLY_ITEM, 501, "ASM-PUMP-100", 502, "ASM-VALVE-200", 503, "ASM-MOTOR-300",
                504, "ASM-GEARBOX-400", 505, "ASM-CONVEYOR-500");
        list(ASSET_TYPE, 1, "Machinery & Equipment", 2, "Vehicles", 3, "Buildings", 4, "IT Equipment");
        list(ASSET_STATUS, 1, "New", 2, "Depreciating", 3, "Fully Depreciated", 4, "Disposed", 5, "Part Disposed");
        statuses(PURCHASE_ORDER_STATUS, "A", "Pending Supervisor Approval", "B", "Pending Receipt",
                "C", "Rejected by Supervisor", "D", "Partially Received", "E", "Pending Billing/Partially Received",
                "F", "Pending Bill", "G", "Fully Billed", "H", "Closed");
        statuses(WORK_ORDER_STATUS, "A", "Planned", "B", "Released", "D", "In Process", "G", "Built", "H", "Closed");
        statuses(COUNTRY, "US", "United States", "CA", "Canada", "DE", "Germany", "GB", "United Kingdom");
    }

    private RefLists() {
    }

    private static void list(String name, Object... idsAndNames) {
        Map<Long, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            entries.put(((Number) idsAndNames[i]).longValue(), (String) idsAndNames[i + 1]);
        }
        LISTS.put(name, entries);
    }

    private static void statuses(String name, String... codesAndNames) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < codesAndNames.length; i += 2) {
            entries.put(codesAndNames[i], codesAndNames[i + 1]);
        }
        STATUSES.put(name, entries);
    }

    /** Whether {@code name} is one of the fixed lists (as opposed to a record type). */
    static boolean isFixed(String name) {
        return LISTS.containsKey(name);
    }

    /** The name of an entry of a fixed list, or null when the list has no such id. */
    static String name(String list, long id) {
        Map<Long, String> entries = LISTS.get(list);
        return entries == null ? null : entries.get(id);
    }

    /** The ids of a fixed list, in order. */
    static long[] ids(String list) {
        return LISTS.get(list).keySet().stream().mapToLong(Long::longValue).toArray();
    }

    /** The name of a status code, or null when the list has no such code. */
    static String statusName(String list, String code) {
        Map<String, String> entries = STATUSES.get(list);
        return entries == null ? null : entries.get(code);
    }

    static Map<String, String> statuses(String list) {
        return STATUSES.get(list);
    }
}
