package dev.millwright.core.cursor;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.postgresql.ds.PGSimpleDataSource;

/** The same behaviour on PostgreSQL 15 at 127.0.0.1:5432, database test, in a schema of its own. */
@Tag("postgresql")
class JdbcWatermarkStorePostgresqlTest extends JdbcWatermarkStoreTest {

    private String schema;

    @Override
    protected DataSource createDataSource() {
        schema = "mw_test_" + Long.toHexString(System.nanoTime());
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        admin.setUser("postgres");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432/test is required for this test", e);
        }
        PGSimpleDataSource scoped = new PGSimpleDataSource();
        scoped.setUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
        scoped.setUser("postgres");
        return scoped;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
