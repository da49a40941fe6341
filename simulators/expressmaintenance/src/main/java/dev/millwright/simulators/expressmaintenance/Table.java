package dev.millwright.simulators.expressmaintenance;

import java.util.List;
import java.util.Locale;

/** The tables of the Express Maintenance schema, with their key columns and whether rows carry a version. */
public enum Table {
    VENDORS(List.of("VENDOR_ID"), true, true),
    EQUIPMENT(List.of("EQUIP_ID"), true, true),
    PARTS(List.of("PART_NO", "STOREROOM"), false, true),
    WORK_ORDERS(List.of("WO_ID"), true, true),
    PURCHASE_ORDERS(List.of("PO_ID"), true, true),
    PO_LINES(List.of("PO_ID", "LINE_NO"), false, false);

    private final List<String> keyColumns;
    private final boolean versioned;
    private final boolean stamped;

    Table(List<String> keyColumns, boolean versioned, boolean stamped) {
        this.keyColumns = keyColumns;
        this.versioned = versioned;
        this.stamped = stamped;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    /** Whether the table has a ROW_VERSION column, incremented by every change. */
    public boolean versioned() {
        return versioned;
    }

    /** Whether the table has CREATED_ON and LAST_MODIFIED columns. */
    public boolean stamped() {
        return stamped;
    }

    /** The table of a name, in any case. */
    public static Table named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("no table " + name + " in the Express Maintenance schema; tables: "
                    + List.of(values()), e);
        }
    }
}
