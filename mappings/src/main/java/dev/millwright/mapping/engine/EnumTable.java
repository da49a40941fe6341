package dev.millwright.mapping.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * A compiled enum table: source codes to canonical enum constants, and for writes each canonical constant
 * to one source code (the first listed, unless the table's {@code write:} names another).
 */
final class EnumTable {

    private final String name;
    private final Map<String, Enum<?>> valueByCode;
    private final Map<Enum<?>, String> codeByValue;

    EnumTable(String name, Map<String, Enum<?>> valueByCode, Map<Enum<?>, String> codeByValue) {
        this.name = name;
        this.valueByCode = new HashMap<>(valueByCode);
        this.codeByValue = new HashMap<>(codeByValue);
    }

    String name() {
        return name;
    }

    /** The canonical constant of a source code, or null when the table does not list it. */
    Enum<?> read(String code) {
        return valueByCode.get(code);
    }

    /** The source code of a canonical constant, or null when the table has none. */
    String write(Object value) {
        return codeByValue.get(value);
    }
}
