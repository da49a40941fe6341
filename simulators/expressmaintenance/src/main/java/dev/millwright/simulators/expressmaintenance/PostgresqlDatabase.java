package dev.millwright.simulators.expressmaintenance;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh schema of its own in a PostgreSQL database (by default the local one: 127.0.0.1:5432, database
 * {@code test}, user {@code postgres}), dropped on close. The application user is a login role of its own;
 * revoking it sets {@code NOLOGIN}, so that the next log-in fails with SQLState 28000.
 */
final class PostgresqlDatabase implements SimulatorDatabase {

    private final String baseUrl;
    private final String schema;
    private final String role;
    private final PGSimpleDataSource admin;
    private final PGSimpleDataSource application;

    PostgresqlDatabase(String baseUrl, String adminUser, String adminPassword) {
        this.baseUrl = baseUrl;
        String suffix = Long.toHexString(System.nanoTime());
        this.schema = "em_sim_" + suffix;
        this.role = "em_app_" + suffix;
        this.admin = dataSource(baseUrl, adminUser, adminPassword);
        this.application = dataSource(baseUrl + separator(baseUrl) + "currentSchema=" + schema, role, null);
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }

    private static PGSimpleDataSource dataSource(String url, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(user);
        if (password != null) {
            source.setPassword(password);
        }
        return source;
    }

    void open() throws SQLException {
        try {
            execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new SQLException("PostgreSQL at " + baseUrl + " is required for the PostgreSQL simulator: "
                    + e.getMessage(), e.getSQLState(), e);
        }
        execute("CREATE ROLE " + role + " LOGIN");
        admin.setCurrentSchema(schema);
    }

    @Override
    public DataSource admin() {
        return admin;
    }

    @Override
    public DataSource application() {
        return application;
    }

    @Override
    public String jdbcUrl() {
        return application.getUrl();
    }

    @Override
    public String user() {
        return role;
    }

    @Override
    public String password() {
        return null;
    }

    String schema() {
        return schema;
    }

    @Override
    public boolean hasSchema() {
        return false;
    }

    @Override
    public void grantApplicationUser() throws SQLException {
        execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
        execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
        execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + role);
    }

    @Override
    public void revoke() throws SQLException {
        execute("ALTER ROLE " + role + " NOLOGIN");
    }

    @Override
    public void restore() throws SQLException {
        execute("ALTER ROLE " + role + " LOGIN");
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
        execute("DROP OWNED BY " + role);
        execute("DROP ROLE " + role);
    }
}
