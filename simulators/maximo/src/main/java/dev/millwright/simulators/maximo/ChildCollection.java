package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.core.io.SerializedString;

/** A child object array inside an object structure, such as the {@code poline} lines of MXAPIPO. */
final class ChildCollection {
    private final String name;
    private final SerializedString jsonName;
    private final RecordSchema schema;
    private final Attribute key;

    ChildCollection(String name, RecordSchema schema, String keyAttribute) {
        this.name = name;
        this.jsonName = new SerializedString(name);
        this.schema = schema;
        this.key = schema.attribute(keyAttribute);
    }

    String name() {
        return name;
    }

    SerializedString jsonName() {
        return jsonName;
    }

    RecordSchema schema() {
        return schema;
    }

    /** The attribute that identifies a line within its parent, used when merging lines (polinenum). */
    Attribute key() {
        return key;
    }
}
