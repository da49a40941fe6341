package dev.millwright.simulators.expressmaintenance;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 database: in memory (named, kept until the simulator closes) or in a file (kept across runs). The
 * application user {@code EM_APP} is an H2 user with rights on the tables; revoking it changes its password, so
 * that the next log-in fails with SQLState 28000 as a disabled database account does.
 */
final class H2Database implements SimulatorDatabase {

    static final String APPLICATION_USER = "EM_APP";

    private final String url;
    private final boolean inMemory;
    private final String password;
    private final JdbcDataSource admin;
    private final JdbcDataSource application;
    /** Keeps an in-memory database open between client connections. */
    private Connection keepAlive;

    private H2Database(String url, String adminSettings, boolean inMemory, String password) {
        this.url = url;
        this.inMemory = inMemory;
        this.password = password;
        this.admin = dataSource(url + adminSettings, "SA", "");
        this.application = dataSource(url, APPLICATION_USER, password);
    }

    static H2Database inMemory(String name) {
        String database = name != null ? name : "expressmaintenance-" + UUID.randomUUID();
        // only an administrator may set DB_CLOSE_DELAY; the open administrator session keeps the database anyway
        return new H2Database("jdbc:h2:mem:" + database, ";DB_CLOSE_DELAY=-1", true, randomPassword());
    }

    /** A file database; the application password is fixed so that the file can be opened again by clients. */
    static H2Database inFile(Path file, String applicationPassword) {
        String path = file.toAbsolutePath().toString().replaceAll("\\.mv\\.db$", "");
        return new H2Database("jdbc:h2:file:" + path, "", false, applicationPassword);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    void open() throws SQLException {
        keepAlive = admin.getConnection();
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
        return url;
    }

    @Override
    public String user() {
        return APPLICATION_USER;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public boolean hasSchema() throws SQLException {
        try (Connection connection = admin.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, "PUBLIC", "WORK_ORDERS", null)) {
            return tables.next();
        }
    }

    @Override
    public void grantApplicationUser() throws SQLException {
        execute("CREATE USER IF NOT EXISTS " + APPLICATION_USER + " PASSWORD '" + password + "'");
        execute("ALTER USER " + APPLICATION_USER + " SET PASSWORD '" + password + "'");
        for (String table : new String[] {"VENDORS", "EQUIPMENT", "PARTS", "WORK_ORDERS", "PURCHASE_ORDERS",
                "PO_LINES", "V_PURCHASE_ORDERS", "V_PO_LINES"}) {
            execute("GRANT SELECT, INSERT, UPDATE, DELETE ON " + table + " TO " + APPLICATION_USER);
        }
    }

    @Override
    public void revoke() throws SQLException {
        execute("ALTER USER " + APPLICATION_USER + " SET PASSWORD '" + randomPassword() + "'");
    }

    @Override
    public void restore() throws SQLException {
        execute("ALTER USER " + APPLICATION_USER + " SET PASSWORD '" + password + "'");
    }

    @Override
    public void close() throws SQLException {
        if (keepAlive != null) {
            if (inMemory) {
                execute("SHUTDOWN");
            }
            keepAlive.close();
            keepAlive = null;
        }
    }
}
