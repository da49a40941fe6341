package dev.millwright.simulators.expressmaintenance;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.millwright.simulators.common.PageListener;

/**
 * The data source the simulator hands to clients: the application user's connections to the database, wrapped so
 * that every statement is logged, delayed or failed as the {@link JdbcFaults} say, and every query of a table is
 * announced to the {@link PageListener}s (with the number of queries of that table so far) before the client reads
 * its rows. No pooling: each {@link #getConnection()} opens a new connection, as a plain driver data source does.
 */
final class SimulatedDataSource implements DataSource {

    private static final Pattern FROM_TABLE = Pattern.compile("\\bFROM\\s+([A-Za-z_][A-Za-z0-9_$.\"]*)",
            Pattern.CASE_INSENSITIVE);

    private final DataSource delegate;
    private final JdbcFaults faults;
    private final int logCapacity;
    private final Deque<ExecutedStatement> log = new ArrayDeque<>();
    private final List<PageListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> queriesPerTable = new ConcurrentHashMap<>();

    SimulatedDataSource(DataSource delegate, JdbcFaults faults, int logCapacity) {
        this.delegate = delegate;
        this.faults = faults;
        this.logCapacity = logCapacity;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(delegate.getConnection(username, password));
    }

    void addListener(PageListener listener) {
        listeners.add(listener);
    }

    void removeListener(PageListener listener) {
        listeners.remove(listener);
    }

    List<ExecutedStatement> log() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    void clearLog() {
        synchronized (log) {
            log.clear();
        }
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                new ConnectionHandler(connection));
    }

    private void record(ExecutedStatement statement) {
        synchronized (log) {
            log.addLast(statement);
            while (log.size() > logCapacity) {
                log.removeFirst();
            }
        }
    }

    private void queried(String sql) {
        Matcher from = FROM_TABLE.matcher(sql);
        if (!from.find()) {
            return;
        }
        String name = from.group(1).replace("\"", "");
        String table = name.substring(name.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        int number = queriesPerTable.computeIfAbsent(table, t -> new AtomicInteger()).incrementAndGet();
        for (PageListener listener : listeners) {
            listener.pageServed(table, number);
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = SimulatedDataSource.invoke(connection, method, args);
            String name = method.getName();
            if (result instanceof Statement statement && (name.equals("prepareStatement") || name.equals("prepareCall")
                    || name.equals("createStatement"))) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<?> type = result instanceof CallableStatement ? CallableStatement.class
                        : result instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(connection, statement, sql));
            }
            return result;
        }
    }

    private final class StatementHandler implements InvocationHandler {
        private final Connection connection;
        private final Statement statement;
        private final String preparedSql;

        StatementHandler(Connection connection, Statement statement, String preparedSql) {
            this.connection = connection;
            this.statement = statement;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (!name.startsWith("execute")) {
                return SimulatedDataSource.invoke(statement, method, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
            record(new ExecutedStatement(sql == null ? "" : sql, statement.getFetchSize(), statement.getMaxRows(),
                    connection.getAutoCommit(), Instant.now()));
            faults.beforeStatement();
            Object result = SimulatedDataSource.invoke(statement, method, args);
            if (name.equals("executeQuery") && sql != null) {
                queried(sql);
            }
            return result;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || delegate.isWrapperFor(iface);
    }

    @Override
    public String toString() {
        return "Express Maintenance simulator data source (" + delegate.getClass().getSimpleName() + ")";
    }
}
