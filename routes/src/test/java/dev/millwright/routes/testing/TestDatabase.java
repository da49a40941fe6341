package dev.millwright.routes.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database with the Millwright schema: H2 in memory, or a schema of its own in the local PostgreSQL. */
public final class TestDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final String postgresSchema;

    private TestDatabase(DataSource dataSource, String postgresSchema) {
        this.dataSource = dataSource;
        this.postgresSchema = postgresSchema;
        Flyway.configure().dataSource(dataSource).locations("classpath:db/millwright").load().migrate();
    }

    public static TestDatabase h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return new TestDatabase(h2, null);
    }

    /**
     * An H2 file database that several processes may open at once (the first serves the others), for tests that
     * kill a process and go on with another on the same data; every commit is written at once, as the runtime's.
     */
    public static TestDatabase h2File(java.nio.file.Path file) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(h2FileUrl(file));
        return new TestDatabase(h2, null);
    }

    public static String h2FileUrl(java.nio.file.Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static TestDatabase postgresql() {
        String schema = "mw_test_" + Long.toHexString(System.nanoTime());
        PGSimpleDataSource admin = postgres("test");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at 127.0.0.1:5432/test is required for this test", e);
        }
        PGSimpleDataSource scoped = postgres("test?currentSchema=" + schema);
        return new TestDatabase(scoped, schema);
    }

    private static PGSimpleDataSource postgres(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl("jdbc:postgresql://127.0.0.1:5432/" + database);
        source.setUser("postgres");
        return source;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        if (postgresSchema != null) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + postgresSchema + " CASCADE");
            }
        }
    }
}
