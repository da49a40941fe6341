package dev.millwright.simulators.maximo;

import java.util.Arrays;

/**
 * The stored values of one record (or one child line): object values by slot, and date-times as epoch
 * seconds in a primitive array so that a million work orders do not cost a million boxed longs per date.
 * A row is filled while it is a draft and never changed after it was stored; edits copy it.
 */
final class Row {
    /** Marks a null date-time in {@link #dates}. */
    static final long NO_DATE = Long.MIN_VALUE;

    final Object[] values;
    final long[] dates;

    Row(int valueSlots, int dateSlots) {
        this.values = new Object[valueSlots];
        this.dates = new long[dateSlots];
        Arrays.fill(dates, NO_DATE);
    }

    private Row(Object[] values, long[] dates) {
        this.values = values;
        this.dates = dates;
    }

    Row copy() {
        return new Row(values.clone(), dates.clone());
    }
}
