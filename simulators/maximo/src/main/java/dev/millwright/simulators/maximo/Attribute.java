package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * One attribute of an object structure as it appears in lean JSON. Stored attributes own a slot in a
 * {@link Row}; the domain companions ({@code status_description}, {@code status_maxvalue}) are derived from
 * their base attribute and own none, so they can be selected, filtered and sorted on but never written.
 */
final class Attribute {
    /** What a derived attribute shows of its base attribute's domain. */
    enum Companion { DESCRIPTION, MAXVALUE }

    private final String name;
    private final SerializedString jsonName;
    private final AttributeType type;
    private final int slot;
    private final Domain domain;
    private final Attribute base;
    private final Companion companion;

    private Attribute(String name, AttributeType type, int slot, Domain domain, Attribute base, Companion companion) {
        this.name = name;
        this.jsonName = new SerializedString(name);
        this.type = type;
        this.slot = slot;
        this.domain = domain;
        this.base = base;
        this.companion = companion;
    }

    static Attribute stored(String name, AttributeType type, int slot, Domain domain) {
        return new Attribute(name, type, slot, domain, null, null);
    }

    static Attribute companion(Attribute base, Companion companion) {
        String suffix = companion == Companion.DESCRIPTION ? "_description" : "_maxvalue";
        return new Attribute(base.name + suffix, AttributeType.STRING, -1, null, base, companion);
    }

    String name() {
        return name;
    }

    SerializedString jsonName() {
        return jsonName;
    }

    AttributeType type() {
        return type;
    }

    /** The domain restricting this attribute's values, or null. */
    Domain domain() {
        return domain;
    }

    boolean isDerived() {
        return base != null;
    }

    /** The attribute a derived companion is computed from, or null for stored attributes. */
    Attribute base() {
        return base;
    }

    /** The value as a Java object: String, Integer, Double, Boolean, Long (epoch seconds) or null. */
    Object read(Row row) {
        if (base != null) {
            String value = (String) base.read(row);
            return companion == Companion.DESCRIPTION ? base.domain.description(value) : value;
        }
        if (type == AttributeType.DATETIME) {
            long seconds = row.dates[slot];
            return seconds == Row.NO_DATE ? null : seconds;
        }
        return row.values[slot];
    }

    /** Epoch seconds of a date-time attribute without boxing, {@link Row#NO_DATE} when null. */
    long readDate(Row row) {
        return row.dates[slot];
    }

    /** Stores an already converted value (see {@link ValueConverter}). */
    void write(Row row, Object value) {
        if (base != null) {
            throw new IllegalStateException(name + " is derived and cannot be written");
        }
        if (type == AttributeType.DATETIME) {
            row.dates[slot] = value == null ? Row.NO_DATE : (Long) value;
        } else {
            row.values[slot] = value;
        }
    }

    void writeDate(Row row, long epochSeconds) {
        row.dates[slot] = epochSeconds;
    }

    @Override
    public String toString() {
        return name;
    }
}
