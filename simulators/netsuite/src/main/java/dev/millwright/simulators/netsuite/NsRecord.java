package dev.millwright.simulators.netsuite;

/**
 * One stored record: its internal id, its field values in the order of its type's fields, and its sublist lines.
 * Immutable once stored: an edit stores a new record in its place, so a reader holding one sees a consistent
 * version.
 */
final class NsRecord {
    static final Object[][] NO_LINES = new Object[0][];

    final RecordTypeDef type;
    final long id;
    final Object[] values;
    final Object[][] lines;
    /** The modified time in epoch seconds, copied from its field to make index comparisons cheap. */
    final long modified;

    NsRecord(RecordTypeDef type, long id, Object[] values, Object[][] lines) {
        this.type = type;
        this.id = id;
        this.values = values;
        this.lines = lines == null ? NO_LINES : lines;
        Object stamp = values[type.modifiedIndex()];
        this.modified = stamp == null ? Long.MIN_VALUE : (Long) stamp;
    }

    Object value(String rest) {
        int index = type.index(rest);
        return index < 0 ? null : values[index];
    }

    /** A probe bounding a range of the modified-time index. */
    static NsRecord probe(RecordTypeDef type, long modified, long id) {
        Object[] values = new Object[type.fields.size()];
        values[type.modifiedIndex()] = modified;
        return new NsRecord(type, id, values, null);
    }
}
