package dev.millwright.simulators.expressmaintenance;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Where the simulated CMMS database lives: an H2 database (in memory or in a file) or a schema of its own in a
 * PostgreSQL database. The administrator creates the schema and the data; clients connect as the application user,
 * who may read and write the tables and can be refused at log-in ({@link #revoke()}).
 */
interface SimulatorDatabase extends AutoCloseable {

    /** Connections as the administrator (schema owner). */
    DataSource admin();

    /** Connections as the application user, unwrapped. */
    DataSource application();

    String jdbcUrl();

    String user();

    String password();

    /** Whether the schema's tables exist already (an H2 file opened again). */
    boolean hasSchema() throws SQLException;

    /** Lets the application user read and write every table and view of the schema. */
    void grantApplicationUser() throws SQLException;

    /** The application user can no longer log in. */
    void revoke() throws SQLException;

    /** The application user can log in again. */
    void restore() throws SQLException;

    @Override
    void close() throws SQLException;

    default void execute(String sql) throws SQLException {
        try (Connection connection = admin().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
