package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stored record of an entity set, immutable once stored: its sequence (the primary-key order BC pages in
 * when no $orderby is given), its id (SystemId), its property values by slot, its last modification time and
 * row version (what its ETag is made of), and for purchase orders its lines. An edit copies it into a
 * {@link RecordDraft}.
 */
final class BcRecord {
    /** The date BC serializes for an empty date field. */
    static final LocalDate BLANK_DATE = LocalDate.of(1, 1, 1);
    static final long BLANK_DATE_DAY = BLANK_DATE.toEpochDay();
    static final UUID BLANK_GUID = new UUID(0, 0);

    final EntitySchema schema;
    final long seq;
    final UUID id;
    final Object[] values;
    final long[] numbers;
    final long modifiedMillis;
    final long rowVersion;
    final BcRecord[] lines;

    BcRecord(EntitySchema schema, long seq, UUID id, Object[] values, long[] numbers, long modifiedMillis,
             long rowVersion, BcRecord[] lines) {
        this.schema = schema;
        this.seq = seq;
        this.id = id;
        this.values = values;
        this.numbers = numbers;
        this.modifiedMillis = modifiedMillis;
        this.rowVersion = rowVersion;
        this.lines = lines;
    }

    /** A key for range queries over the (modified time, sequence) index. */
    static BcRecord probe(EntitySchema schema, long modifiedMillis, long seq) {
        return new BcRecord(schema, seq, null, null, null, modifiedMillis, 0, null);
    }

    /**
     * The stored form of a property: UUID, String, Boolean, or Long (scaled decimal, integer, epoch day, epoch
     * milliseconds). Blank GUIDs are {@link #BLANK_GUID}.
     */
    Object get(Property property) {
        return switch (property.access()) {
            case KEY -> id;
            case SYSTEM -> modifiedMillis;
            default -> {
                if (property.type().primitive()) {
                    yield numbers[property.slot()];
                }
                Object value = values[property.slot()];
                yield value == null && property.type() == PropertyType.GUID ? BLANK_GUID : value;
            }
        };
    }

    String text(String name) {
        Object value = values[schema.property(name).slot()];
        return value == null ? "" : (String) value;
    }

    UUID guid(String name) {
        Property property = schema.property(name);
        if (property.access() == Property.Access.KEY) {
            return id;
        }
        Object value = values[property.slot()];
        return value == null ? BLANK_GUID : (UUID) value;
    }

    boolean flag(String name) {
        return Boolean.TRUE.equals(values[schema.property(name).slot()]);
    }

    BigDecimal decimal(String name) {
        return Decimals.unscale(numbers[schema.property(name).slot()]);
    }

    long number(String name) {
        return numbers[schema.property(name).slot()];
    }

    LocalDate date(String name) {
        return LocalDate.ofEpochDay(numbers[schema.property(name).slot()]);
    }

    /** The ETag BC serializes as {@code @odata.etag}. */
    String etag() {
        return Etags.of(rowVersion);
    }
}
