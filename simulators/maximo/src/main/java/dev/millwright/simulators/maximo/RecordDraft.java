package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.List;

/** A record being created or edited: a private copy of the main row and of the child lines. */
final class RecordDraft {
    final ObjectStructure structure;
    final Row row;
    /** The child lines; null when the structure has no child collection. */
    final List<Row> children;

    RecordDraft(ObjectStructure structure) {
        this.structure = structure;
        this.row = structure.schema().newRow();
        this.children = structure.child() == null ? null : new ArrayList<>();
    }

    /** A draft that starts as a copy of a stored record. */
    RecordDraft(MaximoRecord record) {
        this.structure = record.structure;
        this.row = record.row.copy();
        if (structure.child() == null) {
            this.children = null;
        } else {
            this.children = new ArrayList<>(record.children.length);
            for (Row child : record.children) {
                children.add(child.copy());
            }
        }
    }

    Object get(String attribute) {
        return structure.schema().attribute(attribute).read(row);
    }

    RecordDraft set(String attribute, Object convertedValue) {
        structure.schema().attribute(attribute).write(row, convertedValue);
        return this;
    }

    /** Sets the value only when the attribute is still null. */
    void setIfAbsent(String attribute, Object convertedValue) {
        Attribute a = structure.schema().attribute(attribute);
        if (a.read(row) == null) {
            a.write(row, convertedValue);
        }
    }
}
