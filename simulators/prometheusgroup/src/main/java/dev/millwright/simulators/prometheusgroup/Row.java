package dev.millwright.simulators.prometheusgroup;

import java.util.Comparator;

/**
 * One stored record, immutable: a write replaces the whole row. {@code values} follow the schema's data fields;
 * times are epoch milliseconds.
 */
final class Row {

    /** The change order every incremental read uses: change time, then id. */
    static final Comparator<Row> BY_MODIFIED = (a, b) -> {
        int byTime = Long.compare(a.modified, b.modified);
        return byTime != 0 ? byTime : Long.compare(a.id, b.id);
    };

    final long id;
    final long modified;
    final long version;
    final long created;
    final Object[] values;

    Row(long id, long modified, long version, long created, Object[] values) {
        this.id = id;
        this.modified = modified;
        this.version = version;
        this.created = created;
        this.values = values;
    }

    /** A key for searching the change order, holding no data. */
    static Row probe(long modified, long id) {
        return new Row(id, modified, 0, 0, null);
    }

    Object value(int position) {
        return values[position];
    }
}
