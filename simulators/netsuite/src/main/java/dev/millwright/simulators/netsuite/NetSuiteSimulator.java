package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * An in-process simulator of one Oracle NetSuite account's REST web services, faithful to the wire: the record
 * API ({@code /services/rest/record/v1/<type>}) for purchaseOrder, workOrder, vendor, inventoryItem and Fixed
 * Asset Management's {@code customrecord_ncfar_asset}, SuiteQL ({@code /services/rest/query/v1/suiteql}) over the
 * transaction, transactionline, vendor, entityaddress, item and asset tables, OAuth 2.0 client credentials (JWT
 * assertions verified with the registered certificates' public keys) and token-based authentication (OAuth 1.0a
 * HMAC-SHA256 verified with the consumer and token secrets), the account's concurrency limit, NetSuite's error
 * bodies, and fault injection through {@link #faults()}. Data is generated from a seed.
 *
 * <pre>{@code
 * try (NetSuiteSimulator netsuite = NetSuiteSimulator.builder()
 *         .oauth2Client("client-id", "cert-id", keyPair.getPublic()).vendors(200).build().start()) {
 *     // POST netsuite.tokenUrl() for a token, then
 *     // POST netsuite.baseUrl() + "/services/rest/query/v1/suiteql" with "Prefer: transient"
 * }
 * }</pre>
 *
 * <p>What surprises people, all as NetSuite does it: record collections list only ids and links (read each
 * record for its fields); SuiteQL answers every value as text, leaves out empty columns, and renders date-times
 * as dates in the user's format unless the query formats them with TO_CHAR; one query returns at most
 * {@link Builder#maxQueryResults(int)} rows (100,000); a create answers 204 with the new record's URL in
 * {@code Location} and no body; there is no ETag.
 *
 * <p>Measured on the 2-core build machine (JDK 17, -Xmx1g) with {@code NetSuiteScaleTest}: 200,000 vendors
 * generate and index in about 2 s (up to 17 s while the machine is busy) and leave some 130 MB of heap in use;
 * reading all of them through SuiteQL over HTTP (200 pages of 1000 in two queries, past the 100,000 row cap)
 * takes about 3 s: a page deep into the result set resumes where the previous one ended.
 */
public final class NetSuiteSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteSimulator.class);

    static {
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every response of the JDK server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder settings;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AccountData data;
    private final RestJsonWriter writer;
    private final SuiteQlEngine suiteQl;
    private final NetSuiteAuthenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners = new CopyOnWriteArrayList<>();
    private NetSuiteApiHandler api;
    private HttpServer server;
    private ExecutorService executor;
    private volatile int boundPort;

    private NetSuiteSimulator(Builder settings) {
        this.settings = settings;
        AccountDates dates = new AccountDates(settings.zone, settings.datePattern, settings.timePattern);
        this.data = new AccountData(settings.clock, dates, List.of(RecordTypes.purchaseOrder(),
                RecordTypes.workOrder(), RecordTypes.vendor(), RecordTypes.inventoryItem(),
                RecordTypes.asset(settings.assetRecordType)));
        long started = System.nanoTime();
        new DataGenerator(settings.seed, settings.clock.instant().getEpochSecond(), settings.historyDays, data)
                .populate(new DataGenerator.Counts(settings.vendors, settings.inventoryItems, settings.purchaseOrders,
                        settings.workOrders, settings.assets), settings.assetRecordType);
        LOG.info("NetSuite simulator generated its data in {} ms", (System.nanoTime() - started) / 1_000_000);
        this.writer = new RestJsonWriter(mapper.getFactory(), data);
        this.suiteQl = new SuiteQlEngine(data, writer, mapper.getFactory(), settings.maxQueryResults);
        this.authenticator = new NetSuiteAuthenticator(settings.accountId, settings.clock, settings.tokenLifetime,
                mapper, settings.oauth2Clients, settings.tbaTokens);
        this.faults = new SimulatorFaults(settings.seed);
        this.requestLog = new RequestLog(settings.requestLogSize);
        this.boundPort = settings.port;
    }

    /** A builder with small defaults: 50 records of each type, seed 42, 90 days of history, UTC, account 1234567. */
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
    public synchronized NetSuiteSimulator start() {
        if (server != null) {
            throw new IllegalStateException("The NetSuite simulator is already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 256);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot bind the NetSuite simulator to " + settings.host + ":"
                    + settings.port, e);
        }
        boundPort = server.getAddress().getPort();
        api = new NetSuiteApiHandler(data, writer, suiteQl, authenticator, mapper, faults, requestLog, pageListeners,
                settings.concurrencyLimit, this::authority);
        server.createContext(NetSuiteApiHandler.CONTEXT, api);
        server.createContext(SimulatorControlHandler.CONTEXT,
                new SimulatorControlHandler(data, faults, authenticator, requestLog, api, mapper));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                NetSuiteApiHandler.send(exchange, 404, NetSuiteErrors.body(mapper.getFactory(),
                        NetSuiteErrors.unknownPath(exchange.getRequestURI().getPath())), "error");
            }
        });
        executor = Executors.newFixedThreadPool(settings.threads, daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("NetSuite simulator of account {} listening on {}", settings.accountId, baseUrl());
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
     * The account's REST domain, e.g. {@code http://127.0.0.1:41234}, standing for
     * {@code https://<account>.suitetalk.api.netsuite.com}; the APIs are under {@code /services/rest/}.
     */
    public String baseUrl() {
        return "http://" + authority();
    }

    /** The OAuth 2.0 token endpoint, also the audience a client assertion must name. */
    public String tokenUrl() {
        return baseUrl() + NetSuiteApiHandler.TOKEN_PATH;
    }

    public int port() {
        return boundPort;
    }

    /** The account id, e.g. {@code 1234567} or {@code 1234567_SB1}: the realm of token-based authentication. */
    public String accountId() {
        return settings.accountId;
    }

    /** The record type assets are served as (Fixed Asset Management's {@code customrecord_ncfar_asset}). */
    public String assetRecordType() {
        return settings.assetRecordType;
    }

    private String authority() {
        String host = settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
        return host + ":" + boundPort;
    }

    // ---- data access for tests ----

    /** The record types served, e.g. purchaseOrder. */
    public Set<String> recordTypes() {
        Set<String> names = new LinkedHashSet<>();
        data.stores().forEach(store -> names.add(store.type.name));
        return names;
    }

    /**
     * Copies of all records of a type by internal id, each as {@code GET /record/v1/<type>/<id>?expandSubResources=true}
     * answers it. Meant for small data sets.
     *
     * @throws NetSuiteException 404 for an unknown record type
     */
    public List<ObjectNode> records(String type) {
        List<NsRecord> stored = data.read(() -> {
            List<NsRecord> all = new ArrayList<>();
            data.store(type).byId().forEach(all::add);
            return all;
        });
        List<ObjectNode> copies = new ArrayList<>(stored.size());
        stored.forEach(record -> copies.add(toNode(record)));
        return copies;
    }

    /** A copy of one record, or null when there is none with that internal id. */
    public ObjectNode record(String type, String id) {
        NsRecord record = data.read(() -> data.store(type).get(Long.parseLong(id)));
        return record == null ? null : toNode(record);
    }

    public int count(String type) {
        return data.read(() -> data.store(type).size());
    }

    /**
     * Changes a record as a NetSuite user or workflow would: sets the fields (record API names; values as String,
     * Number, Boolean, a reference's internal id or {@code Map.of("id", ...)}, a status code such as "G", dates as
     * ISO text, LocalDate, Instant, OffsetDateTime, ZonedDateTime or LocalDateTime of the account zone; the
     * {@code item} sublist as {@code Map.of("items", List.of(...))} replaces the lines). Read-only fields
     * (quantityReceived, orderStatus, lastModifiedDate...) may be set too. The modified time becomes the clock's
     * now unless {@code changes} gives it.
     *
     * @return a copy of the changed record
     * @throws NetSuiteException 404 when there is no such record, 400 for an invalid change
     */
    public ObjectNode modify(String type, String id, Map<String, ?> changes) {
        return toNode(data.update(type, Long.parseLong(id), toJson(changes), Set.of("item", "addressBook"), true));
    }

    /**
     * Applies {@link #modify} to every record the filter accepts (it sees the same copies as {@link #records}).
     *
     * @return how many records were changed
     */
    public int modifyAll(String type, Predicate<ObjectNode> filter, Map<String, ?> changes) {
        int changed = 0;
        for (ObjectNode record : records(type)) {
            if (filter.test(record)) {
                modify(type, record.get("id").asText(), changes);
                changed++;
            }
        }
        return changed;
    }

    /**
     * Creates a record as a create request would (numbers, defaults, stamps), with the same value forms as
     * {@link #modify}; read-only fields may be given.
     *
     * @return a copy of the created record
     */
    public ObjectNode insert(String type, Map<String, ?> fields) {
        return toNode(data.create(type, toJson(fields), true));
    }

    /** Deletes a record, dependent records or not; answers false when there was none with that id. */
    public boolean delete(String type, String id) {
        try {
            data.delete(type, Long.parseLong(id), true);
            return true;
        } catch (NetSuiteException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    /**
     * From now on serves {@code text} as the value of {@code field} (record API name) of one record, in the record
     * API and in SuiteQL, bypassing every check: how a customization or a bad import looks to a client.
     */
    public void garble(String type, String id, String field, String text) {
        writer.garble(data.store(type).type.name, Long.parseLong(id), field, text);
    }

    /** Serves the record's stored values again. */
    public void ungarble(String type, String id) {
        writer.ungarble(data.store(type).type.name, Long.parseLong(id));
    }

    // ---- credentials ----

    /** Revokes an OAuth 2.0 certificate mapping: token requests and the bearer tokens it issued are refused. */
    public void revokeCertificate(String certificateId) {
        authenticator.revoke(Objects.requireNonNull(certificateId));
    }

    public void restoreCertificate(String certificateId) {
        authenticator.restore(Objects.requireNonNull(certificateId));
    }

    /** Revokes a token-based authentication access token: requests signed with it are refused. */
    public void revokeToken(String tokenId) {
        authenticator.revoke(Objects.requireNonNull(tokenId));
    }

    public void restoreToken(String tokenId) {
        authenticator.restore(Objects.requireNonNull(tokenId));
    }

    /** Makes every OAuth 2.0 access token issued so far expire now, as an hour passing would. */
    public void expireAccessTokens() {
        authenticator.expireAccessTokens();
    }

    /** How many token requests the token endpoint received, refused ones included. */
    public long tokenRequestCount() {
        return authenticator.tokenRequests();
    }

    /** Why requests were refused, oldest first (NetSuite's Login Audit Trail). */
    public List<String> loginAuditTrail() {
        return authenticator.auditTrail();
    }

    // ---- faults, observation ----

    /** The live fault settings; changes apply to the next API request (never to the token endpoint). */
    public SimulatorFaults faults() {
        return faults;
    }

    /** The last requests received under /services/rest (token requests included), oldest first. */
    public List<RecordedRequest> requestLog() {
        return requestLog.snapshot();
    }

    public void clearRequestLog() {
        requestLog.clear();
    }

    /** How many requests /services/rest received since the start, refused ones included. */
    public long requestCount() {
        return requestLog.count();
    }

    /**
     * Adds a listener told of every page after it is rendered and before it is sent: a record collection page
     * (named by its record type, e.g. {@code vendor}) or a SuiteQL page (named by its table, e.g.
     * {@code transaction}); pages are numbered from 1 by offset / limit.
     */
    public void onPageServed(PageListener listener) {
        pageListeners.add(Objects.requireNonNull(listener));
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    /** The most API requests in flight at once since the start or {@link #resetConcurrencyStats()}. */
    public int mostConcurrentRequests() {
        return api == null ? 0 : api.mostInFlight();
    }

    public void resetConcurrencyStats() {
        if (api != null) {
            api.resetMostInFlight();
        }
    }

    private ObjectNode toNode(NsRecord record) {
        try {
            return (ObjectNode) mapper.readTree(writer.record(record, baseUrl(), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof Collection<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof LocalDate date) {
            return nodes.textNode(date.toString());
        }
        if (value instanceof LocalDateTime local) {
            return nodes.textNode(local.atZone(settings.zone).toInstant().toString());
        }
        if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return nodes.textNode(Instant.from((TemporalAccessor) value).toString());
        }
        return mapper.valueToTree(value);
    }

    private ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "netsuite-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link NetSuiteSimulator}; {@link #build()} generates the data. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private String accountId = "1234567";
        private long seed = 42;
        private int vendors = 50;
        private int inventoryItems = 50;
        private int purchaseOrders = 50;
        private int workOrders = 50;
        private int assets = 50;
        private int historyDays = 90;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private String datePattern = "M/d/yyyy";
        private String timePattern = "h:mm a";
        private int maxQueryResults = 100_000;
        private int concurrencyLimit = 15;
        private int threads = 32;
        private int requestLogSize = 1000;
        private Duration tokenLifetime = Duration.ofHours(1);
        private String assetRecordType = RecordTypes.FAM_ASSET;
        private final List<NetSuiteAuthenticator.OAuth2Client> oauth2Clients = new ArrayList<>();
        private final List<NetSuiteAuthenticator.TbaToken> tbaTokens = new ArrayList<>();

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
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

        /** The account id (1234567, 1234567_SB1 for a sandbox): the realm TBA signatures must name. */
        public Builder accountId(String accountId) {
            this.accountId = Objects.requireNonNull(accountId).toUpperCase(Locale.ROOT);
            return this;
        }

        /**
         * Registers an OAuth 2.0 client credentials mapping: the integration's client id, the certificate id
         * NetSuite assigned when the certificate was uploaded (the JWT's {@code kid}), and the certificate's
         * public key (RSA for PS256..PS512, EC for ES256..ES512). Without any credentials, every request is
         * accepted.
         */
        public Builder oauth2Client(String clientId, String certificateId, PublicKey publicKey) {
            oauth2Clients.add(new NetSuiteAuthenticator.OAuth2Client(Objects.requireNonNull(clientId),
                    Objects.requireNonNull(certificateId), Objects.requireNonNull(publicKey)));
            return this;
        }

        /** Registers a token-based authentication access token with its integration's consumer key and secret. */
        public Builder tbaToken(String consumerKey, String consumerSecret, String tokenId, String tokenSecret) {
            tbaTokens.add(new NetSuiteAuthenticator.TbaToken(Objects.requireNonNull(consumerKey),
                    Objects.requireNonNull(consumerSecret), Objects.requireNonNull(tokenId),
                    Objects.requireNonNull(tokenSecret)));
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder vendors(int count) {
            this.vendors = count(count);
            return this;
        }

        public Builder inventoryItems(int count) {
            this.inventoryItems = count(count);
            return this;
        }

        public Builder purchaseOrders(int count) {
            this.purchaseOrders = count(count);
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

        /** Generated modified times spread uniformly over this many days before the clock's now (90). */
        public Builder historyDays(int days) {
            this.historyDays = count(days);
            return this;
        }

        /** The clock for "now": the history ends there, writes are stamped with it, tokens expire by it. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The user's time zone preference (UTC): SuiteQL and {@code q} date literals and values are in it. */
        public Builder timeZone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone);
            return this;
        }

        /** The user's date format preference as a JDK pattern ({@code M/d/yyyy}). */
        public Builder dateFormat(String pattern) {
            this.datePattern = Objects.requireNonNull(pattern);
            return this;
        }

        /** The user's time format preference as a JDK pattern ({@code h:mm a}). */
        public Builder timeFormat(String pattern) {
            this.timePattern = Objects.requireNonNull(pattern);
            return this;
        }

        /** The most rows one SuiteQL query returns, whatever its offset (100,000 in NetSuite). */
        public Builder maxQueryResults(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxQueryResults must be positive: " + max);
            }
            this.maxQueryResults = max;
            return this;
        }

        /** The account's concurrent request limit (15); requests beyond it get 429. 0 = unlimited. */
        public Builder concurrencyLimit(int limit) {
            this.concurrencyLimit = count(limit);
            return this;
        }

        /** Threads serving requests (32): more than the concurrency limit, so that the limit is what refuses. */
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

        /** How long an OAuth 2.0 access token is valid (one hour, as in NetSuite). */
        public Builder tokenLifetime(Duration lifetime) {
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("tokenLifetime must be positive: " + lifetime);
            }
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The custom record type assets are served as ({@code customrecord_ncfar_asset}). */
        public Builder assetRecordType(String recordType) {
            if (!recordType.startsWith("customrecord")) {
                throw new IllegalArgumentException("an asset record type is a custom record type: " + recordType);
            }
            this.assetRecordType = recordType.toLowerCase(Locale.ROOT);
            return this;
        }

        public NetSuiteSimulator build() {
            return new NetSuiteSimulator(this);
        }

        private static int count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("must not be negative: " + value);
            }
            return value;
        }
    }
}
