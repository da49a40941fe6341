package dev.millwright.simulators.netsuite;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A record type as both APIs see it: the record API name ({@code purchaseOrder}), the SuiteQL table it lives in
 * ({@code transaction}, told apart by {@code type = 'PurchOrd'}), its body fields, and the fields of its line
 * sublist (the {@code item} sublist of transactions).
 */
final class RecordTypeDef {
    final String name;
    final String table;
    /** The value of {@link #typeColumn} that selects this type's rows in a shared table, or null. */
    final String typeCode;
    final String typeColumn;
    final List<FieldDef> fields;
    final List<FieldDef> lineFields;
    final String modifiedField;
    final String createdField;
    /** The field NetSuite numbers on create when the client leaves it empty (tranId, name), or null. */
    final String numberField;
    final String numberPrefix;
    /** The field a reference to a record of this type shows as its refName. */
    final String refNameField;
    /** The text before the status name in BUILTIN.DF(status), e.g. {@code Purchase Order}. */
    final String label;
    private final Map<String, Integer> fieldIndex = new HashMap<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<String, Integer> lineFieldIndex = new HashMap<>();
    private final Map<String, Integer> lineColumnIndex = new HashMap<>();

    RecordTypeDef(String name, String table, String typeColumn, String typeCode, String label, List<FieldDef> fields,
                  List<FieldDef> lineFields, String modifiedField, String createdField, String numberField,
                  String numberPrefix, String refNameField) {
        this.name = name;
        this.table = table;
        this.typeColumn = typeColumn;
        this.typeCode = typeCode;
        this.label = label;
        this.fields = List.copyOf(fields);
        this.lineFields = lineFields == null ? Collections.emptyList() : List.copyOf(lineFields);
        this.modifiedField = modifiedField;
        this.createdField = createdField;
        this.numberField = numberField;
        this.numberPrefix = numberPrefix;
        this.refNameField = refNameField;
        for (int i = 0; i < this.fields.size(); i++) {
            fieldIndex.put(this.fields.get(i).rest().toLowerCase(Locale.ROOT), i);
            if (this.fields.get(i).placement() == FieldDef.Placement.BODY) {
                columnIndex.put(this.fields.get(i).column(), i);
            }
        }
        for (int i = 0; i < this.lineFields.size(); i++) {
            lineFieldIndex.put(this.lineFields.get(i).rest().toLowerCase(Locale.ROOT), i);
            lineColumnIndex.put(this.lineFields.get(i).column(), i);
        }
        if (index(modifiedField) < 0 || fields.get(index(modifiedField)).kind() != FieldKind.DATETIME) {
            throw new IllegalArgumentException(name + ": " + modifiedField + " must be a date-time field");
        }
    }

    /** The index of a field by its record API name (case-insensitive), or -1. */
    int index(String rest) {
        Integer index = fieldIndex.get(rest.toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    /** The index of a body field by its SuiteQL column, or -1. */
    int columnIndex(String column) {
        Integer index = columnIndex.get(column);
        return index == null ? -1 : index;
    }

    int lineIndex(String rest) {
        Integer index = lineFieldIndex.get(rest.toLowerCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    int lineColumnIndex(String column) {
        Integer index = lineColumnIndex.get(column);
        return index == null ? -1 : index;
    }

    FieldDef field(String rest) {
        int index = index(rest);
        return index < 0 ? null : fields.get(index);
    }

    boolean hasLines() {
        return !lineFields.isEmpty();
    }

    boolean isTransaction() {
        return table.equals("transaction");
    }

    boolean hasAddress() {
        return fields.stream().anyMatch(f -> f.placement() == FieldDef.Placement.ADDRESS);
    }

    int modifiedIndex() {
        return index(modifiedField);
    }

    @Override
    public String toString() {
        return name;
    }
}
