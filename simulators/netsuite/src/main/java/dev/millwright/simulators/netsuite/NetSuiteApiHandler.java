package dev.millwright.simulators.netsuite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * Serves NetSuite's REST web services under {@code /services/rest/}: the OAuth 2.0 token endpoint
 * ({@code auth/oauth2/v1/token}), the record API ({@code record/v1/<type>[/<id>]}: list with {@code q},
 * {@code limit} and {@code offset}; get with {@code expandSubResources}; create answering 204 with
 * {@code Location}; update with PATCH and {@code replace}; delete) and SuiteQL ({@code query/v1/suiteql}, which
 * needs {@code Prefer: transient}). Every request is logged; API requests then count against the account's
 * concurrency limit (429 beyond it), are delayed or failed as {@link SimulatorFaults} say, authenticated, and served.
 */
final class NetSuiteApiHandler implements HttpHandler {

    static final String CONTEXT = "/services/rest/";
    static final String TOKEN_PATH = "/services/rest/auth/oauth2/v1/token";
    static final String SUITEQL_PATH = "/services/rest/query/v1/suiteql";
    private static final String RECORD_PREFIX = "/services/rest/record/v1/";
    private static final int MAX_PAGE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(NetSuiteApiHandler.class);

    private final AccountData data;
    private final RestJsonWriter writer;
    private final SuiteQlEngine suiteQl;
    private final NetSuiteAuthenticator authenticator;
    private final ObjectMapper mapper;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final int concurrencyLimit;
    private final Supplier<String> defaultAuthority;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Whether the request this thread serves still counts against the concurrency limit (one thread per request). */
    private final ThreadLocal<Boolean> counted = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private final AtomicInteger mostInFlight = new AtomicInteger();

    NetSuiteApiHandler(AccountData data, RestJsonWriter writer, SuiteQlEngine suiteQl,
                       NetSuiteAuthenticator authenticator, ObjectMapper mapper, SimulatorFaults faults,
                       RequestLog requestLog, List<PageListener> pageListeners, int concurrencyLimit,
                       Supplier<String> defaultAuthority) {
        this.data = data;
        this.writer = writer;
        this.suiteQl = suiteQl;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.concurrencyLimit = concurrencyLimit;
        this.defaultAuthority = defaultAuthority;
    }

    /** The most API requests that were in flight at once since the start (or the last reset). */
    int mostInFlight() {
        return mostInFlight.get();
    }

    void resetMostInFlight() {
        mostInFlight.set(0);
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            List<String[]> query = parseQuery(rawQuery);
            String path = exchange.getRequestURI().getRawPath();
            record(exchange, rawQuery, query, body);
            String base = "http://" + authority(exchange);
            if (path.equals(TOKEN_PATH)) {
                token(exchange, body, base + TOKEN_PATH);
                return;
            }
            int current = inFlight.incrementAndGet();
            counted.set(Boolean.TRUE);
            try {
                mostInFlight.accumulateAndGet(current, Math::max);
                if (concurrencyLimit > 0 && current > concurrencyLimit) {
                    throw NetSuiteErrors.concurrencyLimit();
                }
                injectFaults(exchange);
                authenticator.authenticate(exchange.getRequestMethod(), base + path, query,
                        exchange.getRequestHeaders().getFirst("Authorization"));
                route(exchange, path, query, body, base);
            } finally {
                leave();
            }
        } catch (NetSuiteException e) {
            sendError(exchange, e);
        } catch (Exception e) {
            LOG.error("NetSuite simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, NetSuiteErrors.internal(e));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, List<String[]> query, byte[] body, String base)
            throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals(SUITEQL_PATH)) {
            if (!method.equals("POST")) {
                throw NetSuiteErrors.methodNotAllowed(method);
            }
            suiteQl(exchange, query, body, base);
            return;
        }
        if (!path.startsWith(RECORD_PREFIX)) {
            throw NetSuiteErrors.unknownPath(path);
        }
        String[] segments = path.substring(RECORD_PREFIX.length()).split("/");
        if (segments.length == 0 || segments.length > 2 || segments[0].isEmpty()) {
            throw NetSuiteErrors.unknownPath(path);
        }
        RecordStore store = data.store(decode(segments[0]));
        String type = store.type.name;
        if (segments.length == 1) {
            switch (method) {
                case "GET" -> list(exchange, store, query, base, path);
                case "POST" -> {
                    NsRecord created = data.create(type, json(body), false);
                    exchange.getResponseHeaders().set("Location", base + RECORD_PREFIX + type + "/" + created.id);
                    respond(exchange, 204, null, null);
                }
                default -> throw NetSuiteErrors.methodNotAllowed(method);
            }
            return;
        }
        long id = id(segments[1]);
        switch (method) {
            case "GET" -> {
                NsRecord record = data.get(type, id);
                boolean expand = "true".equalsIgnoreCase(parameter(query, "expandSubResources"));
                respond(exchange, 200, writer.record(record, base, expand), "singular");
            }
            case "PATCH" -> {
                Set<String> replace = new HashSet<>();
                String replaced = parameter(query, "replace");
                if (replaced != null) {
                    Arrays.stream(replaced.split(",")).map(String::trim).forEach(replace::add);
                }
                data.update(type, id, json(body), replace, false);
                respond(exchange, 204, null, null);
            }
            case "DELETE" -> {
                data.delete(type, id, false);
                respond(exchange, 204, null, null);
            }
            default -> throw NetSuiteErrors.methodNotAllowed(method);
        }
    }

    private void list(HttpExchange exchange, RecordStore store, List<String[]> query, String base, String path)
            throws IOException {
        int limit = intParameter(query, "limit", MAX_PAGE, 1, MAX_PAGE);
        int offset = intParameter(query, "offset", 0, 0, Integer.MAX_VALUE);
        Predicate<NsRecord> filter = RecordFilter.parse(store.type, data.dates(), parameter(query, "q"));
        List<Long> ids = new ArrayList<>();
        int total = data.read(() -> {
            int matched = 0;
            for (NsRecord record : store.byId()) {
                if (filter.test(record)) {
                    if (matched >= offset && ids.size() < limit) {
                        ids.add(record.id);
                    }
                    matched++;
                }
            }
            return matched;
        });
        boolean hasMore = offset + ids.size() < total;
        String q = parameter(query, "q");
        String url = base + path + "?" + (q == null ? "" : "q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20") + "&") + "limit="
                + limit + "&offset=";
        int lastOffset = total == 0 ? 0 : ((total - 1) / limit) * limit;
        byte[] json = writer.collection(new RestJsonWriter.CollectionPage(ids, store.type.name, url + offset,
                url + 0, offset > 0 ? url + Math.max(0, offset - limit) : null, hasMore ? url + (offset + limit) : null,
                url + lastOffset, offset, total, hasMore), base);
        servePage(exchange, store.type.name, offset / limit + 1, json, "collection");
    }

    private void suiteQl(HttpExchange exchange, List<String[]> query, byte[] body, String base) throws IOException {
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        if (prefer == null || !prefer.toLowerCase(Locale.ROOT).contains("transient")) {
            throw NetSuiteErrors.missingTransientPreference();
        }
        JsonNode request = json(body);
        JsonNode q = request.get("q");
        if (q == null || !q.isTextual()) {
            throw NetSuiteErrors.invalidContent("q", "The body must be {\"q\": \"<SuiteQL query>\"}.");
        }
        int limit = intParameter(query, "limit", MAX_PAGE, 1, MAX_PAGE);
        int offset = intParameter(query, "offset", 0, 0, Integer.MAX_VALUE);
        String text = q.asText();
        SuiteQlQuery parsed = SuiteQlParser.parse(text);
        SuiteQlEngine.Page page = suiteQl.page(text, parsed, offset, limit);
        String url = base + SUITEQL_PATH + "?limit=" + limit + "&offset=";
        Map<String, String> links = new LinkedHashMap<>();
        if (offset > 0) {
            links.put("previous", url + Math.max(0, offset - limit));
        }
        links.put("first", url + 0);
        if (page.hasMore()) {
            links.put("next", url + (offset + limit));
        }
        links.put("last", url + (page.totalResults() == 0 ? 0 : ((page.totalResults() - 1) / limit) * limit));
        links.put("self", url + offset);
        byte[] json = suiteQl.render(page, parsed, offset, links);
        servePage(exchange, parsed.table(), offset / limit + 1, json, "collection");
    }

    private void servePage(HttpExchange exchange, String name, int pageNumber, byte[] json, String kind)
            throws IOException {
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(name, pageNumber);
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            json = Arrays.copyOf(json, json.length / 2); // cut inside the items: not valid JSON
        }
        respond(exchange, 200, json, kind);
    }

    private void token(HttpExchange exchange, byte[] body, String tokenUrl) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw NetSuiteErrors.methodNotAllowed(exchange.getRequestMethod());
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String[] parameter : parseQuery(new String(body, StandardCharsets.UTF_8))) {
            form.put(parameter[0], parameter[1]);
        }
        try {
            byte[] answer = authenticator.issueToken(form, tokenUrl);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        } catch (NetSuiteAuthenticator.TokenError e) {
            byte[] answer = ("{\"error\":\"" + e.error + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(e.status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    // ---- faults, logging ----

    private void injectFaults(HttpExchange exchange) {
        long delay = faults.nextDelayMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SimulatorFaults.Injected failure = faults.nextFailure();
        if (failure != null) {
            if (failure.status() == 429 || failure.status() == 503) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(failure.retryAfterSeconds()));
            }
            throw NetSuiteErrors.injected(failure.status());
        }
    }

    private void record(HttpExchange exchange, String rawQuery, List<String[]> query, byte[] body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String[] parameter : query) {
            parameters.computeIfAbsent(parameter[0], k -> new ArrayList<>()).add(parameter[1]);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        requestLog.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                rawQuery, Collections.unmodifiableMap(parameters), Collections.unmodifiableMap(headers),
                new String(body, StandardCharsets.UTF_8), Instant.now()));
    }

    // ---- helpers ----

    private JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw NetSuiteErrors.invalidContent(null, "The request body is empty.");
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw NetSuiteErrors.invalidContent(null, "The request body is not valid JSON.");
        }
    }

    private static long id(String segment) {
        try {
            return Long.parseLong(decode(segment));
        } catch (NumberFormatException e) {
            throw NetSuiteErrors.recordNotFound();
        }
    }

    private static String parameter(List<String[]> query, String name) {
        for (String[] parameter : query) {
            if (parameter[0].equalsIgnoreCase(name)) {
                return parameter[1];
            }
        }
        return null;
    }

    private static int intParameter(List<String[]> query, String name, int otherwise, int min, int max) {
        String value = parameter(query, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw NetSuiteErrors.badParameter(name, "The value must be between " + min + " and " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw NetSuiteErrors.badParameter(name, "'" + value + "' is not a number.");
        }
    }

    static List<String[]> parseQuery(String raw) {
        List<String[]> parameters = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(new String[] {decode(name), decode(value)});
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw NetSuiteErrors.badParameter("query", "Malformed percent-encoding.");
        }
    }

    private String authority(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? defaultAuthority.get() : host;
    }

    private void sendError(HttpExchange exchange, NetSuiteException error) {
        try {
            respond(exchange, error.status(), NetSuiteErrors.body(mapper.getFactory(), error), "error");
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error answer", e);
        }
    }

    /** Answers an API request; it stops counting as in flight first, since the client may send its next one as soon
     *  as it has this answer. */
    private void respond(HttpExchange exchange, int status, byte[] body, String kind) throws IOException {
        leave();
        send(exchange, status, body, kind);
    }

    private void leave() {
        if (counted.get()) {
            counted.set(Boolean.FALSE);
            inFlight.decrementAndGet();
        }
    }

    static void send(HttpExchange exchange, int status, byte[] body, String kind) throws IOException {
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.oracle.resource+json; type=" + kind
                + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
