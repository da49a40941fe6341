package dev.millwright.simulators.prometheusgroup;

/** The value types of record fields, and how each is held: String, Long, BigDecimal, Long (epoch ms), LocalDate, Boolean. */
enum FieldType {
    TEXT, INTEGER, DECIMAL, DATETIME, DATE, BOOLEAN
}
