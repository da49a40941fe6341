package dev.millwright.runtime.connection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quartz.CronExpression;

import dev.millwright.core.capability.Operation;
import dev.millwright.core.error.FieldError;
import dev.millwright.mapping.MappingContext;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.api.ProblemException;
import dev.millwright.runtime.sync.SyncSchedules;

/**
 * Connections, from creation to disconnection: validation against the system component's own options and
 * capability matrix, sealed credentials, hashed tokens, their sync schedules, their status as syncs and writes
 * observe it, and the live registry the components resolve them through.
 */
@ApplicationScoped
public class ConnectionService {

    static final String TOKEN_PREFIX = "mw_";
    private static final Logger LOG = Logger.getLogger(ConnectionService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JdbcConnectionStore store;

    @Inject
    StoredConnectionRegistry registry;

    @Inject
    SystemCatalog catalog;

    @Inject
    SyncSchedules schedules;

    @Inject
    ConnectionMBeans mbeans;

    @Inject
    ConnectionStatusStore statuses;

    @Inject
    ConnectionStatusMetrics statusMetrics;

    @Inject
    Clock clock;

    @Inject
    dev.millwright.runtime.inbound.InboundSecretStore inboundSecrets;

    /**
     * A created (or reauthorized) connection with its API token and its inbound webhook secret, which are shown
     * only this once.
     */
    public record WithToken(Connection connection, String token, String inboundSecret) {
        public WithToken(Connection connection, String token) {
            this(connection, token, null);
        }
    }

    /** Loads the stored connections into the registry and schedules the syncs of those that run. */
    public void start() {
        for (Connection connection : store.all()) {
            if (!connection.isDisconnected()) {
                activate(connection);
            }
        }
    }

    public WithToken create(ConnectionRequest request) {
        return create(null, request);
    }

    /** Creates a connection; {@code id} is generated when null. */
    public synchronized WithToken create(String id, ConnectionRequest request) {
        SystemCatalog.SystemDescription system = describe(request.system());
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        splitSettings(system, request.settings(), settings, secrets, errors);
        Map<String, String> crons = validSchedules(system, request.schedules(), errors);
        Map<String, Map<String, String>> customFields = validCustomFields(request.customFields(), errors);
        if (request.name() != null && request.name().length() > 200) {
            errors.add(new FieldError("name", "at most 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the connection is not valid", errors);
        }
        String connectionId = id != null ? id : "con_" + HexFormat.of().formatHex(randomBytes(8));
        if (store.find(connectionId).isPresent()) {
            throw ProblemException.conflict("connection '" + connectionId + "' exists already");
        }
        Instant now = clock.instant();
        String name = request.name() == null || request.name().isBlank() ? system.system() + " " + connectionId
                : request.name();
        Connection connection = new Connection(connectionId, system.system(), name, ConnectionStatus.ONLINE, null,
                settings, secrets, crons, customFields, false, now, now, null);
        String token = ApiTokens.newToken(TOKEN_PREFIX);
        store.insert(connection, ApiTokens.hash(token));
        String inboundSecret = inboundSecrets.issue(connectionId);
        activate(connection);
        LOG.infof("Connection '%s' (%s) created", connectionId, system.system());
        return new WithToken(connection, token, inboundSecret);
    }

    /**
     * Creates the connection with this id, or brings an existing one to these settings, schedules and custom
     * fields without touching its token (for connections the runtime itself defines, such as the demo's).
     * Answers the token when it created one, else null.
     */
    public synchronized String ensure(String id, ConnectionRequest request) {
        Optional<Connection> existing = store.find(id);
        if (existing.isEmpty() || existing.get().isDisconnected()) {
            if (existing.isPresent()) {
                return null;
            }
            return create(id, request).token();
        }
        SystemCatalog.SystemDescription system = describe(request.system());
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        splitSettings(system, request.settings(), settings, secrets, errors);
        Map<String, String> crons = validSchedules(system, request.schedules(), errors);
        Map<String, Map<String, String>> customFields = validCustomFields(request.customFields(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("connection '" + id + "' is not valid", errors);
        }
        Connection current = existing.get();
        Connection updated = new Connection(id, current.system(), request.name() == null ? current.name()
                : request.name(), current.status(), current.statusReason(), settings, secrets, crons, customFields,
                current.suspended(), current.createdAt(), clock.instant(), null);
        store.update(updated);
        schedules.remove(id);
        activate(updated);
        return null;
    }

    public List<Connection> list() {
        return store.all();
    }

    public Connection get(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("no connection '" + id + "'"));
    }

    /** The connection a presented API token belongs to, if it is live; the hash comparison is constant time. */
    public Optional<Connection> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return store.findByTokenHash(ApiTokens.hash(token))
                .filter(owner -> ApiTokens.matchesHash(token, owner.tokenHash()))
                .flatMap(owner -> store.find(owner.connectionId()))
                .filter(connection -> !connection.isDisconnected());
    }

    /**
     * New source credentials (any subset of the settings; the others are kept) and a new API token: the old
     * token stops working now, the status is online again and paused syncs resume.
     */
    public WithToken reauthorize(String id, Map<String, String> newSettings) {
        WithToken renewed = renewCredentials(id, newSettings);
        // outside the lock: the routes are running again when the caller hears back
        schedules.awaitQueued();
        return renewed;
    }

    private synchronized WithToken renewCredentials(String id, Map<String, String> newSettings) {
        Connection current = get(id);
        if (current.isDisconnected()) {
            throw ProblemException.conflict("connection '" + id + "' is disconnected; create a new connection");
        }
        SystemCatalog.SystemDescription system = describe(current.system());
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>(current.settings());
        Map<String, String> secrets = new LinkedHashMap<>(current.secrets());
        Map<String, String> changedSettings = new LinkedHashMap<>();
        Map<String, String> changedSecrets = new LinkedHashMap<>();
        splitSettings(system, newSettings, changedSettings, changedSecrets, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("the new settings are not valid", errors);
        }
        changedSettings.keySet().forEach(secrets::remove);
        changedSecrets.keySet().forEach(settings::remove);
        settings.putAll(changedSettings);
        secrets.putAll(changedSecrets);
        Connection renewed = current.withCredentials(settings, secrets, clock.instant());
        String token = ApiTokens.newToken(TOKEN_PREFIX);
        if (current.status() != ConnectionStatus.ONLINE) {
            statuses.transition(id, ConnectionStatus.ONLINE, "reauthorized").ifPresent(statusMetrics::transitioned);
        }
        store.update(renewed);
        store.replaceToken(id, ApiTokens.hash(token));
        String inboundSecret = inboundSecrets.issue(id);
        registry.put(renewed);
        if (renewed.syncsRun()) {
            schedules.resume(id);
        }
        LOG.infof("Connection '%s' reauthorized: new credentials, new token, new inbound secret", id);
        return new WithToken(renewed, token, inboundSecret);
    }

    /** Disconnects: the token stops working now, every sync of the connection is stopped and removed. */
    public Connection disconnect(String id) {
        Connection disconnected;
        synchronized (this) {
            Connection current = get(id);
            if (current.isDisconnected()) {
                return current;
            }
            disconnected = current.withStatus(ConnectionStatus.DISCONNECTED, "disconnected through the API",
                    clock.instant());
            store.replaceToken(id, ApiTokens.hash(ApiTokens.newToken("revoked_")));
            statuses.transition(id, ConnectionStatus.DISCONNECTED, disconnected.statusReason())
                    .ifPresent(statusMetrics::transitioned);
            store.update(disconnected);
            registry.remove(id);
            mbeans.unregister(id);
        }
        // outside the lock: a sync of this connection still running reports what it saw (observe) before it ends,
        // and stopping its route waits for that end
        schedules.remove(id);
        LOG.infof("Connection '%s' disconnected", id);
        return disconnected;
    }

    /** Deletes the synced data of a connection (records, dead letters, cursors, sync runs); answers the records. */
    public int deleteData(String id) {
        get(id);
        return store.deleteData(id);
    }

    /** Suspends the syncs of a connection (operators, JMX) until resumed. */
    public synchronized Connection suspend(String id) {
        Connection suspended = get(id).withSuspended(true, clock.instant());
        store.update(suspended);
        registry.put(suspended);
        schedules.pause(id);
        return suspended;
    }

    public Connection resume(String id) {
        Connection resumed = markResumed(id);
        schedules.awaitQueued();
        return resumed;
    }

    private synchronized Connection markResumed(String id) {
        Connection resumed = get(id).withSuspended(false, clock.instant());
        store.update(resumed);
        registry.put(resumed);
        if (resumed.syncsRun()) {
            schedules.resume(id);
        }
        return resumed;
    }

    /**
     * Records what a sync, write or check saw of the source: credentials refused pause the syncs until
     * reauthorized; unreachable marks it offline; a success brings it back online. Answers whether the status
     * changed.
     */
    public synchronized boolean observe(String id, ConnectionStatus observed, String reason) {
        Optional<Connection> found = store.find(id);
        if (found.isEmpty() || found.get().isDisconnected() || found.get().status() == observed) {
            return false;
        }
        // the database decides: of several observers of the same change (other nodes too), one makes it
        Optional<StatusTransition> transition = statuses.transition(id, observed, reason);
        if (transition.isEmpty()) {
            return false;
        }
        statusMetrics.transitioned(transition.get());
        Connection changed = store.find(id).orElseThrow();
        registry.put(changed);
        if (observed == ConnectionStatus.AUTH_REQUIRED) {
            schedules.pause(id);
            LOG.warnf("Connection '%s' needs reauthorization, its syncs are paused: %s", id, reason);
        } else {
            if (transition.get().previous() == ConnectionStatus.AUTH_REQUIRED && changed.syncsRun()) {
                schedules.resume(id);
            }
            LOG.infof("Connection '%s' is %s%s", id, observed.value(), reason == null ? "" : ": " + reason);
        }
        return true;
    }

    /** Runs the sync of an entity now; a full resync re-reads the initial history and marks what is gone. */
    public void syncNow(String id, Entity entity, boolean full) {
        Connection connection = get(id);
        if (!connection.syncsRun()) {
            throw new ProblemException(409, "CONFLICT", "the syncs of connection '" + id + "' are paused ("
                    + (connection.suspended() ? "suspended" : connection.status().value()) + ")", List.of());
        }
        SystemCatalog.SystemDescription system = describe(connection.system());
        if (system.capabilities().entity(entity.entityName()).map(e -> !e.supports(Operation.READ)).orElse(true)) {
            throw new ProblemException(422, "OPERATION_NOT_SUPPORTED", connection.system()
                    + " does not support reading " + entity.entityName(), List.of());
        }
        schedules.triggerNow(id, connection.system(), entity, full);
    }

    private void activate(Connection connection) {
        registry.put(connection);
        // its status gauges exist from the start, not from its first check
        statusMetrics.current(connection.id(), connection.status());
        Map<Entity, String> crons = new LinkedHashMap<>();
        connection.schedules().forEach((entity, cron) -> crons.put(Entity.fromEntityName(entity), cron));
        schedules.schedule(connection.id(), connection.system(), crons);
        if (!connection.syncsRun()) {
            schedules.pause(connection.id());
        }
        mbeans.register(connection.id(), this);
    }

    private SystemCatalog.SystemDescription describe(String system) {
        return catalog.describe(system).orElseThrow(() -> ProblemException.invalidField("system",
                "unknown system '" + system + "'; installed: " + String.join(", ", catalog.systems())));
    }

    private static void splitSettings(SystemCatalog.SystemDescription system, Map<String, String> given,
            Map<String, String> settings, Map<String, String> secrets, List<FieldError> errors) {
        for (Map.Entry<String, String> setting : given.entrySet()) {
            SystemCatalog.Option option = system.options().get(setting.getKey());
            if (option == null || setting.getKey().equals("connection") || setting.getKey().equals("operation")) {
                errors.add(new FieldError("settings." + setting.getKey(), "not an option of the " + system.system()
                        + " component; options: " + String.join(", ", new TreeSet<>(system.options().keySet()))));
            } else if (option.secret()) {
                secrets.put(setting.getKey(), setting.getValue());
            } else {
                settings.put(setting.getKey(), setting.getValue());
            }
        }
    }

    private static Map<String, String> validSchedules(SystemCatalog.SystemDescription system,
            Map<String, String> requested, List<FieldError> errors) {
        Map<String, String> crons = new LinkedHashMap<>();
        requested.forEach((entityName, cron) -> {
            String field = "schedules." + entityName;
            Entity entity;
            try {
                entity = Entity.fromEntityName(entityName);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, e.getMessage()));
                return;
            }
            if (system.capabilities().entity(entity.entityName()).map(e -> !e.supports(Operation.READ))
                    .orElse(true)) {
                errors.add(new FieldError(field, system.system() + " does not support reading " + entityName,
                        "OPERATION_NOT_SUPPORTED"));
            } else if (cron == null || !CronExpression.isValidExpression(cron)) {
                errors.add(new FieldError(field, "'" + cron + "' is not a Quartz cron expression"
                        + " (e.g. \"0 0/15 * * * ?\")"));
            } else {
                crons.put(entity.entityName(), cron);
            }
        });
        return crons;
    }

    private static Map<String, Map<String, String>> validCustomFields(Map<String, Map<String, String>> requested,
            List<FieldError> errors) {
        Map<String, Map<String, String>> valid = new LinkedHashMap<>();
        requested.forEach((entityName, fields) -> {
            try {
                Entity.fromEntityName(entityName);
                new MappingContext("validation", fields, false);
                valid.put(entityName, Map.copyOf(fields));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("custom_fields." + entityName, e.getMessage()));
            }
        });
        return valid;
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
