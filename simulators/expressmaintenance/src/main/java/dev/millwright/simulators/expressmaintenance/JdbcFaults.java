package dev.millwright.simulators.expressmaintenance;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;

/**
 * Faults the simulator's data source injects into the statements clients execute: a delay before each statement,
 * and a number of statements that fail with a given SQLState (e.g. {@code 08006} connection failure,
 * {@code 40001} serialization failure, {@code 57014} query cancelled). Revoking the application user
 * ({@link ExpressMaintenanceSimulator#revokeUser()}) is done in the database itself. Thread-safe.
 */
public final class JdbcFaults {

    private int latencyMillis;
    private int failNextCount;
    private String failNextState;

    /** A fixed delay before every statement a client executes. */
    public synchronized JdbcFaults latencyMillis(int millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("latencyMillis must not be negative: " + millis);
        }
        this.latencyMillis = millis;
        return this;
    }

    /** The next {@code count} statements fail with an SQLException carrying {@code sqlState}. */
    public synchronized JdbcFaults failNextStatements(int count, String sqlState) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (sqlState == null || sqlState.length() != 5) {
            throw new IllegalArgumentException("an SQLState has five characters: " + sqlState);
        }
        this.failNextCount = count;
        this.failNextState = sqlState;
        return this;
    }

    /** Statements still to fail. */
    public synchronized int pendingFailures() {
        return failNextCount;
    }

    public synchronized JdbcFaults reset() {
        latencyMillis = 0;
        failNextCount = 0;
        failNextState = null;
        return this;
    }

    /** Applied before a statement runs: waits the latency, then throws if a failure is due. */
    void beforeStatement() throws SQLException {
        int delay;
        String failWith = null;
        synchronized (this) {
            delay = latencyMillis;
            if (failNextCount > 0) {
                failNextCount--;
                failWith = failNextState;
            }
        }
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLTransientException("interrupted while waiting for the simulated latency", "57014", e);
            }
        }
        if (failWith != null) {
            throw failure(failWith);
        }
    }

    private static SQLException failure(String sqlState) {
        String message = "Express Maintenance simulator: injected failure [" + sqlState + "]";
        if (sqlState.startsWith("08")) {
            return new SQLNonTransientConnectionException("connection to the database lost: " + message, sqlState);
        }
        if (sqlState.startsWith("40")) {
            return new SQLTransientException("transaction rolled back: " + message, sqlState);
        }
        return new SQLException(message, sqlState);
    }
}
