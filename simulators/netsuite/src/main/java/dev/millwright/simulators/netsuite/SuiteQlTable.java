package dev.millwright.simulators.netsuite;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A SuiteQL table as a view over the stored records: {@code transaction} (purchase and work orders, told apart by
 * {@code type}), {@code transactionline} (each transaction's main line and item lines), {@code vendor},
 * {@code entityaddress} (vendors' default addresses, keyed by {@code nkey}), {@code item} and custom record tables.
 */
final class SuiteQlTable {

    /** What a table's rows are. */
    enum Shape {
        /** Rows are {@link NsRecord}s. */
        RECORDS,
        /** Rows are {@link LineRow}s of transactions. */
        LINES,
        /** Rows are vendor {@link NsRecord}s, one per default address. */
        ADDRESSES
    }

    /** A row of {@code transactionline}: the main line ({@code line} = -1) or an item line of a transaction. */
    record LineRow(NsRecord transaction, int line) {
    }

    /**
     * A column's value in one row, with what rendering it needs: its kind, the list a reference or status refers
     * to, the label BUILTIN.DF puts before a status, and the record and record API field it comes from (for
     * garbled values).
     */
    record Cell(Object value, FieldKind kind, String refList, String label, NsRecord owner, String restField) {
        static Cell of(Object value, FieldKind kind) {
            return new Cell(value, kind, null, null, null, null);
        }
    }

    /** A column: its kind for comparisons and how to read it from a row. */
    record Column(String name, FieldKind kind, Function<Object, Cell> reader) {
    }

    final String name;
    final Shape shape;
    final List<RecordStore> stores;
    final Map<String, Column> columns;
    /** For RECORDS: the column of the modified time all its stores share, and the type discriminator. */
    final String modifiedColumn;
    final String typeColumn;

    private SuiteQlTable(String name, Shape shape, List<RecordStore> stores, Map<String, Column> columns,
                         String modifiedColumn, String typeColumn) {
        this.name = name;
        this.shape = shape;
        this.stores = stores;
        this.columns = Collections.unmodifiableMap(columns);
        this.modifiedColumn = modifiedColumn;
        this.typeColumn = typeColumn;
    }

    Column column(String column) {
        Column found = columns.get(column);
        if (found == null) {
            throw NetSuiteErrors.badQuery("Field '" + column + "' for record '" + name + "' was not found. Reason:"
                    + " NOT_EXPOSED - Not available for channel SEARCH");
        }
        return found;
    }

    /** The table of this name in the account, or a 400 answer. */
    static SuiteQlTable of(String name, AccountData data) {
        if (name.equals("transactionline")) {
            return lines(data);
        }
        if (name.equals("entityaddress")) {
            return addresses(data);
        }
        List<RecordStore> stores = data.storesOfTable(name);
        if (stores.isEmpty()) {
            throw NetSuiteErrors.badQuery("Record '" + name + "' was not found.");
        }
        return records(name, stores);
    }

    private static SuiteQlTable records(String name, List<RecordStore> stores) {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("id", new Column("id", FieldKind.INTEGER, row -> Cell.of(((NsRecord) row).id, FieldKind.INTEGER)));
        String typeColumn = stores.get(0).type.typeColumn;
        if (typeColumn != null) {
            columns.put(typeColumn, new Column(typeColumn, FieldKind.TEXT,
                    row -> Cell.of(((NsRecord) row).type.typeCode, FieldKind.TEXT)));
        }
        for (RecordStore store : stores) {
            for (FieldDef field : store.type.fields) {
                if (field.placement() != FieldDef.Placement.BODY) {
                    continue;
                }
                columns.putIfAbsent(field.column(), new Column(field.column(), field.kind(), row -> {
                    NsRecord record = (NsRecord) row;
                    int index = record.type.columnIndex(field.column());
                    return index < 0 ? Cell.of(null, field.kind()) : cell(record, record.type.fields.get(index),
                            record.values[index]);
                }));
            }
            if (store.type.hasAddress()) {
                columns.put("defaultbillingaddress", new Column("defaultbillingaddress", FieldKind.INTEGER, row -> {
                    NsRecord record = (NsRecord) row;
                    return Cell.of(hasAddress(record) ? addressKey(record.id) : null, FieldKind.INTEGER);
                }));
            }
        }
        String modified = stores.get(0).type.field(stores.get(0).type.modifiedField).column();
        for (RecordStore store : stores) {
            if (!store.type.field(store.type.modifiedField).column().equals(modified)) {
                modified = null;
            }
        }
        return new SuiteQlTable(name, Shape.RECORDS, stores, columns, modified, typeColumn);
    }

    private static SuiteQlTable lines(AccountData data) {
        List<RecordStore> stores = data.storesOfTable("transaction");
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("transaction", new Column("transaction", FieldKind.INTEGER,
                row -> Cell.of(((LineRow) row).transaction().id, FieldKind.INTEGER)));
        columns.put("id", new Column("id", FieldKind.INTEGER, row -> Cell.of(lineNumber((LineRow) row),
                FieldKind.INTEGER)));
        columns.put("linesequencenumber", new Column("linesequencenumber", FieldKind.INTEGER,
                row -> Cell.of(lineNumber((LineRow) row), FieldKind.INTEGER)));
        columns.put("mainline", new Column("mainline", FieldKind.BOOLEAN,
                row -> Cell.of(((LineRow) row).line() < 0, FieldKind.BOOLEAN)));
        columns.put("taxline", new Column("taxline", FieldKind.BOOLEAN, row -> Cell.of(false, FieldKind.BOOLEAN)));
        for (RecordStore store : stores) {
            for (FieldDef field : store.type.fields) {
                if (field.placement() == FieldDef.Placement.MAINLINE) {
                    columns.putIfAbsent(field.column(), new Column(field.column(), field.kind(),
                            row -> lineCell((LineRow) row, field.column())));
                }
            }
            for (FieldDef field : store.type.lineFields) {
                if (!field.column().equals("linesequencenumber")) {
                    columns.putIfAbsent(field.column(), new Column(field.column(), field.kind(),
                            row -> lineCell((LineRow) row, field.column())));
                }
            }
        }
        return new SuiteQlTable("transactionline", Shape.LINES, stores, columns, null, null);
    }

    private static long lineNumber(LineRow row) {
        if (row.line() < 0) {
            return 0;
        }
        RecordTypeDef type = row.transaction().type;
        return (Long) row.transaction().lines[row.line()][type.lineIndex("line")];
    }

    /** The main line shows the header's main-line fields; item lines their own, and the header's subsidiary
     *  and location. */
    private static Cell lineCell(LineRow row, String column) {
        NsRecord transaction = row.transaction();
        RecordTypeDef type = transaction.type;
        if (row.line() >= 0) {
            int index = type.lineColumnIndex(column);
            if (index >= 0) {
                FieldDef field = type.lineFields.get(index);
                return cell(transaction, field, transaction.lines[row.line()][index]);
            }
            if (!column.equals("subsidiary") && !column.equals("location")) {
                return Cell.of(null, FieldKind.TEXT);
            }
        }
        for (int i = 0; i < type.fields.size(); i++) {
            FieldDef field = type.fields.get(i);
            if (field.placement() == FieldDef.Placement.MAINLINE && field.column().equals(column)) {
                return cell(transaction, field, transaction.values[i]);
            }
        }
        return Cell.of(null, FieldKind.TEXT);
    }

    private static SuiteQlTable addresses(AccountData data) {
        List<RecordStore> stores = data.stores().stream().filter(s -> s.type.hasAddress()).toList();
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("nkey", new Column("nkey", FieldKind.INTEGER,
                row -> Cell.of(addressKey(((NsRecord) row).id), FieldKind.INTEGER)));
        columns.put("addressee", new Column("addressee", FieldKind.TEXT,
                row -> Cell.of(((NsRecord) row).value("companyName"), FieldKind.TEXT)));
        for (String part : List.of("addr1", "addr2", "city", "state", "zip", "country")) {
            columns.put(part, new Column(part, FieldKind.TEXT, row -> {
                NsRecord record = (NsRecord) row;
                return cell(record, record.type.field(part), record.value(part));
            }));
        }
        return new SuiteQlTable("entityaddress", Shape.ADDRESSES, stores, columns, null, null);
    }

    private static Cell cell(NsRecord record, FieldDef field, Object value) {
        return new Cell(value, field.kind(), field.refList(), record.type.label, record, field.rest());
    }

    static boolean hasAddress(NsRecord record) {
        return record.value("addr1") != null || record.value("city") != null;
    }

    /** The entityaddress key of a vendor's default address. */
    static long addressKey(long vendorId) {
        return vendorId * 10 + 1;
    }

    static long vendorOfAddress(long key) {
        return (key - 1) / 10;
    }
}
