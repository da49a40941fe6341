package dev.millwright.mapping;

import java.util.Locale;

/** What a write produces source JSON for. */
public enum WriteMode {
    /** A new source record: every writable field that is not null. */
    CREATE,
    /** A change to an existing source record: only the fields the canonical patch names. */
    UPDATE;

    /** {@code create} or {@code update}, in any case. */
    public static WriteMode fromValue(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown write mode '" + value + "'; valid: create, update", e);
        }
    }

    /** The lower-case name used in URIs and headers. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
