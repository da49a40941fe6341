package dev.millwright.simulators.expressmaintenance;

import java.time.Instant;

/**
 * A statement a client executed through the simulator's data source, as it sent it.
 *
 * @param sql        the SQL text, with {@code ?} placeholders
 * @param fetchSize  the statement's fetch size when it ran (0 = the driver's default)
 * @param maxRows    the statement's row limit when it ran (0 = none)
 * @param autoCommit whether the connection was in auto-commit mode
 * @param executedAt when it ran (system time)
 */
public record ExecutedStatement(String sql, int fetchSize, int maxRows, boolean autoCommit, Instant executedAt) {

    /** Whether this is a query (SELECT or WITH). */
    public boolean isQuery() {
        String start = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return start.startsWith("SELECT") || start.startsWith("WITH");
    }
}
