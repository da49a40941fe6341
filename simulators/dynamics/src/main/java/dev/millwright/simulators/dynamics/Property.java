package dev.millwright.simulators.dynamics;

import java.util.List;

/**
 * One property of an API entity: its JSON name, the caption BC errors name it by, its type, who may write it,
 * the longest text it takes, its option values, and its slot in the stored record.
 */
record Property(String name, String caption, PropertyType type, Access access, int maxLength,
                List<String> options, int slot) {

    /** Who may write a property. */
    enum Access {
        /** The record's id (SystemId): set once on insert, never changed. */
        KEY,
        /** lastModifiedDateTime, kept by the platform. */
        SYSTEM,
        /** Calculated or maintained by BC (balance, totals, status): refused in a request body. */
        READ_ONLY,
        EDITABLE
    }

    Property {
        options = List.copyOf(options);
    }

    boolean writable() {
        return access == Access.EDITABLE;
    }
}
