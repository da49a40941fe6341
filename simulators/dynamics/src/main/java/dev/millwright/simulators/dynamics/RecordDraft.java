package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A record being created or edited: a private, mutable copy of its values (and of its lines) that becomes a new
 * immutable {@link BcRecord} when stored. Lines left untouched keep their stored record, and so their ETag.
 */
final class RecordDraft {
    final EntitySchema schema;
    UUID id;
    final Object[] values;
    final long[] numbers;
    long modifiedMillis = Long.MIN_VALUE;
    /** The lines of a purchase order; null for sets without lines. */
    final List<RecordDraft> lines;
    /** The stored record this draft copies, or null for a new one. */
    private final BcRecord original;
    private boolean changed;

    /** A new record with BC's blank values: empty text, blank GUIDs and dates, zero, false, the first option. */
    RecordDraft(EntitySchema schema) {
        this.schema = schema;
        this.values = new Object[schema.valueSlots()];
        this.numbers = new long[schema.numberSlots()];
        this.original = null;
        this.changed = true;
        for (Property property : schema.properties()) {
            if (property.slot() < 0) {
                continue;
            }
            switch (property.type()) {
                case TEXT -> values[property.slot()] = "";
                case BOOLEAN -> values[property.slot()] = Boolean.FALSE;
                case OPTION -> values[property.slot()] = property.options().get(0);
                case DATE -> numbers[property.slot()] = BcRecord.BLANK_DATE_DAY;
                default -> { }
            }
        }
        this.lines = schema.lines() == null ? null : new ArrayList<>();
    }

    /** A copy of a stored record. */
    RecordDraft(BcRecord record) {
        this.schema = record.schema;
        this.id = record.id;
        this.values = record.values.clone();
        this.numbers = record.numbers.clone();
        this.modifiedMillis = record.modifiedMillis;
        this.original = record;
        if (record.lines != null) {
            this.lines = new ArrayList<>(record.lines.length);
            for (BcRecord line : record.lines) {
                lines.add(new RecordDraft(line));
            }
        } else {
            this.lines = schema.lines() == null ? null : new ArrayList<>();
        }
    }

    BcRecord original() {
        return original;
    }

    /** Sets a property from its stored form (see {@link BcRecord#get}). */
    void set(Property property, Object stored) {
        changed = true;
        switch (property.access()) {
            case KEY -> id = (UUID) stored;
            case SYSTEM -> modifiedMillis = (Long) stored;
            default -> {
                if (property.type().primitive()) {
                    numbers[property.slot()] = (Long) stored;
                } else if (property.type() == PropertyType.GUID && BcRecord.BLANK_GUID.equals(stored)) {
                    values[property.slot()] = null;
                } else {
                    values[property.slot()] = stored;
                }
            }
        }
    }

    Object get(Property property) {
        return switch (property.access()) {
            case KEY -> id;
            case SYSTEM -> modifiedMillis;
            default -> {
                if (property.type().primitive()) {
                    yield numbers[property.slot()];
                }
                Object value = values[property.slot()];
                yield value == null && property.type() == PropertyType.GUID ? BcRecord.BLANK_GUID : value;
            }
        };
    }

    void setText(String name, String value) {
        set(schema.property(name), value == null ? "" : value);
    }

    void setGuid(String name, UUID value) {
        set(schema.property(name), value == null ? BcRecord.BLANK_GUID : value);
    }

    void setFlag(String name, boolean value) {
        set(schema.property(name), value);
    }

    void setDecimal(String name, BigDecimal value) {
        set(schema.property(name), Decimals.scale(value));
    }

    void setScaled(String name, long scaled) {
        set(schema.property(name), scaled);
    }

    void setNumber(String name, long value) {
        set(schema.property(name), value);
    }

    void setDate(String name, LocalDate value) {
        set(schema.property(name), value.toEpochDay());
    }

    String text(String name) {
        Object value = values[schema.property(name).slot()];
        return value == null ? "" : (String) value;
    }

    UUID guid(String name) {
        Object value = get(schema.property(name));
        return (UUID) value;
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(values[schema.property(name).slot()]);
    }

    long scaled(String name) {
        return numbers[schema.property(name).slot()];
    }

    BigDecimal decimal(String name) {
        return Decimals.unscale(scaled(name));
    }

    long number(String name) {
        return numbers[schema.property(name).slot()];
    }

    boolean changed() {
        return changed || original == null;
    }

    void markChanged() {
        changed = true;
    }

    /**
     * The stored record with a new row version (drawn after those of its changed lines); untouched lines keep
     * theirs. The draft must not be used afterwards.
     */
    BcRecord freeze(long seq, LongSupplier rowVersions) {
        return freeze(seq, -1, rowVersions);
    }

    /**
     * The stored record with the given row version ({@code -1}: the next one of {@code rowVersions}); changed
     * lines take theirs from {@code rowVersions}.
     */
    BcRecord freeze(long seq, long rowVersion, LongSupplier rowVersions) {
        BcRecord[] frozenLines = null;
        if (lines != null) {
            frozenLines = new BcRecord[lines.size()];
            for (int i = 0; i < frozenLines.length; i++) {
                RecordDraft line = lines.get(i);
                frozenLines[i] = line.changed() ? line.freeze(i, rowVersions) : line.original;
            }
        }
        // the draft is dropped once stored: the record takes its arrays over
        return new BcRecord(schema, seq, id, values, numbers, modifiedMillis,
                rowVersion >= 0 ? rowVersion : rowVersions.getAsLong(), frozenLines);
    }
}
