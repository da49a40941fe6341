package dev.millwright.simulators.prometheusgroup;

import java.util.Set;

/**
 * A data field of a resource: its JSON name, type, whether clients may write it (always, only on create, never),
 * whether a create needs it, and the values it accepts (empty: any).
 */
record Field(String name, FieldType type, Access access, boolean required, Set<String> domain) {

    enum Access { WRITABLE, CREATE_ONLY, READ_ONLY }

    static Field text(String name) {
        return new Field(name, FieldType.TEXT, Access.WRITABLE, false, Set.of());
    }

    static Field of(String name, FieldType type) {
        return new Field(name, type, Access.WRITABLE, false, Set.of());
    }

    Field createOnly() {
        return new Field(name, type, Access.CREATE_ONLY, required, domain);
    }

    Field readOnly() {
        return new Field(name, type, Access.READ_ONLY, required, domain);
    }

    Field asRequired() {
        return new Field(name, type, access, true, domain);
    }

    Field oneOf(String... values) {
        return new Field(name, type, access, required, Set.of(values));
    }
}
