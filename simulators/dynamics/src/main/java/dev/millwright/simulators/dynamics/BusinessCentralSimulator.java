package dev.millwright.simulators.dynamics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * An in-process simulator of Microsoft Dynamics 365 Business Central's API v2.0 and of the Microsoft Entra ID
 * token endpoint it is used with, faithful to the wire:
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token}: the client credentials grant for the registered apps, Entra's
 *       error bodies ({@code invalid_client}, AADSTS codes), tokens that expire by the simulator's clock;</li>
 *   <li>{@code /v2.0/{tenant}/{environment}/api/v2.0/companies}, {@code companies({id})/companyInformation},
 *       {@code vendors}, {@code items}, {@code fixedAssets}, {@code purchaseOrders} (with
 *       {@code $expand=purchaseOrderLines} and deep insert of lines), {@code purchaseOrderLines}: OData v4 JSON,
 *       {@code $filter}, {@code $orderby}, {@code $select}, {@code $top}, {@code $skip}, {@code $count}, server-driven
 *       paging with {@code Prefer: odata.maxpagesize} and absolute {@code @odata.nextLink}s carrying a
 *       {@code $skiptoken}, weak ETags, {@code If-Match} on PATCH (required) and DELETE (checked when given),
 *       BC's error codes, and its request limit answered 429 with Retry-After.</li>
 * </ul>
 * Data is generated from a seed; faults can be injected with {@link #faults()}.
 *
 * <pre>{@code
 * try (BusinessCentralSimulator bc = BusinessCentralSimulator.builder().client("app-id", "app-secret")
 *         .vendors(200).build().start()) {
 *     // POST bc.tokenUrl() with grant_type=client_credentials&client_id=app-id&client_secret=app-secret
 *     //      &scope=https://api.businesscentral.dynamics.com/.default
 *     // GET  bc.companyUrl() + "/vendors" with "Authorization: Bearer <access_token>"
 * }
 * }</pre>
 *
 * <p>Sized for large data sets: records keep numbers and dates as primitive longs and share the strings of codes,
 * so 200,000 vendors hold about 160 MB of heap once generated ({@code BusinessCentralScaleTest} runs them within
 * -Xmx512m and logs its timings); an incremental read ordered by lastModifiedDateTime walks an index from where the
 * skip token left it, so every next link costs what the first page costs.
 */
public final class BusinessCentralSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BusinessCentralSimulator.class);

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK add about 40 ms to every response. The JDK reads this once.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final CompanyData company;
    private final Map<UUID, CompanyData> companies = new LinkedHashMap<>();
    private final ODataJsonWriter writer;
    private final TokenService tokens;
    private final RequestRateLimit rateLimit;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();

    private HttpServer server;
    private ExecutorService executor;
    private volatile int boundPort;

    private BusinessCentralSimulator(Builder settings) {
        this.settings = settings;
        DataGenerator generator = new DataGenerator(settings.seed, settings.clock.millis(), settings.historyDays);
        this.company = new CompanyData(generator.guid(), settings.companyName, settings.clock,
                1_000_000_000_000_000_000L);
        companies.put(company.id(), company);
        for (String extra : settings.extraCompanies) {
            CompanyData empty = new CompanyData(generator.guid(), extra, settings.clock, 2_000_000_000_000_000_000L);
            companies.put(empty.id(), empty);
        }
        long started = System.nanoTime();
        generator.populate(company, new DataGenerator.Counts(settings.vendors, settings.items, settings.fixedAssets,
                settings.purchaseOrders));
        LOG.info("Business Central simulator generated its data in {} ms", (System.nanoTime() - started) / 1_000_000);
        this.writer = new ODataJsonWriter(mapper.getFactory());
        this.tokens = new TokenService(mapper, settings.tenantId, settings.clients, settings.clock,
                settings.tokenLifetime);
        this.rateLimit = new RequestRateLimit(settings.requestLimit, settings.requestWindow);
        this.faults = new SimulatorFaults(settings.seed);
        this.requestLog = new RequestLog(settings.requestLogSize);
        this.boundPort = settings.port;
    }

    /**
     * A builder with small defaults: 50 records of each entity set, seed 42, 90 days of history, tenant
     * {@value Builder#DEFAULT_TENANT}, environment {@code production}, company {@code CRONUS USA, Inc.}, no app
     * registered (the API then needs no token), tokens valid 3599 s, 6,000 requests per 5 minutes.
     */
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
    public synchronized BusinessCentralSimulator start() {
        if (server != null) {
            throw new IllegalStateException("The Business Central simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Business Central simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        boundPort = server.getAddress().getPort();
        BusinessCentralHandler.Settings handlerSettings = new BusinessCentralHandler.Settings(settings.tenantId,
                settings.environment, Collections.unmodifiableMap(companies), settings.maxPageSize,
                settings.staleEtagStatus);
        server.createContext("/", new BusinessCentralHandler(handlerSettings, mapper, writer, tokens, rateLimit,
                faults, requestLog, pageListeners, this::authority));
        server.createContext(SimulatorControlHandler.CONTEXT,
                new SimulatorControlHandler(handlerSettings, faults, tokens, requestLog, mapper));
        executor = Executors.newFixedThreadPool(settings.threads, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("Business Central simulator listening on {}", baseUrl());
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

    /**
     * What stands for {@code https://api.businesscentral.dynamics.com} (and for the Entra ID host): e.g.
     * {@code http://127.0.0.1:41234}, without a trailing slash.
     */
    public String baseUrl() {
        return "http://" + authority();
    }

    /** The token endpoint of the tenant: {@code <baseUrl>/<tenant>/oauth2/v2.0/token}. */
    public String tokenUrl() {
        return baseUrl() + "/" + settings.tenantId + "/oauth2/v2.0/token";
    }

    /** The API root: {@code <baseUrl>/v2.0/<tenant>/<environment>/api/v2.0}. */
    public String apiUrl() {
        return baseUrl() + "/v2.0/" + settings.tenantId + "/" + settings.environment + "/api/v2.0";
    }

    /** The URL of the company with the data: {@code <apiUrl>/companies(<id>)}. */
    public String companyUrl() {
        return apiUrl() + "/companies(" + company.id() + ")";
    }

    /** The port served on: the bound port once started (also when 0 asked for a random one). */
    public int port() {
        return boundPort;
    }

    public String tenantId() {
        return settings.tenantId;
    }

    public String environment() {
        return settings.environment;
    }

    /** The id of the company holding the generated data. */
    public String companyId() {
        return company.id().toString();
    }

    public String companyName() {
        return company.name();
    }

    private String authority() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return host + ":" + boundPort;
    }

    // ---- data access for tests ----

    /** The entity sets served with data: vendors, items, fixedAssets, purchaseOrders. */
    public Set<String> entitySets() {
        Set<String> names = new LinkedHashSet<>();
        Schemas.ALL.forEach(schema -> names.add(schema.entitySet()));
        return names;
    }

    /**
     * Copies of all records of an entity set in primary-key order, as a GET of each returns them
     * ({@code @odata.etag} first; purchase orders with their {@code purchaseOrderLines}). Meant for small data sets.
     *
     * @throws IllegalArgumentException for an unknown entity set
     */
    public List<ObjectNode> records(String entitySet) {
        EntitySchema schema = schema(entitySet);
        List<ObjectNode> copies = new ArrayList<>();
        for (BcRecord record : company.all(schema)) {
            copies.add(toNode(record));
        }
        return copies;
    }

    /** A copy of one record, or null when there is none with that id. */
    public ObjectNode record(String entitySet, String id) {
        BcRecord record = company.get(schema(entitySet), UUID.fromString(id));
        return record == null ? null : toNode(record);
    }

    public int count(String entitySet) {
        return company.count(schema(entitySet));
    }

    /**
     * Changes a record as a user of the BC client would (no API rule applies: status, fullyReceived and
     * lastModifiedDateTime may be set too): values as String, Number, Boolean, UUID, and for dates and times ISO-8601
     * text, LocalDate, Instant, OffsetDateTime, ZonedDateTime or LocalDateTime (UTC); for purchase orders a
     * {@code purchaseOrderLines} List of Maps replaces the lines. lastModifiedDateTime becomes the clock's now
     * unless the changes give it; the ETag changes.
     *
     * @return a copy of the changed record
     * @throws IllegalArgumentException for an unknown entity set or property, or a value of the wrong type
     * @throws IllegalStateException    wrapping BC's error when a related record (vendor, item) does not exist
     */
    public ObjectNode modify(String entitySet, String id, Map<String, ?> changes) {
        return toNode(business(() -> company.modify(schema(entitySet), UUID.fromString(id), changes)));
    }

    /**
     * Applies {@link #modify} to every record the filter accepts (it sees the same copies as {@link #records}).
     *
     * @return how many records were changed
     */
    public int modifyAll(String entitySet, Predicate<ObjectNode> filter, Map<String, ?> changes) {
        EntitySchema schema = schema(entitySet);
        int changed = 0;
        for (BcRecord record : company.all(schema)) {
            if (filter.test(toNode(record))) {
                business(() -> company.modify(schema, record.id, changes));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Creates a record as a BC user would (see {@link #modify}): numbers come from the number series when not
     * given, purchase orders take their vendor's name, address and currency, lines their item's defaults.
     *
     * @return a copy of the created record
     */
    public ObjectNode insert(String entitySet, Map<String, ?> fields) {
        return toNode(business(() -> company.insert(schema(entitySet), fields)));
    }

    /** Deletes a record (no reference check); answers false when there was none with that id. */
    public boolean delete(String entitySet, String id) {
        return company.remove(schema(entitySet), UUID.fromString(id));
    }

    /**
     * From now on serves {@code text} as the value of {@code property} of one record (or purchase order line,
     * with entity set {@code purchaseOrderLines}), bypassing every check: how a customization or a bad data
     * load looks to a client (a malformed date, text in a number).
     */
    public void garble(String entitySet, String id, String property, String text) {
        EntitySchema schema = entitySet.equals(Schemas.PURCHASE_ORDER_LINES) ? Schemas.PURCHASE_ORDER_LINE
                : schema(entitySet);
        if (!schema.has(property)) {
            throw new IllegalArgumentException("'" + property + "' is not a property of " + entitySet);
        }
        writer.garble(schema.entitySet(), UUID.fromString(id), property, text);
    }

    /** Serves the record's stored values again. */
    public void ungarble(String entitySet, String id) {
        writer.ungarble(entitySet, UUID.fromString(id));
    }

    // ---- auth, faults, observation ----

    /** Makes a client secret invalid at the token endpoint until restored; tokens already issued stay valid. */
    public void revokeClientSecret(String secret) {
        tokens.revokeSecret(Objects.requireNonNull(secret));
    }

    public void restoreClientSecret(String secret) {
        tokens.restoreSecret(Objects.requireNonNull(secret));
    }

    /** The API refuses every token issued so far (401), as after the app's access was removed in BC. */
    public void revokeIssuedTokens() {
        tokens.revokeIssuedTokens();
    }

    /** How many tokens the token endpoint issued since the start. */
    public long tokensIssued() {
        return tokens.issuedCount();
    }

    /** The live fault settings; changes apply to the next request (API and token endpoint, never /_sim). */
    public SimulatorFaults faults() {
        return faults;
    }

    /** The last requests received (API and token endpoint, not /_sim), oldest first. */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    /** Empties the request log; the request count goes on. */
    public void clearRequestLog() {
        requestLog.clear();
    }

    /** How many requests were received since the start, faulted and refused ones included. */
    public long requestCount() {
        return requestLog.count();
    }

    /**
     * Adds a listener told of every collection page after it is rendered and before it is sent; it receives the
     * entity set name (e.g. {@code purchaseOrders}) and the page number (1 for the first page).
     */
    public void onPageServed(PageListener listener) {
        pageListeners.add(Objects.requireNonNull(listener));
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    private ObjectNode toNode(BcRecord record) {
        try {
            return (ObjectNode) mapper.readTree(writer.record(record, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EntitySchema schema(String entitySet) {
        EntitySchema schema = Schemas.find(entitySet);
        if (schema == null) {
            throw new IllegalArgumentException("Unknown entity set '" + entitySet + "'; the simulator serves "
                    + Schemas.ALL);
        }
        return schema;
    }

    private static BcRecord business(Supplier<BcRecord> write) {
        try {
            return write.get();
        } catch (BcException e) {
            throw new IllegalStateException(e.code() + ": " + e.getMessage(), e);
        }
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "business-central-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link BusinessCentralSimulator}; {@link #build()} generates the data. */
    public static final class Builder {
        /** The tenant id used unless {@link #tenantId(String)} sets another. */
        public static final String DEFAULT_TENANT = "4c1e7a3b-9d2f-4e58-b6a1-0f3c8d5e2a71";

        private int port;
        private String host = "127.0.0.1";
        private String tenantId = DEFAULT_TENANT;
        private String environment = "production";
        private String companyName = "CRONUS USA, Inc.";
        private final List<String> extraCompanies = new ArrayList<>();
        private final Map<String, Set<String>> clients = new LinkedHashMap<>();
        private long seed = 42;
        private int vendors = 50;
        private int items = 50;
        private int fixedAssets = 50;
        private int purchaseOrders = 50;
        private int historyDays = 90;
        private Clock clock = Clock.systemUTC();
        private Duration tokenLifetime = Duration.ofSeconds(3599);
        private int requestLimit = 6000;
        private Duration requestWindow = Duration.ofMinutes(5);
        private int maxPageSize = 20_000;
        private int staleEtagStatus = 409;
        private int threads = 16;
        private int requestLogSize = 1000;

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one, see {@link BusinessCentralSimulator#port()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0 and 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on, {@code 127.0.0.1} by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** The Entra tenant id (a GUID) in the API and token URLs. */
        public Builder tenantId(String tenantId) {
            this.tenantId = UUID.fromString(tenantId).toString();
            return this;
        }

        /** The environment name in API URLs ({@code production}). */
        public Builder environment(String environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** The name of the company holding the generated data ({@code CRONUS USA, Inc.}). */
        public Builder companyName(String name) {
            this.companyName = Objects.requireNonNull(name);
            return this;
        }

        /** Adds a further, empty company (as BC's "My Company"). */
        public Builder extraCompany(String name) {
            extraCompanies.add(Objects.requireNonNull(name));
            return this;
        }

        /**
         * Registers an app (client id) with a client secret; call again with the same id to give it more secrets.
         * With no app registered, the API accepts requests without a token.
         */
        public Builder client(String clientId, String clientSecret) {
            clients.computeIfAbsent(Objects.requireNonNull(clientId), id -> new LinkedHashSet<>())
                    .add(Objects.requireNonNull(clientSecret));
            return this;
        }

        /** The seed of the generated data and of random faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder vendors(int count) {
            this.vendors = count(count);
            return this;
        }

        public Builder items(int count) {
            this.items = count(count);
            return this;
        }

        public Builder fixedAssets(int count) {
            this.fixedAssets = count(count);
            return this;
        }

        /** Purchase orders, with one to five lines each; they need at least one vendor and one item. */
        public Builder purchaseOrders(int count) {
            this.purchaseOrders = count(count);
            return this;
        }

        /** Generated modification times spread over this many days before the clock's now (90). */
        public Builder historyDays(int days) {
            this.historyDays = count(days);
            return this;
        }

        /** The clock for "now": the generated history ends there, writes stamp it, tokens expire by it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** How long issued tokens are valid ({@code expires_in}; 3599 s). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** At most {@code requests} API requests per {@code window} (6,000 per 5 minutes); more get 429. */
        public Builder requestLimit(int requests, Duration window) {
            if (requests < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("requestLimit needs a positive count and window");
            }
            this.requestLimit = requests;
            this.requestWindow = window;
            return this;
        }

        /** The largest page served (20,000, BC online's limit), also the page size without a Prefer header. */
        public Builder maxPageSize(int maxPageSize) {
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("maxPageSize must be positive: " + maxPageSize);
            }
            this.maxPageSize = maxPageSize;
            return this;
        }

        /**
         * The status of a write with a stale ETag: 409 (the default, as current BC answers
         * {@code Request_EntityChanged}) or 412 (as some versions and proxies answer).
         */
        public Builder staleEtagStatus(int status) {
            if (status != 409 && status != 412) {
                throw new IllegalArgumentException("staleEtagStatus is 409 or 412: " + status);
            }
            this.staleEtagStatus = status;
            return this;
        }

        /** Threads serving requests (16); requests delayed by latency faults hold one each. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive: " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** How many requests {@link BusinessCentralSimulator#requestLog()} keeps (1000). */
        public Builder requestLogSize(int size) {
            this.requestLogSize = count(size);
            return this;
        }

        /** Generates the data; call {@link BusinessCentralSimulator#start()} to serve it. */
        public BusinessCentralSimulator build() {
            return new BusinessCentralSimulator(this);
        }

        private static int count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + value);
            }
            return value;
        }
    }
}
