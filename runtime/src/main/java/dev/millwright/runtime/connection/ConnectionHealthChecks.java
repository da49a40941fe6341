package dev.millwright.runtime.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.millwright.core.capability.Operation;
import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.SourceOperation;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.MillwrightConfig;

/**
 * The periodic health check of every connection that is neither suspended nor disconnected: the system component's
 * {@code checkConnection} operation (its cheapest authenticated call) on one of the connection's collections.
 * Refused credentials make it auth_required, an unreachable source offline, a success online; any other failure of
 * the check is a {@code system.error}. Nothing here names a system: the component is the connection's own.
 */
@ApplicationScoped
public class ConnectionHealthChecks extends RouteBuilder {

    public static final String ROUTE_ID = "connection-health-checks";
    private static final Logger LOG = Logger.getLogger(ConnectionHealthChecks.class);

    @Inject
    ConnectionService connections;

    @Inject
    JdbcConnectionStore store;

    @Inject
    SystemCatalog catalog;

    @Inject
    ConnectionStatusStore statuses;

    @Inject
    ConnectionStatusMetrics metrics;

    @Inject
    ProducerTemplate producer;

    @Inject
    MillwrightConfig config;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService checks;

    @Override
    public void configure() {
        long period = Math.max(1, config.health().checkInterval().toMillis());
        from("timer:millwright-connection-health?period=" + period + "&delay=" + period)
                .routeId(ROUTE_ID)
                .process(exchange -> checkAll());
    }

    /** The status gauges exist from the start, before the first check. */
    void start(@Observes @Priority(ConnectionStartup.PRIORITY + 10) StartupEvent event) {
        statuses.statuses().forEach(row -> metrics.current(row.connectionId(), row.status()));
    }

    /** Starts a check of each connection to check, unless its previous check is still running. */
    public void checkAll() {
        for (Connection connection : store.all()) {
            metrics.current(connection.id(), connection.status());
            if (connection.isDisconnected() || connection.suspended() || !running.add(connection.id())) {
                continue;
            }
            try {
                executor().execute(() -> {
                    try {
                        check(connection);
                    } catch (RuntimeException e) {
                        // recording the check failed (the database is unreachable, or the runtime stops)
                        LOG.warnf("Cannot record the health check of connection '%s': %s", connection.id(),
                                e.getMessage());
                    } finally {
                        running.remove(connection.id());
                    }
                });
            } catch (RejectedExecutionException stopping) {
                running.remove(connection.id());
                return;
            }
        }
    }

    /** Checks one connection now and records what the source answered. */
    public void check(Connection connection) {
        Optional<String> uri = checkUri(connection);
        if (uri.isEmpty()) {
            return;
        }
        String id = connection.id();
        try {
            producer.sendBodyAndHeader(uri.get(), null, SourceHeaders.OPERATION, SourceOperation.checkConnection);
            statuses.recordCheck(id, null, false);
            connections.observe(id, ConnectionStatus.ONLINE, null);
        } catch (RuntimeException e) {
            ConnectorException connector = connectorCause(e);
            if (connector instanceof AuthenticationRequiredException) {
                statuses.recordCheck(id, connector.detail(), false);
                connections.observe(id, ConnectionStatus.AUTH_REQUIRED, connector.detail());
            } else if (connector instanceof SourceUnavailableException) {
                statuses.recordCheck(id, connector.detail(), false);
                connections.observe(id, ConnectionStatus.OFFLINE, connector.detail());
            } else if (connector instanceof RateLimitedException) {
                // the source is there, only busy: no change of status, and no success either
                statuses.recordCheck(id, connector.detail(), false);
            } else if (stillChecked(id)) {
                String error = connector != null ? connector.getMessage() : describe(e);
                if (statuses.recordCheck(id, error, true)) {
                    LOG.warnf("The health check of connection '%s' failed unexpectedly: %s", id, error);
                } else {
                    LOG.debugf("The health check of connection '%s' failed unexpectedly again: %s", id, error);
                }
            }
        }
    }

    /** Whether the connection is still to be checked (not disconnected or suspended while its check ran). */
    private boolean stillChecked(String id) {
        return store.find(id).map(current -> !current.isDisconnected() && !current.suspended()).orElse(false);
    }

    /** The connection's component on a collection it reads (a scheduled one first), or empty if it reads none. */
    private Optional<String> checkUri(Connection connection) {
        Optional<SystemCatalog.SystemDescription> system = catalog.describe(connection.system());
        if (system.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>(connection.schedules().keySet());
        candidates.addAll(system.get().capabilities().entities().keySet());
        for (String entityName : candidates) {
            boolean readable = system.get().capabilities().entity(entityName)
                    .map(entity -> entity.supports(Operation.READ)).orElse(false);
            Entity entity;
            try {
                entity = Entity.fromEntityName(entityName);
            } catch (IllegalArgumentException notStandard) {
                continue;
            }
            if (readable) {
                return Optional.of(connection.system() + ":" + entity.collection() + "?connection="
                        + connection.id());
            }
        }
        return Optional.empty();
    }

    private static ConnectorException connectorCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectorException connector) {
                return connector;
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private ExecutorService executor() {
        ExecutorService current = checks;
        if (current == null) {
            synchronized (this) {
                if (checks == null) {
                    AtomicInteger count = new AtomicInteger();
                    checks = Executors.newFixedThreadPool(Math.max(1, config.health().checkThreads()), runnable -> {
                        Thread thread = new Thread(runnable, "millwright-health-check-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                }
                current = checks;
            }
        }
        return current;
    }

    @PreDestroy
    void stop() {
        ExecutorService current = checks;
        if (current != null) {
            current.shutdownNow();
        }
    }
}
