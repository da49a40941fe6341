package dev.millwright.simulators.prometheusgroup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * An in-process simulator of the Prometheus Group planning API as Millwright's default profile assumes it
 * (Prometheus Group publishes no API documentation): {@code /api/v1/workorders} with the scheduling fields (planned
 * start and finish, schedule week, crew, planner), {@code /api/v1/assets}, a change filter {@code modifiedSince},
 * {@code sort=lastModified}, the three paging styles (next link, offset, continuation token, chosen per resource),
 * API key, Basic and OAuth2 client-credentials authentication with a token endpoint, writes with {@code If-Match},
 * and JSON error bodies. It also serves a second, tiny API of another shape ({@code /minicmms/v2/accounts/{account}/jobs})
 * to show that a REST profile describes a new system without code. Data is generated from a seed; faults can be
 * injected with {@link #faults()}.
 *
 * <pre>{@code
 * try (PrometheusGroupSimulator pg = PrometheusGroupSimulator.builder().apiKey("test-key").workOrders(200)
 *         .build().start()) {
 *     String url = pg.baseUrl() + "/api/v1/workorders?sort=lastModified&limit=50";
 *     // ... call it with the header "X-API-Key: test-key"
 * }
 * }</pre>
 */
public final class PrometheusGroupSimulator implements AutoCloseable {

    /** The work order resource ({@code /api/v1/workorders}). */
    public static final String WORK_ORDERS = "workorders";
    /** The asset resource ({@code /api/v1/assets}). */
    public static final String ASSETS = "assets";
    /** The jobs of the second API shape ({@code /minicmms/v2/accounts/{account}/jobs}). */
    public static final String JOBS = "jobs";

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusGroupSimulator.class);

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add about 40 ms to every answer. The JDK reads this once, at its first HttpServer.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final PlanningData data;
    private final RecordWriter writer = new RecordWriter();
    private final Authenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();
    private final Map<String, PagingStyle> paging;

    private HttpServer server;
    private ExecutorService executor;
    private volatile int boundPort;

    private PrometheusGroupSimulator(Builder settings) {
        this.settings = settings;
        long started = System.nanoTime();
        DataGenerator generator = new DataGenerator(settings.seed, settings.clock.millis(), settings.historyDays);
        RecordStore workOrders = new RecordStore(Schemas.WORK_ORDERS, 500_001);
        workOrders.load(generator.workOrders(settings.workOrders, 500_001, settings.firstWorkOrderNumber,
                settings.hostSystem, settings.assets));
        RecordStore assets = new RecordStore(Schemas.ASSETS, 300_001);
        assets.load(generator.assets(settings.assets, 300_001));
        RecordStore jobs = new RecordStore(Schemas.JOBS, 1);
        jobs.load(generator.jobs(settings.jobs, 1));
        LOG.info("Prometheus Group simulator generated its data in {} ms", (System.nanoTime() - started) / 1_000_000);
        this.data = new PlanningData(settings.clock, List.of(workOrders, assets, jobs));
        this.authenticator = new Authenticator(settings.apiKeys, settings.users, settings.clients, settings.clock,
                settings.tokenLifetime);
        this.faults = new SimulatorFaults(settings.seed);
        this.requestLog = new RequestLog(settings.requestLogSize);
        this.paging = new ConcurrentHashMap<>(settings.paging);
        this.boundPort = settings.port;
    }

    /** A builder with small defaults: 50 work orders, 50 assets, 40 jobs, seed 42, 90 days of history. */
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
    public synchronized PrometheusGroupSimulator start() {
        if (server != null) {
            throw new IllegalStateException("The Prometheus Group simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Prometheus Group simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        boundPort = server.getAddress().getPort();
        PlanningApiHandler planning = new PlanningApiHandler(data, writer, authenticator, faults, requestLog,
                pageListeners, paging, settings.maxPageSize, this::authority, mapper);
        server.createContext(PlanningApiHandler.API, planning);
        server.createContext(PlanningApiHandler.TOKEN, planning);
        server.createContext(JobsApiHandler.CONTEXT, new JobsApiHandler(data, writer, authenticator, faults,
                requestLog, pageListeners, settings.jobsAccount, mapper));
        server.createContext(ControlHandler.CONTEXT, new ControlHandler(data, faults, authenticator, requestLog,
                paging, mapper));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                Http.send(exchange, 404, mapper.writeValueAsBytes(mapper.createObjectNode().set("error",
                        mapper.createObjectNode().put("code", "NOT_FOUND")
                                .put("message", "no resource " + exchange.getRequestURI().getPath()))));
            }
        });
        executor = Executors.newFixedThreadPool(settings.threads, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("Prometheus Group simulator listening on {}", baseUrl());
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

    /** The server root, e.g. {@code http://127.0.0.1:41234}; the planning API is under {@code /api/v1}. */
    public String baseUrl() {
        return "http://" + authority();
    }

    /** The root of the second API shape, {@code <baseUrl>/minicmms}; its jobs are under {@code /v2/accounts/{account}/jobs}. */
    public String jobsBaseUrl() {
        return baseUrl() + "/minicmms";
    }

    /** The account the jobs API serves ({@code acme} unless the builder said otherwise). */
    public String jobsAccount() {
        return settings.jobsAccount;
    }

    /** The port served on: the bound port once started (also when 0 asked for a random one). */
    public int port() {
        return boundPort;
    }

    private String authority() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return host + ":" + boundPort;
    }

    // ---- data access for tests ----

    /** The paging style of a resource (the jobs API always pages by offset). */
    public PagingStyle paging(String resource) {
        store(resource);
        return resource.equals(JOBS) ? PagingStyle.OFFSET : paging.getOrDefault(resource, PagingStyle.NEXT_LINK);
    }

    /**
     * Copies of every record of a resource in id order, as a member GET shows them (without the {@code data}
     * envelope). Meant for small data sets.
     *
     * @param resource {@link #WORK_ORDERS}, {@link #ASSETS} or {@link #JOBS}
     */
    public List<ObjectNode> records(String resource) {
        RecordStore store = store(resource);
        List<ObjectNode> copies = new ArrayList<>();
        for (Row row : store.all()) {
            copies.add(toNode(store.schema, row));
        }
        return copies;
    }

    /** A copy of one record, or null when there is none with that id. */
    public ObjectNode record(String resource, String id) {
        RecordStore store = store(resource);
        try {
            Row row = store.get(Long.parseLong(id));
            return row == null ? null : toNode(store.schema, row);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A copy of the record with this business number (workOrderNumber, assetNumber, ref), or null. */
    public ObjectNode recordByNumber(String resource, String number) {
        RecordStore store = store(resource);
        Row row = store.byNumber(number);
        return row == null ? null : toNode(store.schema, row);
    }

    /** The number of records of a resource. */
    public int count(String resource) {
        return store(resource).size();
    }

    /**
     * Changes a record as a planner in Prometheus Group would: sets the fields (JSON names; values as String, Number,
     * Boolean, or for times an ISO-8601 String, Instant, OffsetDateTime or ZonedDateTime), bumps the version and
     * stamps the change time with the clock's now, unless {@code changes} names the change time
     * ({@code lastModified}, or {@code updated_at} in epoch milliseconds for jobs).
     *
     * @return a copy of the changed record
     * @throws IllegalArgumentException when there is no such record or a value is invalid
     */
    public ObjectNode modify(String resource, String id, Map<String, ?> changes) {
        RecordStore store = store(resource);
        return toNode(store.schema, call(() -> data.update(store, id, changes, null, false)));
    }

    /**
     * Applies {@link #modify} to every record the filter accepts (it sees the same copies as {@link #records}).
     *
     * @return how many records were changed
     */
    public int modifyAll(String resource, Predicate<ObjectNode> filter, Map<String, ?> changes) {
        RecordStore store = store(resource);
        int changed = 0;
        for (Row row : store.all()) {
            if (filter.test(toNode(store.schema, row))) {
                call(() -> data.update(store, Long.toString(row.id), changes, null, false));
                changed++;
            }
        }
        return changed;
    }

    /**
     * Creates a record as a create request would; the change time is the clock's now unless {@code fields} names it.
     *
     * @return a copy of the created record
     * @throws IllegalArgumentException for a missing or duplicate number or an invalid field
     */
    public ObjectNode insert(String resource, Map<String, ?> fields) {
        RecordStore store = store(resource);
        return toNode(store.schema, call(() -> data.create(store, fields, false)));
    }

    /** Deletes a record; answers false when there was none with that id. */
    public boolean delete(String resource, String id) {
        RecordStore store = store(resource);
        try {
            data.delete(store, id, null);
            return true;
        } catch (ApiError e) {
            if (e.status == 404) {
                return false;
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * From now on serves {@code text} as the value of {@code field} of one record, bypassing every check: how a
     * customisation or a bad data load looks to a client (an unparseable date, text in a number).
     */
    public void garble(String resource, String id, String field, String text) {
        writer.garble(store(resource).schema, Long.parseLong(id), field, text);
    }

    /** Serves the record's stored values again. */
    public void ungarble(String resource, String id) {
        writer.ungarble(store(resource).schema, Long.parseLong(id));
    }

    /** The id of a record copy, as text ({@code id} of the planning API, {@code job_id} of jobs). */
    public static String idOf(JsonNode record) {
        JsonNode id = record.has("id") ? record.get("id") : record.get("job_id");
        if (id == null || id.isNull()) {
            throw new IllegalArgumentException("the record has no id");
        }
        return id.asText();
    }

    // ---- auth, faults, observation ----

    /** Makes an API key invalid until restored: requests with it get 401. */
    public void revokeApiKey(String apiKey) {
        authenticator.revokeApiKey(Objects.requireNonNull(apiKey));
    }

    public void restoreApiKey(String apiKey) {
        authenticator.restoreApiKey(Objects.requireNonNull(apiKey));
    }

    /** The token endpoint refuses this OAuth2 client, and the tokens issued to it stop working. */
    public void revokeClient(String clientId) {
        authenticator.revokeClient(Objects.requireNonNull(clientId));
    }

    public void restoreClient(String clientId) {
        authenticator.restoreClient(Objects.requireNonNull(clientId));
    }

    /** Every access token issued so far stops working (401 with {@code error="invalid_token"}). */
    public void expireTokens() {
        authenticator.expireTokens();
    }

    /** How many access tokens the token endpoint issued. */
    public long tokensIssued() {
        return authenticator.tokensIssued();
    }

    /** The live fault settings; changes apply to the next request. */
    public SimulatorFaults faults() {
        return faults;
    }

    /** The last requests received on the API paths (not /_sim), oldest first. */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    /** Empties the request log; the request count goes on. */
    public void clearRequestLog() {
        requestLog.clear();
    }

    /** How many requests the API paths received since the start, faulted and refused ones included. */
    public long requestCount() {
        return requestLog.count();
    }

    /**
     * Adds a listener told of every collection page after it is rendered and before it is sent, with the resource
     * name ({@link #WORK_ORDERS}, ...) and the page number (1 for the first).
     */
    public void onPageServed(PageListener listener) {
        pageListeners.add(Objects.requireNonNull(listener));
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    private RecordStore store(String resource) {
        try {
            return data.store(resource);
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Row call(java.util.function.Supplier<Row> write) {
        try {
            return write.get();
        } catch (ApiError e) {
            String detail = e.problems.isEmpty() ? e.getMessage() : e.problems.toString();
            throw new IllegalArgumentException(e.code + ": " + detail, e);
        }
    }

    private ObjectNode toNode(Schema schema, Row row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            writer.write(generator, schema, row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (ObjectNode) mapper.readTree(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "prometheusgroup-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link PrometheusGroupSimulator}; {@link #build()} generates the data. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private final Map<String, String> clients = new LinkedHashMap<>();
        private Duration tokenLifetime = Duration.ofHours(1);
        private long seed = 42;
        private int workOrders = 50;
        private int assets = 50;
        private int jobs = 40;
        private long firstWorkOrderNumber = 1000;
        private String hostSystem = "MAXIMO";
        private String jobsAccount = "acme";
        private int historyDays = 90;
        private Clock clock = Clock.systemUTC();
        private int maxPageSize = 1000;
        private int threads = 16;
        private int requestLogSize = 1000;
        private final Map<String, PagingStyle> paging = new LinkedHashMap<>();

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one, see {@link PrometheusGroupSimulator#port()}. */
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

        /**
         * Adds a valid API key ({@code X-API-Key} on the planning API, {@code Authorization: Token} on the jobs API).
         * Without any key, user or client, every request is accepted.
         */
        public Builder apiKey(String apiKey) {
            apiKeys.add(Objects.requireNonNull(apiKey));
            return this;
        }

        /** Adds a user for {@code Authorization: Basic}. */
        public Builder basicUser(String user, String password) {
            users.put(Objects.requireNonNull(user), Objects.requireNonNull(password));
            return this;
        }

        /** Adds an OAuth2 client that {@code POST /oauth/token} (client credentials grant) issues tokens to. */
        public Builder oauthClient(String clientId, String clientSecret) {
            clients.put(Objects.requireNonNull(clientId), Objects.requireNonNull(clientSecret));
            return this;
        }

        /** How long an issued access token is valid (1 hour), as {@code expires_in} says. */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("tokenLifetime must be a second or more: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The seed of the generated data and of random faults. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder workOrders(int count) {
            this.workOrders = count(count);
            return this;
        }

        public Builder assets(int count) {
            this.assets = count(count);
            return this;
        }

        /** Jobs of the second API shape (40). */
        public Builder jobs(int count) {
            this.jobs = count(count);
            return this;
        }

        /** The number of the first work order (1000, as in the Maximo simulator); the others follow. */
        public Builder firstWorkOrderNumber(long number) {
            this.firstWorkOrderNumber = number;
            return this;
        }

        /** The host EAM the work orders come from, {@code MAXIMO} (default) or {@code SAP}. */
        public Builder hostSystem(String hostSystem) {
            if (!hostSystem.equals("MAXIMO") && !hostSystem.equals("SAP")) {
                throw new IllegalArgumentException("hostSystem must be MAXIMO or SAP: " + hostSystem);
            }
            this.hostSystem = hostSystem;
            return this;
        }

        /** The account of the jobs API ({@code acme}). */
        public Builder jobsAccount(String account) {
            this.jobsAccount = Objects.requireNonNull(account);
            return this;
        }

        /** Generated change times spread uniformly over this many days before the clock's now (90). */
        public Builder historyDays(int days) {
            this.historyDays = count(days);
            return this;
        }

        /** The clock for "now": the generated history ends there, every write and token expiry uses it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The largest {@code limit} accepted (1000). */
        public Builder maxPageSize(int maxPageSize) {
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("maxPageSize must be positive: " + maxPageSize);
            }
            this.maxPageSize = maxPageSize;
            return this;
        }

        /** How a resource ({@link #WORK_ORDERS} or {@link #ASSETS}) pages; {@link PagingStyle#NEXT_LINK} by default. */
        public Builder paging(String resource, PagingStyle style) {
            if (!resource.equals(WORK_ORDERS) && !resource.equals(ASSETS)) {
                throw new IllegalArgumentException("paging is chosen for " + WORK_ORDERS + " or " + ASSETS
                        + ", not " + resource);
            }
            paging.put(resource.toLowerCase(Locale.ROOT), Objects.requireNonNull(style));
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

        /** How many requests {@link PrometheusGroupSimulator#requestLog()} keeps (1000). */
        public Builder requestLogSize(int size) {
            this.requestLogSize = count(size);
            return this;
        }

        /** Generates the data; call {@link PrometheusGroupSimulator#start()} to serve it. */
        public PrometheusGroupSimulator build() {
            return new PrometheusGroupSimulator(this);
        }

        private static int count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + value);
            }
            return value;
        }
    }
}
