package dev.millwright.component.expressmaintenance.profile;

/**
 * A column as the database describes it.
 *
 * @param name      the name as the profile writes it (used in generated SQL)
 * @param label     the name the database reports
 * @param type      how values are converted
 * @param sqlType   the JDBC type code (for binding nulls)
 * @param maxLength longest text a character column takes, 0 when unbounded or not text
 */
public record Column(String name, String label, ColumnType type, int sqlType, int maxLength) {
}
