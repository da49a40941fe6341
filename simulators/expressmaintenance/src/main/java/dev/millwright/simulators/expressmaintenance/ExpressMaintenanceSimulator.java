package dev.millwright.simulators.expressmaintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.millwright.simulators.common.PageListener;

/**
 * The Express Maintenance CMMS as its integrators meet it: its SQL database. Creates the schema of the
 * {@code expressmaintenance} component's default profile ({@code schema.sql} beside this class) in an H2 database
 * (in memory or in a file) or in a fresh schema of a PostgreSQL database, seeds it with generated, realistic data of
 * any size, and hands clients a {@link DataSource} that connects as the CMMS's application user.
 *
 * <pre>{@code
 * try (ExpressMaintenanceSimulator cmms = ExpressMaintenanceSimulator.builder().workOrders(500).build().start()) {
 *     DataSource dataSource = cmms.dataSource();          // bind it in the Camel registry
 *     cmms.modify("WORK_ORDERS", 42L, Map.of("STATUS", "ON HOLD"));
 *     cmms.faults().latencyMillis(50);                      // every statement waits 50 ms
 *     cmms.revokeUser();                                    // the next log-in fails with SQLState 28000
 * }
 * }</pre>
 *
 * Data access works on table rows, column names in upper case, keyed by the table's key: a value for one key
 * column, a {@code List} of values for several ({@code List.of("P-20001", "MAIN-STORES")}). Changes made through
 * {@link #modify} and {@link #insert} stamp {@code LAST_MODIFIED} with the clock and increment
 * {@code ROW_VERSION}, as the CMMS application does, unless the change sets them itself.
 */
public final class ExpressMaintenanceSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpressMaintenanceSimulator.class);
    private static final Pattern COLUMN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int SEED_BATCH = 1_000;

    private final Builder settings;
    private final SimulatorDatabase database;
    private final DataGenerator generator;
    private final JdbcFaults faults = new JdbcFaults();
    private final SimulatedDataSource dataSource;
    private long nextWorkOrder;
    private long nextPurchaseOrder;
    private int nextAsset;
    private int nextVendor;
    private int nextPart;
    private boolean started;
    private boolean closed;

    private ExpressMaintenanceSimulator(Builder settings) {
        this.settings = settings;
        this.database = settings.postgresUrl != null
                ? new PostgresqlDatabase(settings.postgresUrl, settings.postgresUser, settings.postgresPassword)
                : settings.file != null ? H2Database.inFile(settings.file, settings.filePassword)
                : H2Database.inMemory(settings.databaseName);
        this.generator = new DataGenerator(settings.seed, settings.clock, settings.zone, settings.historyDays,
                settings.assets, settings.vendors, settings.inventoryItems);
        this.dataSource = new SimulatedDataSource(database.application(), faults, settings.statementLogSize);
        this.nextWorkOrder = settings.workOrders;
        this.nextPurchaseOrder = settings.purchaseOrders;
        this.nextAsset = settings.assets;
        this.nextVendor = settings.vendors;
        this.nextPart = settings.inventoryItems;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Creates the database, its schema and its data (an H2 file that has the schema already is only opened). */
    public synchronized ExpressMaintenanceSimulator start() {
        if (started) {
            return this;
        }
        try {
            if (database instanceof H2Database h2) {
                h2.open();
            } else if (database instanceof PostgresqlDatabase postgres) {
                postgres.open();
            }
            if (!database.hasSchema()) {
                createSchema();
                seed();
            } else {
                countExisting();
            }
            database.grantApplicationUser();
        } catch (SQLException e) {
            closeQuietly();
            throw new IllegalStateException("cannot create the Express Maintenance database: " + e.getMessage(), e);
        }
        started = true;
        LOG.info("Express Maintenance simulator ready at {}: {} work orders, {} purchase orders, {} assets, {}"
                + " vendors, {} inventory items", database.jdbcUrl(), nextWorkOrder, nextPurchaseOrder, nextAsset,
                nextVendor, nextPart);
        return this;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            database.close();
        } catch (SQLException e) {
            LOG.warn("Closing the Express Maintenance database failed: {}", e.getMessage());
        }
    }

    /** The application user's data source: what a client (the expressmaintenance component) is given. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The administrator's data source (schema owner), not subject to faults, revocation or the statement log. */
    public DataSource adminDataSource() {
        return database.admin();
    }

    /** The JDBC URL clients connect to (no credentials in it). */
    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    /** The application user clients log in as. */
    public String user() {
        return database.user();
    }

    /** The application user's password (null on PostgreSQL, whose local access trusts the user). */
    public String password() {
        return database.password();
    }

    /** {@code h2} or {@code postgresql}. */
    public String databaseKind() {
        return database instanceof PostgresqlDatabase ? "postgresql" : "h2";
    }

    /** The zone whose local date-times the TIMESTAMP columns hold. */
    public ZoneId zone() {
        return settings.zone;
    }

    public JdbcFaults faults() {
        return faults;
    }

    /** The last statements clients executed through {@link #dataSource()}, oldest first. */
    public List<ExecutedStatement> statementLog() {
        return dataSource.log();
    }

    public void clearStatementLog() {
        dataSource.clearLog();
    }

    /** Told after each query of a table (upper-case table name, n-th query of it) and before the client reads it. */
    public void onPageServed(PageListener listener) {
        dataSource.addListener(listener);
    }

    public void removePageListener(PageListener listener) {
        dataSource.removeListener(listener);
    }

    /** The application user can no longer log in: new connections fail with SQLState 28000. */
    public void revokeUser() {
        admin(database::revoke);
    }

    public void restoreUser() {
        admin(database::restore);
    }

    /** The clock's now as the CMMS stores it (a local date-time of {@link #zone()}). */
    public LocalDateTime now() {
        return generator.now();
    }

    /** A local date-time of the database as the instant it means. */
    public Instant instantOf(LocalDateTime stored) {
        return stored.atZone(settings.zone).toInstant();
    }

    public long count(String table) {
        Table known = Table.named(table);
        try (Connection connection = database.admin().getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + known.name())) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw failed("count " + table, e);
        }
    }

    /** Every row of a table, ordered by its key. Mind the size of large tables. */
    public List<Map<String, Object>> rows(String table) {
        Table known = Table.named(table);
        return query("SELECT * FROM " + known.name() + " ORDER BY " + String.join(", ", known.keyColumns()),
                List.of());
    }

    /** The rows of a table whose column has the value, ordered by key. */
    public List<Map<String, Object>> rowsWhere(String table, String column, Object value) {
        Table known = Table.named(table);
        return query("SELECT * FROM " + known.name() + " WHERE " + column(column) + " = ? ORDER BY "
                + String.join(", ", known.keyColumns()), List.of(value));
    }

    /** One row by key, or null. */
    public Map<String, Object> row(String table, Object key) {
        Table known = Table.named(table);
        List<Map<String, Object>> rows = query("SELECT * FROM " + known.name() + " WHERE " + keyCondition(known),
                keyValues(known, key));
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Changes columns of one row as the CMMS application would: {@code LAST_MODIFIED} becomes the clock's now and
     * {@code ROW_VERSION} is incremented, unless {@code changes} sets them. {@link Instant} values are stored as
     * local date-times of the zone. Answers the changed row.
     */
    public Map<String, Object> modify(String table, Object key, Map<String, ?> changes) {
        Table known = Table.named(table);
        Map<String, Object> values = new LinkedHashMap<>();
        changes.forEach((column, value) -> values.put(column(column), value));
        StringBuilder sql = new StringBuilder("UPDATE ").append(known.name()).append(" SET ");
        List<Object> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> change : values.entrySet()) {
            sql.append(change.getKey()).append(" = ?, ");
            parameters.add(change.getValue());
        }
        if (known.stamped() && !values.containsKey("LAST_MODIFIED")) {
            sql.append("LAST_MODIFIED = ?, ");
            parameters.add(now());
        }
        if (known.versioned() && !values.containsKey("ROW_VERSION")) {
            sql.append("ROW_VERSION = ROW_VERSION + 1, ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" WHERE ").append(keyCondition(known));
        parameters.addAll(keyValues(known, key));
        if (update(sql.toString(), parameters) != 1) {
            throw new IllegalArgumentException("no " + known.name() + " row with key " + key);
        }
        return row(table, key);
    }

    /**
     * Inserts a row: a generated realistic row of the table with {@code values} over it (keys of work orders and
     * purchase orders come from their identity columns unless given). Answers the inserted row.
     */
    public synchronized Map<String, Object> insert(String table, Map<String, ?> values) {
        Table known = Table.named(table);
        Map<String, Object> row = switch (known) {
            case VENDORS -> generator.vendor(nextVendor++);
            case EQUIPMENT -> generator.equipment(nextAsset++);
            case PARTS -> generator.part(nextPart++);
            case WORK_ORDERS -> generator.workOrder(nextWorkOrder++);
            case PURCHASE_ORDERS -> generator.purchaseOrder(nextPurchaseOrder++);
            case PO_LINES -> new LinkedHashMap<>();
        };
        if (known == Table.WORK_ORDERS) {
            row.remove("WO_ID");
        } else if (known == Table.PURCHASE_ORDERS) {
            row.remove("PO_ID");
        }
        if (known.stamped()) {
            row.put("CREATED_ON", now());
            row.put("LAST_MODIFIED", now());
        }
        if (known.versioned()) {
            row.put("ROW_VERSION", 1);
        }
        values.forEach((column, value) -> row.put(column(column), value));
        String sql = "INSERT INTO " + known.name() + " (" + String.join(", ", row.keySet()) + ") VALUES ("
                + "?, ".repeat(row.size() - 1) + "?)";
        try (Connection connection = database.admin().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, new ArrayList<>(row.values()));
            insert.executeUpdate();
            Object key;
            if (known.keyColumns().stream().allMatch(row::containsKey)) {
                key = known.keyColumns().size() == 1 ? row.get(known.keyColumns().get(0))
                        : known.keyColumns().stream().map(row::get).toList();
            } else {
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    key = keys.getLong(1);
                }
            }
            return row(table, key);
        } catch (SQLException e) {
            throw failed("insert into " + table, e);
        }
    }

    /** Deletes a row (a purchase order with its lines); answers whether it existed. */
    public boolean delete(String table, Object key) {
        Table known = Table.named(table);
        if (known == Table.PURCHASE_ORDERS) {
            update("DELETE FROM PO_LINES WHERE PO_ID = ?", List.of(key));
        }
        return update("DELETE FROM " + known.name() + " WHERE " + keyCondition(known), keyValues(known, key)) == 1;
    }

    /** Runs SQL as the administrator (e.g. to break the schema under a running client). */
    public int executeAsAdmin(String sql, Object... parameters) {
        return update(sql, List.of(parameters));
    }

    private static String column(String name) {
        if (!COLUMN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a column name");
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static String keyCondition(Table table) {
        return String.join(" AND ", table.keyColumns().stream().map(column -> column + " = ?").toList());
    }

    private static List<Object> keyValues(Table table, Object key) {
        List<?> values = key instanceof List<?> list ? list : List.of(key);
        if (values.size() != table.keyColumns().size()) {
            throw new IllegalArgumentException(table.name() + " is keyed by " + table.keyColumns() + ", not " + key);
        }
        return new ArrayList<>(values);
    }

    private List<Map<String, Object>> query(String sql, List<Object> parameters) {
        try (Connection connection = database.admin().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet result = query.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toUpperCase(Locale.ROOT), value(result, i, meta.getColumnType(i)));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static Object value(ResultSet result, int column, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TIMESTAMP -> result.getObject(column, LocalDateTime.class);
            case Types.DATE -> result.getObject(column, LocalDate.class);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT -> result.getLong(column);
            case Types.DECIMAL, Types.NUMERIC -> result.getBigDecimal(column);
            default -> result.getObject(column);
        };
        return result.wasNull() ? null : value;
    }

    private int update(String sql, List<Object> parameters) {
        try (Connection connection = database.admin().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                value = LocalDateTime.ofInstant(instant, settings.zone);
            } else if (value instanceof OffsetDateTime offset) {
                value = LocalDateTime.ofInstant(offset.toInstant(), settings.zone);
            }
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Express Maintenance simulator: " + what + " failed: " + e.getMessage(), e);
    }

    private interface AdminAction {
        void run() throws SQLException;
    }

    private static void admin(AdminAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw failed("user administration", e);
        }
    }

    private void createSchema() throws SQLException {
        try (Connection connection = database.admin().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                statement.execute(sql);
            }
        }
    }

    /** The statements of the schema DDL shipped with the simulator. */
    public static List<String> schemaStatements() {
        String text;
        try (InputStream in = ExpressMaintenanceSimulator.class.getResourceAsStream("schema.sql")) {
            text = new String(Objects.requireNonNull(in, "schema.sql").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.stripLeading().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }

    private void seed() throws SQLException {
        try (Connection connection = database.admin().getConnection()) {
            connection.setAutoCommit(false);
            insertAll(connection, settings.vendors, i -> generator.vendor((int) i));
            insertAll(connection, settings.assets, i -> generator.equipment((int) i));
            insertAll(connection, settings.inventoryItems, i -> generator.part((int) i));
            insertAll(connection, settings.workOrders, generator::workOrder);
            seedPurchaseOrders(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE WORK_ORDERS ALTER COLUMN WO_ID RESTART WITH " + (settings.workOrders + 1));
                statement.execute("ALTER TABLE PURCHASE_ORDERS ALTER COLUMN PO_ID RESTART WITH "
                        + (settings.purchaseOrders + 1));
            }
            connection.commit();
        }
    }

    private interface RowMaker {
        Map<String, Object> row(long index);
    }

    private void insertAll(Connection connection, long count, RowMaker maker) throws SQLException {
        if (count == 0) {
            return;
        }
        Map<String, Object> first = maker.row(0);
        String table = tableOf(first);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                + String.join(", ", first.keySet()) + ") VALUES (" + "?, ".repeat(first.size() - 1) + "?)")) {
            for (long i = 0; i < count; i++) {
                bind(insert, new ArrayList<>((i == 0 ? first : maker.row(i)).values()));
                insert.addBatch();
                if ((i + 1) % SEED_BATCH == 0) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static String tableOf(Map<String, Object> row) {
        if (row.containsKey("WO_ID")) {
            return "WORK_ORDERS";
        }
        if (row.containsKey("EQUIP_ID")) {
            return "EQUIPMENT";
        }
        if (row.containsKey("STOREROOM")) {
            return "PARTS";
        }
        return "VENDORS";
    }

    private void seedPurchaseOrders(Connection connection) throws SQLException {
        if (settings.purchaseOrders == 0) {
            return;
        }
        Map<String, Object> firstOrder = generator.purchaseOrder(0);
        Map<String, Object> firstLine = generator.purchaseOrderLine(0, 1, null, "DRAFT");
        try (PreparedStatement orders = connection.prepareStatement("INSERT INTO PURCHASE_ORDERS ("
                + String.join(", ", firstOrder.keySet()) + ") VALUES (" + "?, ".repeat(firstOrder.size() - 1) + "?)");
                PreparedStatement lines = connection.prepareStatement("INSERT INTO PO_LINES ("
                        + String.join(", ", firstLine.keySet()) + ") VALUES (" + "?, ".repeat(firstLine.size() - 1)
                        + "?)")) {
            for (long i = 0; i < settings.purchaseOrders; i++) {
                Map<String, Object> order = generator.purchaseOrder(i);
                bind(orders, new ArrayList<>(order.values()));
                orders.addBatch();
                int count = generator.lineCount(i, settings.linesPerOrder);
                for (int line = 1; line <= count; line++) {
                    bind(lines, new ArrayList<>(generator.purchaseOrderLine(i, line, (LocalDate) order.get("ORDER_DATE"),
                            (String) order.get("STATUS")).values()));
                    lines.addBatch();
                }
                if ((i + 1) % SEED_BATCH == 0) {
                    orders.executeBatch();
                    lines.executeBatch();
                    connection.commit();
                }
            }
            orders.executeBatch();
            lines.executeBatch();
        }
    }

    private void countExisting() {
        nextWorkOrder = count("WORK_ORDERS");
        nextPurchaseOrder = count("PURCHASE_ORDERS");
        nextAsset = (int) count("EQUIPMENT");
        nextVendor = (int) count("VENDORS");
        nextPart = (int) count("PARTS");
    }

    /** Settings of a simulator; {@link #build()} makes it, {@link ExpressMaintenanceSimulator#start()} creates it. */
    public static final class Builder {
        private long seed = 42;
        private int workOrders = 200;
        private int purchaseOrders = 50;
        private int linesPerOrder = 4;
        private int inventoryItems = 100;
        private int vendors = 30;
        private int assets = 100;
        private int historyDays = 30;
        private ZoneId zone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();
        private int statementLogSize = 1_000;
        private String databaseName;
        private Path file;
        private String filePassword = "em-app";
        private String postgresUrl;
        private String postgresUser;
        private String postgresPassword;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder workOrders(int count) {
            this.workOrders = nonNegative(count, "workOrders");
            return this;
        }

        public Builder purchaseOrders(int count) {
            this.purchaseOrders = nonNegative(count, "purchaseOrders");
            return this;
        }

        /** Most lines of a purchase order (each has 1 to this many). */
        public Builder linesPerOrder(int count) {
            this.linesPerOrder = Math.max(1, count);
            return this;
        }

        public Builder inventoryItems(int count) {
            this.inventoryItems = nonNegative(count, "inventoryItems");
            return this;
        }

        public Builder vendors(int count) {
            this.vendors = nonNegative(count, "vendors");
            return this;
        }

        public Builder assets(int count) {
            this.assets = nonNegative(count, "assets");
            return this;
        }

        /** How far back the generated change times go (days before the clock's now). */
        public Builder historyDays(int days) {
            this.historyDays = Math.max(1, days);
            return this;
        }

        /** The zone of the installation: TIMESTAMP columns hold its local date-times (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder statementLogSize(int size) {
            this.statementLogSize = Math.max(1, size);
            return this;
        }

        /** An in-memory H2 database of this name (default a random one), reachable by name inside this JVM. */
        public Builder databaseName(String name) {
            this.databaseName = name;
            return this;
        }

        /** An H2 file database, opened again if it exists; the application user's password is fixed. */
        public Builder file(Path file, String applicationPassword) {
            this.file = file;
            this.filePassword = applicationPassword;
            return this;
        }

        /** A fresh schema in the local PostgreSQL (127.0.0.1:5432, database test, user postgres, trust). */
        public Builder postgresql() {
            return postgresql("jdbc:postgresql://127.0.0.1:5432/test", "postgres", null);
        }

        /** A fresh schema in the PostgreSQL database of {@code url}, created by {@code adminUser}. */
        public Builder postgresql(String url, String adminUser, String adminPassword) {
            this.postgresUrl = url;
            this.postgresUser = adminUser;
            this.postgresPassword = adminPassword;
            return this;
        }

        public ExpressMaintenanceSimulator build() {
            return new ExpressMaintenanceSimulator(this);
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
