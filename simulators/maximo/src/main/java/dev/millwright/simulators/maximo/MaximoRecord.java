package dev.millwright.simulators.maximo;

/**
 * One stored record. Records are immutable once published: a change replaces the record in its
 * {@link MaximoStore}, so a reader that holds a record sees a consistent version of it.
 */
final class MaximoRecord {
    private static final Row[] NO_CHILDREN = new Row[0];

    final ObjectStructure structure;
    /** Insertion sequence: the default order of collections, and the tie-breaker of every sort. */
    final long seq;
    /** The key values joined with '/', e.g. {@code BEDFORD/1000}; the rest id is its Base64 form. */
    final String key;
    final Row row;
    final Row[] children;
    /** A copy of the changedate, the key of the store's ordered index, kept here to make comparisons cheap. */
    final long changedate;
    /** Assigned by the store under its write lock before the record is published, never changed after. */
    long rowstamp;

    MaximoRecord(ObjectStructure structure, long seq, String key, Row row, Row[] children) {
        this.structure = structure;
        this.seq = seq;
        this.key = key;
        this.row = row;
        this.children = children == null ? NO_CHILDREN : children;
        this.changedate = structure.changedate().readDate(row);
    }

    String restId() {
        return RestIds.encode(key);
    }

    /** A record that exists only to bound a range of the changedate index. */
    static MaximoRecord probe(ObjectStructure structure, long changedate, long seq) {
        Row row = structure.schema().newRow();
        structure.changedate().writeDate(row, changedate);
        return new MaximoRecord(structure, seq, "", row, null);
    }
}
