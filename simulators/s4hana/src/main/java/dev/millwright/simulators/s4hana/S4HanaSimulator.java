package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process simulator of SAP S/4HANA's OData V2 APIs, faithful to the wire: under
 * {@code /sap/opu/odata/sap/} the services API_PURCHASEORDER_PROCESS_SRV (A_PurchaseOrder with items and schedule
 * lines), API_MAINTENANCEORDER (MaintenanceOrder), API_MATERIAL_STOCK_SRV (A_MatlStkInAcctMod),
 * API_BUSINESS_PARTNER (A_Supplier with purchasing organizations) and API_EQUIPMENT (Equipment); query options,
 * server-driven paging, {@code /Date(...)/} dates, ETags with If-Match (428 without, 412 when stale), CSRF tokens
 * bound to session cookies, Basic users and OAuth 2.0 client credentials at {@code /sap/bc/sec/oauth2/token}, and
 * SAP's error bodies. Data is generated from a seed; faults can be injected with {@link #faults()}.
 *
 * <pre>{@code
 * try (S4HanaSimulator s4 = S4HanaSimulator.builder().basicUser("MILLWRIGHT", "secret").build().start()) {
 *     String url = s4.baseUrl() + "/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV/A_PurchaseOrder?$format=json";
 * }
 * }</pre>
 *
 * <p>Entity sets are named as in SAP ({@code A_PurchaseOrder}, {@code MaintenanceOrder}, {@code A_MatlStkInAcctMod},
 * {@code A_Supplier}, {@code Equipment}); a record is named by its remote id as the s4hana component uses it: the
 * key value for single keys ({@code 4500000001}), the last segment of {@code __metadata.uri} for composite keys
 * ({@code Equipment(Equipment='10000001',ValidityEndDate=datetime'9999-12-31T00%3A00%3A00')}).
 */
public final class S4HanaSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S4HanaSimulator.class);

    static {
        // Without TCP_NODELAY the JDK server's separate header and body packets cost about 40 ms per response
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SapService service;
    private final ODataJson writer;
    private final SapAuthenticator authenticator;
    private final CsrfSessions csrf = new CsrfSessions();
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ExecutorService executor;
    private volatile int boundPort;

    private S4HanaSimulator(Builder settings) {
        this.settings = settings;
        this.service = new SapService(settings.clock);
        long started = System.nanoTime();
        new DataGenerator(settings.seed, settings.clock.millis(), settings.historyDays, service).populate(
                new DataGenerator.Counts(settings.purchaseOrders, settings.maintenanceOrders, settings.stockRecords,
                        settings.suppliers, settings.equipment));
        LOG.info("S/4HANA simulator generated its data in {} ms", (System.nanoTime() - started) / 1_000_000);
        this.writer = new ODataJson(mapper.getFactory());
        this.authenticator = new SapAuthenticator(settings.users, settings.clients, settings.tokenLifetime,
                settings.clock);
        this.faults = new SimulatorFaults(settings.seed);
        this.requestLog = new RequestLog(settings.requestLogSize);
        this.boundPort = settings.port;
    }

    /** A builder with small defaults: 50 records of each set, seed 42, 90 days of history, server pages of 1000. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- lifecycle ----

    /**
     * Starts serving HTTP.
     *
     * @return this, for {@code builder()...build().start()}
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized S4HanaSimulator start() {
        if (server != null) {
            throw new IllegalStateException("The S/4HANA simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the S/4HANA simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        boundPort = server.getAddress().getPort();
        server.createContext(SapApiHandler.CONTEXT, new SapApiHandler(service, writer, mapper, authenticator, csrf,
                faults, requestLog, pageListeners, settings.serverPageSize, this::authority));
        server.createContext(TokenEndpointHandler.PATH, new TokenEndpointHandler(authenticator, mapper, requestLog));
        server.createContext(SimulatorControlHandler.CONTEXT,
                new SimulatorControlHandler(service, faults, authenticator, csrf, requestLog, mapper));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                SapApiHandler.sendError(exchange, mapper, SapErrors.notFound(exchange.getRequestURI().getPath()));
            }
        });
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(settings.threads, runnable -> {
            Thread thread = new Thread(runnable, "s4hana-simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        LOG.info("S/4HANA simulator listening on {}", baseUrl());
        return this;
    }

    /** Stops the server at once; the data stays readable through the data access methods. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** The host root, e.g. {@code http://127.0.0.1:41234}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + authority();
    }

    /** The OAuth 2.0 token endpoint, {@code <baseUrl>/sap/bc/sec/oauth2/token}. */
    public String tokenUrl() {
        return baseUrl() + TokenEndpointHandler.PATH;
    }

    /** The root of a service, e.g. {@code <baseUrl>/sap/opu/odata/sap/API_EQUIPMENT}. */
    public String serviceUrl(String service) {
        return baseUrl() + SapApiHandler.CONTEXT + service;
    }

    public int port() {
        return boundPort;
    }

    private String authority() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return host + ":" + boundPort;
    }

    // ---- data access for tests ----

    /** The entity sets served, e.g. A_PurchaseOrder. */
    public List<String> entitySets() {
        return SapCatalog.TOP_LEVEL.stream().map(set -> set.name).toList();
    }

    /**
     * Copies of every entity of a set in key order, as a GET with every navigation expanded answers them (the
     * object inside {@code d}). Meant for small data sets.
     *
     * @throws IllegalArgumentException for an unknown entity set
     */
    public List<ObjectNode> records(String entitySet) {
        EntitySetDef set = set(entitySet);
        List<ObjectNode> copies = new ArrayList<>();
        for (Entity entity : service.store(set).all()) {
            copies.add(toNode(entity));
        }
        return copies;
    }

    /** A copy of one entity, or null when there is none with that remote id. */
    public ObjectNode record(String entitySet, String remoteId) {
        EntitySetDef set = set(entitySet);
        Entity entity = service.store(set).get(key(set, remoteId));
        return entity == null ? null : toNode(entity);
    }

    public int count(String entitySet) {
        return service.store(set(entitySet)).size();
    }

    /**
     * Changes an entity as another SAP user would, bypassing every check: sets the properties (values as String,
     * Number, Boolean; dates as epoch milliseconds, Instant, LocalDate or text), bumps the ETag and sets
     * LastChangeDateTime to the clock's now unless the changes give it.
     *
     * @return a copy of the changed entity
     */
    public ObjectNode modify(String entitySet, String remoteId, Map<String, ?> changes) {
        EntitySetDef set = set(entitySet);
        return toNode(service.modify(set, key(set, remoteId), changes));
    }

    /**
     * Adds an entity without the API's checks (numbered when the key is not given; equipment valid to 9999-12-31).
     *
     * @return a copy of the new entity
     */
    public ObjectNode insert(String entitySet, Map<String, ?> fields) {
        return toNode(service.insert(set(entitySet), fields));
    }

    /** Removes an entity outright (as archiving does); false when there was none. */
    public boolean delete(String entitySet, String remoteId) {
        EntitySetDef set = set(entitySet);
        return service.store(set).remove(key(set, remoteId)) != null;
    }

    /**
     * From now on serves {@code text} as the value of {@code property} of one entity, bypassing every check: how a
     * bad data load looks to a client (an unparseable date, text in a decimal).
     */
    public void garble(String entitySet, String remoteId, String property, String text) {
        EntitySetDef set = set(entitySet);
        writer.garble(set, key(set, remoteId), property, text);
    }

    public void ungarble(String entitySet, String remoteId) {
        EntitySetDef set = set(entitySet);
        writer.ungarble(set, key(set, remoteId));
    }

    /**
     * The remote id of a record copy as the s4hana component names it: the key value for single keys, the last
     * segment of {@code __metadata.uri} for composite keys.
     */
    public String remoteIdOf(ObjectNode record) {
        String uri = record.path("__metadata").path("uri").asText();
        String segment = uri.substring(uri.lastIndexOf('/') + 1);
        EntitySetDef set = SapCatalog.find(segment.substring(0, segment.indexOf('(')));
        if (set != null && set.keys.size() == 1) {
            return record.path(set.keys.get(0)).asText();
        }
        return segment;
    }

    /** The ETag of a record copy ({@code __metadata.etag}). */
    public static String etagOf(ObjectNode record) {
        return record.path("__metadata").path("etag").asText(null);
    }

    // ---- auth, faults, observation ----

    /** Rejects a Basic user or an OAuth client (and the tokens it holds) until restored. */
    public void revokeCredentials(String userOrClientId) {
        authenticator.revoke(Objects.requireNonNull(userOrClientId));
    }

    public void restoreCredentials(String userOrClientId) {
        authenticator.restore(Objects.requireNonNull(userOrClientId));
    }

    /** Makes every issued OAuth token expired, as if its lifetime had passed. */
    public void expireTokens() {
        authenticator.expireTokens();
    }

    /** How many OAuth tokens the token endpoint issued. */
    public long tokensIssued() {
        return authenticator.tokensIssued();
    }

    /** Forgets every session's CSRF token: the next write with an old token gets 403 X-CSRF-Token: Required. */
    public void invalidateCsrfTokens() {
        csrf.invalidate();
    }

    /** How many CSRF token fetches were answered. */
    public long csrfFetches() {
        return csrf.fetches();
    }

    public SimulatorFaults faults() {
        return faults;
    }

    /** The last requests received on the API and token paths (not /_sim), oldest first. */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    public long requestCount() {
        return requestLog.count();
    }

    /**
     * Adds a listener told of every collection page after it is rendered and before it is sent, with the entity
     * set name and the page's number within its query (1, then 2 for the page reached by the first __next, ...).
     */
    public void onPageServed(PageListener listener) {
        pageListeners.add(Objects.requireNonNull(listener));
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    private static EntitySetDef set(String entitySet) {
        EntitySetDef set = SapCatalog.find(entitySet);
        if (set == null) {
            throw new IllegalArgumentException("Unknown entity set " + entitySet + "; the simulator serves "
                    + SapCatalog.TOP_LEVEL.stream().map(s -> s.name).toList());
        }
        return set;
    }

    /** The store key of a remote id: a key value, a key predicate, or {@code Set(predicate)}, encoded or not. */
    private static String key(EntitySetDef set, String remoteId) {
        String text = URLDecoder.decode(remoteId.replace("+", "%2B"), StandardCharsets.UTF_8);
        int open = text.indexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            text = text.substring(open + 1, text.length() - 1);
        }
        if (set.keys.size() == 1 && !text.startsWith("'") && !text.contains("=")) {
            return KeyPredicate.literal(set.property(set.keys.get(0)), text);
        }
        return KeyPredicate.canonical(set, KeyPredicate.parse(set, text));
    }

    private ObjectNode toNode(Entity entity) {
        Map<String, ODataJson.Shape> expand = new LinkedHashMap<>();
        for (EntitySetDef.Navigation navigation : entity.set.navigations()) {
            Map<String, ODataJson.Shape> inner = new LinkedHashMap<>();
            for (EntitySetDef.Navigation child : navigation.target().navigations()) {
                inner.put(child.name(), ODataJson.Shape.ALL);
            }
            expand.put(navigation.name(), new ODataJson.Shape(null, inner));
        }
        byte[] json = writer.single(serviceUrl(entity.set.service), entity, new ODataJson.Shape(null, expand));
        try {
            JsonNode root = mapper.readTree(json);
            return (ObjectNode) root.get("d");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of an {@link S4HanaSimulator}; {@link #build()} generates the data. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, String> clients = new LinkedHashMap<>();
        private Duration tokenLifetime = Duration.ofHours(12);
        private long seed = 42;
        private int purchaseOrders = 50;
        private int maintenanceOrders = 50;
        private int stockRecords = 50;
        private int suppliers = 50;
        private int equipment = 50;
        private int historyDays = 90;
        private Clock clock = Clock.systemUTC();
        private int serverPageSize = 1000;
        private int threads = 16;
        private int requestLogSize = 1000;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one, see {@link S4HanaSimulator#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Adds a Basic user. Without any user or client, every request is accepted. */
        public Builder basicUser(String user, String password) {
            users.put(Objects.requireNonNull(user), Objects.requireNonNull(password));
            return this;
        }

        /** Adds an OAuth 2.0 client that may obtain tokens with the client credentials grant. */
        public Builder oauthClient(String clientId, String clientSecret) {
            clients.put(Objects.requireNonNull(clientId), Objects.requireNonNull(clientSecret));
            return this;
        }

        /** How long issued tokens are valid (12 hours); short values let tests see tokens expire. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative()) {
                throw new IllegalArgumentException("tokenLifetime must not be negative: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder purchaseOrders(int count) {
            this.purchaseOrders = count(count);
            return this;
        }

        public Builder maintenanceOrders(int count) {
            this.maintenanceOrders = count(count);
            return this;
        }

        /** Records of A_MatlStkInAcctMod (one per material, storage location and stock type). */
        public Builder stockRecords(int count) {
            this.stockRecords = count(count);
            return this;
        }

        public Builder suppliers(int count) {
            this.suppliers = count(count);
            return this;
        }

        public Builder equipment(int count) {
            this.equipment = count(count);
            return this;
        }

        /** Generated change times spread uniformly over this many days before the clock's now (90). */
        public Builder historyDays(int days) {
            this.historyDays = count(days);
            return this;
        }

        /** The clock for "now": the generated history ends there, writes stamp LastChangeDateTime, tokens expire. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The most entities one response holds before the server pages with __next (1000, as SAP's default). */
        public Builder serverPageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("serverPageSize must be positive: " + size);
            }
            this.serverPageSize = size;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            this.threads = threads;
            return this;
        }

        public Builder requestLogSize(int size) {
            this.requestLogSize = count(size);
            return this;
        }

        public S4HanaSimulator build() {
            return new S4HanaSimulator(this);
        }

        private static int count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + value);
            }
            return value;
        }
    }
}
