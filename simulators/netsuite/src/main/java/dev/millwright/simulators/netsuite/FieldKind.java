package dev.millwright.simulators.netsuite;

/**
 * How a field's value is stored and rendered. Stored values: TEXT a String, INTEGER a Long, DECIMAL a BigDecimal,
 * BOOLEAN a Boolean, DATE a Long (epoch day), DATETIME a Long (epoch second), REF a Long (the referenced internal
 * id), STATUS a String (the one-letter status code).
 */
enum FieldKind {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, REF, STATUS;

    boolean isDate() {
        return this == DATE || this == DATETIME;
    }

    boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == REF;
    }
}
