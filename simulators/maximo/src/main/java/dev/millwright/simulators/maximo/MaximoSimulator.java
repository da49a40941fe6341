package dev.millwright.simulators.maximo;

import dev.millwright.simulators.common.SimulatorFaults;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.PageListener;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * An in-process simulator of IBM Maximo's REST/OSLC JSON API, faithful to the wire: the
 * {@code /maximo/oslc/os/{objectstructure}} and {@code /maximo/api/os/{objectstructure}} collections of
 * MXAPIWODETAIL, MXAPIPO, MXAPIINVENTORY, MXAPIVENDOR and MXAPIASSET, with {@code oslc.where},
 * {@code oslc.select}, {@code oslc.orderBy}, paging (plain and stable), lean JSON, API key and
 * {@code maxauth} authentication, creates, updates with optimistic locking, deletes and Maximo's error
 * bodies. Data is generated from a seed; faults can be injected with {@link #faults()}.
 *
 * <pre>{@code
 * try (MaximoSimulator maximo = MaximoSimulator.builder().apiKey("test-key").workOrders(200).build().start()) {
 *     String url = maximo.baseUrl() + "/oslc/os/mxapiwodetail?lean=1&oslc.select=*&oslc.pageSize=50";
 *     // ... call it with header "apikey: test-key"
 * }
 * }</pre>
 *
 * <p>Notes on the wire format, from IBM's documentation:
 * <ul>
 *   <li>a collection queried without {@code oslc.select} lists only the {@code href} of each member;</li>
 *   <li>attributes without a value are left out of the JSON ({@code _dropnulls=0} writes them as null);</li>
 *   <li>rest ids are {@code _} + Base64 of the key values joined with {@code /}, padding written as {@code -};</li>
 *   <li>without {@code oslc.pageSize}, pages hold {@link Builder#maxPageSize(int)} records (Maximo's limit paging);</li>
 *   <li>a write with a {@code transactionid} header already committed is rejected with 409.</li>
 * </ul>
 *
 * <p>Measured on the 2-core, 24 GB build machine (JDK 17, G1, -Xmx1g), with {@code MaximoScaleTest} and a
 * profiling loop: generating and indexing 1,000,000 work orders (and 50 of each other structure) takes
 * 3.5 to 9 s, most of it garbage collection, and leaves about 425 MB of heap in use (some 420 bytes per
 * work order). A page of 1000 work orders for {@code oslc.where=changedate>="..."&oslc.orderBy=+changedate
 * &oslc.select=*} (about 690 KB of JSON) takes about 0.1 ms to query and 1.3 to 1.5 ms to render in
 * process once warm; over HTTP the server needs 4 to 8 ms from request to rendered page and the client
 * sees 9 to 16 ms. Following nextPage costs the same as the first page (the store resumes from a cursor);
 * jumping straight to page 300 scans 300,000 index entries, about 0.2 to 0.3 s.
 */
public final class MaximoSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MaximoSimulator.class);

    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK add about 40 ms to every response. The JDK reads this
        // property once, when its first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final MaximoDates dates;
    private final MaximoService service;
    private final MaximoJsonWriter writer;
    private final MaximoAuthenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();
    private final TransactionIds transactionIds = new TransactionIds(Duration.ofMinutes(5));
    private final ChangeNotifier changeNotifier;

    private HttpServer server;
    private ExecutorService executor;
    private volatile int boundPort;

    private MaximoSimulator(Builder settings) {
        this.settings = settings;
        this.dates = new MaximoDates(settings.zone);
        AtomicLong rowstamps = new AtomicLong(1_000_000);
        Map<ObjectStructure, MaximoStore> stores = new LinkedHashMap<>();
        for (ObjectStructure structure : ObjectStructures.all()) {
            stores.put(structure, new MaximoStore(structure, rowstamps));
        }
        long started = System.nanoTime();
        new DataGenerator(settings.seed, settings.clock.instant().getEpochSecond(), settings.historyDays)
                .populate(stores, new DataGenerator.Counts(settings.workOrders, settings.purchaseOrders,
                        settings.inventoryItems, settings.vendors, settings.assets));
        LOG.info("Maximo simulator generated its data in {} ms", (System.nanoTime() - started) / 1_000_000);
        Map<String, ObjectStructure> aliases = new LinkedHashMap<>();
        settings.aliases.forEach((alias, target) -> aliases.put(alias, ObjectStructures.find(target)));
        this.service = new MaximoService(settings.clock, dates, stores, settings.maxPageSize, aliases);
        JsonFactory json = mapper.getFactory();
        this.writer = new MaximoJsonWriter(json, dates);
        this.authenticator = new MaximoAuthenticator(settings.apiKeys, settings.users);
        this.faults = new SimulatorFaults(settings.seed);
        this.requestLog = new RequestLog(settings.requestLogSize);
        this.boundPort = settings.port;
        this.changeNotifier = new ChangeNotifier(mapper, settings.clock, settings.seed)
                .duplicates(settings.notificationDuplicates).reorderWindow(settings.notificationReorderWindow);
        if (settings.notifyUrl != null) {
            changeNotifier.addTarget(settings.notifyUrl, settings.notifySecret);
        }
        service.notifier(changeNotifier);
    }

    /** A builder with small defaults: 50 records of each structure, seed 42, 90 days of history, UTC. */
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
    public synchronized MaximoSimulator start() {
        if (server != null) {
            throw new IllegalStateException("The Maximo simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the Maximo simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        boundPort = server.getAddress().getPort();
        server.createContext(MaximoApiHandler.CONTEXT, new MaximoApiHandler(service, writer, dates, mapper,
                authenticator, faults, requestLog, pageListeners, transactionIds, this::authority));
        server.createContext(SimulatorControlHandler.CONTEXT,
                new SimulatorControlHandler(service, faults, authenticator, requestLog, mapper));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                MaximoApiHandler.send(exchange, 404, MaximoErrors.body(mapper.getFactory(),
                        MaximoErrors.unknownResource(exchange.getRequestURI().getPath()),
                        "http://" + authority() + MaximoApiHandler.CONTEXT));
            }
        });
        executor = Executors.newFixedThreadPool(settings.threads, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("Maximo simulator listening on {}", baseUrl());
        return this;
    }

    /** Stops the server at once; the data stays readable through the data access methods. */
    @Override
    public synchronized void close() {
        changeNotifier.close();
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

    /** The context root, e.g. {@code http://127.0.0.1:41234/maximo}, without a trailing slash. */
    public String baseUrl() {
        return "http://" + authority() + "/maximo";
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

    /** The names of the object structures served, e.g. MXAPIWODETAIL. */
    public Set<String> objectStructures() {
        Set<String> names = new LinkedHashSet<>();
        service.stores().keySet().forEach(s -> names.add(s.name()));
        return names;
    }

    /**
     * Copies of all records of an object structure in the default order, each in the lean JSON shape
     * of a member GET (all attributes, {@code href} absolute, {@code _rowstamp}; null values left out).
     * Meant for small data sets.
     *
     * @param objectStructure the name in any case, e.g. {@code mxapiwodetail}
     * @throws MaximoException 404 for an unknown object structure
     */
    public List<ObjectNode> records(String objectStructure) {
        ObjectStructure structure = service.structure(objectStructure);
        List<ObjectNode> copies = new ArrayList<>();
        for (MaximoRecord record : service.store(structure).all()) {
            copies.add(toNode(record));
        }
        return copies;
    }

    /** A copy of one record, or null when there is none with that rest id. */
    public ObjectNode record(String objectStructure, String restId) {
        ObjectStructure structure = service.structure(objectStructure);
        String key = RestIds.decode(restId);
        MaximoRecord record = key == null ? null : service.store(structure).get(key);
        return record == null ? null : toNode(record);
    }

    /** The number of records of an object structure. */
    public int count(String objectStructure) {
        return service.store(service.structure(objectStructure)).size();
    }

    /**
     * Changes a record as another Maximo user would: sets the fields (lean attribute names; values as
     * String, Number, Boolean, or for dates an ISO-8601 String, Instant, OffsetDateTime, ZonedDateTime,
     * LocalDateTime or LocalDate; for MXAPIPO a {@code poline} List of Maps replaces the lines), bumps the
     * rowstamp and sets changedate to the clock's now unless {@code changes} has a changedate.
     *
     * @return a copy of the changed record
     * @throws MaximoException 404 when there is no such record, 400 for an invalid change
     */
    public ObjectNode modify(String objectStructure, String restId, Map<String, ?> changes) {
        ObjectStructure structure = service.structure(objectStructure);
        return toNode(service.update(structure, restId, changes, null, RecordEditor.Mode.UPDATE, true));
    }

    /**
     * From now on serves {@code text} as the value of {@code attribute} of one record, bypassing every check:
     * how a Maximo customization or a bad data load looks to a client (an unparseable date, text in a number).
     */
    public void garble(String objectStructure, String restId, String attribute, String text) {
        writer.garble(service.structure(objectStructure).name(), restId, attribute, text);
    }

    /** Serves the record's stored values again. */
    public void ungarble(String objectStructure, String restId) {
        writer.ungarble(service.structure(objectStructure).name(), restId);
    }

    /**
     * Applies {@link #modify} to every record the filter accepts (it sees the same copies as
     * {@link #records}).
     *
     * @return how many records were changed
     */
    public int modifyAll(String objectStructure, Predicate<ObjectNode> filter, Map<String, ?> changes) {
        ObjectStructure structure = service.structure(objectStructure);
        int changed = 0;
        for (MaximoRecord record : service.store(structure).all()) {
            if (filter.test(toNode(record))) {
                service.update(structure, record.restId(), changes, null, RecordEditor.Mode.UPDATE, true);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Creates a record as a create request would (wonum and ponum are numbered when absent; defaults such
     * as status and orgid are filled); changedate is the clock's now unless {@code fields} has one.
     *
     * @return a copy of the created record
     * @throws MaximoException 400 for a missing or duplicate key or an invalid field
     */
    public ObjectNode insert(String objectStructure, Map<String, ?> fields) {
        ObjectStructure structure = service.structure(objectStructure);
        return toNode(service.create(structure, fields, true));
    }

    /** Deletes a record; answers false when there was none with that rest id. */
    public boolean delete(String objectStructure, String restId) {
        ObjectStructure structure = service.structure(objectStructure);
        try {
            service.delete(structure, restId, null);
            return true;
        } catch (MaximoException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The rest id of a record copy: the last segment of its {@code href}, or when it has none, computed
     * from its key attributes (wonum, ponum, itemnum+location, company or assetnum, with siteid/orgid).
     *
     * @throws IllegalArgumentException when neither is present
     */
    public String restIdOf(ObjectNode record) {
        JsonNode href = record.get("href");
        if (href != null && href.isTextual()) {
            String text = href.asText();
            return text.substring(text.lastIndexOf('/') + 1);
        }
        for (ObjectStructure structure : List.of(ObjectStructures.WORK_ORDERS, ObjectStructures.PURCHASE_ORDERS,
                ObjectStructures.INVENTORY, ObjectStructures.VENDORS, ObjectStructures.ASSETS)) {
            List<String> values = new ArrayList<>();
            for (Attribute key : structure.keyAttributes()) {
                JsonNode value = record.get(key.name());
                if (value != null && !value.isNull()) {
                    values.add(value.asText());
                }
            }
            if (values.size() == structure.keyAttributes().size()) {
                return RestIds.encode(String.join("/", values));
            }
        }
        throw new IllegalArgumentException("The record has neither an href nor the key attributes of a structure");
    }

    /**
     * The rest id of the record with these key values, in the key order of its structure:
     * {@code restId("BEDFORD", "1000")} for work order 1000 of site BEDFORD gives {@code _QkVERk9SRC8xMDAw}.
     */
    public static String restId(String... keyValues) {
        return RestIds.encode(keyValues);
    }

    // ---- auth, faults, observation ----

    /** Makes an API key invalid until restored: requests with it get 401. */
    public void revokeApiKey(String apiKey) {
        authenticator.revoke(Objects.requireNonNull(apiKey));
    }

    /** Makes a revoked API key valid again. */
    public void restoreApiKey(String apiKey) {
        authenticator.restore(Objects.requireNonNull(apiKey));
    }

    /**
     * The signed change notifications: add a target (URL and {@code whsec_} secret) to have every change of a
     * record POSTed to it; duplicates and reordering can be switched on.
     */
    public ChangeNotifier changeNotifications() {
        return changeNotifier;
    }

    /** The live fault settings; changes apply to the next request. */
    public SimulatorFaults faults() {
        return faults;
    }

    /** The last requests received on the Maximo API paths (not /_sim), oldest first. */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    /** Empties the request log; the request count goes on. */
    public void clearRequestLog() {
        requestLog.clear();
    }

    /** How many requests the Maximo API paths received since the start, faulted and refused ones included. */
    public long requestCount() {
        return requestLog.count();
    }

    /** Adds a listener told of every collection page after it is rendered and before it is sent. */
    public void onPageServed(PageListener listener) {
        pageListeners.add(Objects.requireNonNull(listener));
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    private ObjectNode toNode(MaximoRecord record) {
        Hrefs hrefs = new Hrefs("http://" + authority() + MaximoApiHandler.CONTEXT, "oslc",
                record.structure.hrefName());
        byte[] json = writer.member(record, MaximoSelection.all(record.structure), hrefs, true);
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "maximo-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link MaximoSimulator}; {@link #build()} generates the data. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private final Set<String> apiKeys = new LinkedHashSet<>();
        private final Map<String, String> users = new LinkedHashMap<>();
        private long seed = 42;
        private int workOrders = 50;
        private int purchaseOrders = 50;
        private int inventoryItems = 50;
        private int vendors = 50;
        private int assets = 50;
        private int historyDays = 90;
        private ZoneId zone = ZoneOffset.UTC;
        private Clock clock = Clock.systemUTC();
        private int maxPageSize = 1000;
        private int threads = 16;
        private int requestLogSize = 1000;
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private String notifyUrl;
        private String notifySecret;
        private double notificationDuplicates;
        private int notificationReorderWindow = 1;

        private Builder() {
        }

        /**
         * Sends a signed change notification (Standard Webhooks) to {@code url} for every record change, signed
         * with {@code secret} ({@code whsec_} + base64 key); see {@link ChangeNotifier}.
         */
        public Builder notifyChanges(String url, String secret) {
            this.notifyUrl = Objects.requireNonNull(url);
            this.notifySecret = Objects.requireNonNull(secret);
            return this;
        }

        /** The probability that a change notification is delivered twice (0, off). */
        public Builder notificationDuplicates(double probability) {
            if (probability < 0 || probability > 1) {
                throw new IllegalArgumentException("a probability is within 0 and 1: " + probability);
            }
            this.notificationDuplicates = probability;
            return this;
        }

        /** Change notifications are delivered in random order within windows of this many (1, in order). */
        public Builder notificationReorderWindow(int window) {
            if (window < 1) {
                throw new IllegalArgumentException("the reorder window is at least 1: " + window);
            }
            this.notificationReorderWindow = window;
            return this;
        }

        /** The port to listen on; 0 (the default) picks a free one, see {@link MaximoSimulator#port()}. */
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
         * Adds a valid API key; may be called several times. Without any key or user, every request is
         * accepted.
         */
        public Builder apiKey(String apiKey) {
            apiKeys.add(Objects.requireNonNull(apiKey));
            return this;
        }

        /** Adds a user for the legacy {@code maxauth: base64(user:password)} header. */
        public Builder basicUser(String user, String password) {
            users.put(Objects.requireNonNull(user), Objects.requireNonNull(password));
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

        public Builder purchaseOrders(int count) {
            this.purchaseOrders = count(count);
            return this;
        }

        public Builder inventoryItems(int count) {
            this.inventoryItems = count(count);
            return this;
        }

        public Builder vendors(int count) {
            this.vendors = count(count);
            return this;
        }

        public Builder assets(int count) {
            this.assets = count(count);
            return this;
        }

        /** Generated change dates spread uniformly over this many days before the clock's now (90). */
        public Builder historyDays(int days) {
            this.historyDays = count(days);
            return this;
        }

        /** The zone whose offset dates are rendered with (UTC); Maximo uses its server's zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** The clock for "now": the generated history ends there, and every write stamps changedate with it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The largest page served (1000), also the page size when a request gives none. */
        public Builder maxPageSize(int maxPageSize) {
            if (maxPageSize < 1) {
                throw new IllegalArgumentException("maxPageSize must be positive: " + maxPageSize);
            }
            this.maxPageSize = maxPageSize;
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

        /** How many requests {@link MaximoSimulator#requestLog()} keeps (1000). */
        public Builder requestLogSize(int size) {
            this.requestLogSize = count(size);
            return this;
        }

        /**
         * Also serves an object structure under another name, for names that differ between Maximo
         * installations: {@code objectStructureAlias("MXAPICOMPANY", "MXAPIVENDOR")} serves the vendors at
         * {@code /maximo/oslc/os/mxapicompany} too, with hrefs naming mxapicompany.
         */
        public Builder objectStructureAlias(String alias, String objectStructure) {
            if (ObjectStructures.find(objectStructure) == null) {
                throw new IllegalArgumentException("Unknown object structure " + objectStructure);
            }
            if (ObjectStructures.find(alias) != null) {
                throw new IllegalArgumentException(alias + " is already an object structure");
            }
            aliases.put(alias.toUpperCase(Locale.ROOT), objectStructure);
            return this;
        }

        /** Generates the data; call {@link MaximoSimulator#start()} to serve it. */
        public MaximoSimulator build() {
            return new MaximoSimulator(this);
        }

        private static int count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + value);
            }
            return value;
        }
    }
}
