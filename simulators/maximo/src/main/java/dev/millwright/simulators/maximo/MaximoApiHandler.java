package dev.millwright.simulators.maximo;

import dev.millwright.simulators.common.SimulatorFaults;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.PageListener;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the Maximo API under {@code /maximo/}: {@code oslc/os/{os}} and {@code api/os/{os}} collections and
 * their members. Every request is logged, then delayed or failed as {@link SimulatorFaults} say, then
 * authenticated, then served.
 */
final class MaximoApiHandler implements HttpHandler {
    static final String CONTEXT = "/maximo/";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(MaximoApiHandler.class);

    private final MaximoService service;
    private final MaximoJsonWriter writer;
    private final MaximoDates dates;
    private final ObjectMapper mapper;
    private final MaximoAuthenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final TransactionIds transactionIds;
    private final Supplier<String> defaultAuthority;

    MaximoApiHandler(MaximoService service, MaximoJsonWriter writer, MaximoDates dates, ObjectMapper mapper,
                     MaximoAuthenticator authenticator, SimulatorFaults faults, RequestLog requestLog,
                     List<PageListener> pageListeners, TransactionIds transactionIds,
                     Supplier<String> defaultAuthority) {
        this.service = service;
        this.writer = writer;
        this.dates = dates;
        this.mapper = mapper;
        this.authenticator = authenticator;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.transactionIds = transactionIds;
        this.defaultAuthority = defaultAuthority;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String contextRoot = "http://" + authority(exchange) + CONTEXT;
        try {
            serve(exchange, contextRoot);
        } catch (MaximoException e) {
            sendError(exchange, e, contextRoot);
        } catch (Exception e) {
            LOG.error("Maximo simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, MaximoErrors.internal(e), contextRoot);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, String contextRoot) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        QueryParams params;
        MaximoException badQuery = null;
        try {
            params = QueryParams.parse(rawQuery);
        } catch (MaximoException e) {
            params = QueryParams.parse(null);
            badQuery = e;
        }
        record(exchange, rawQuery, params, body);
        injectFaults(exchange);
        authenticator.authenticate(exchange.getRequestHeaders(), params);
        if (badQuery != null) {
            throw badQuery;
        }

        String path = exchange.getRequestURI().getRawPath();
        String[] segments = path.substring(CONTEXT.length()).split("/");
        if (segments.length < 3 || segments.length > 4 || !segments[1].equalsIgnoreCase("os")
                || !(segments[0].equalsIgnoreCase("oslc") || segments[0].equalsIgnoreCase("api"))) {
            throw MaximoErrors.unknownResource(path);
        }
        String route = segments[0].toLowerCase(Locale.ROOT);
        String requested = decode(segments[2]);
        ObjectStructure structure = service.structure(requested);
        // Hrefs name the structure as requested, so that an alias stays an alias.
        Hrefs hrefs = new Hrefs(contextRoot, route, requested.toLowerCase(Locale.ROOT));
        if (segments.length == 3) {
            serveCollection(exchange, hrefs, structure, params, body);
        } else {
            serveMember(exchange, hrefs, structure, decode(segments[3]), params, body);
        }
    }

    // ---- collections ----

    private void serveCollection(HttpExchange exchange, Hrefs absolute, ObjectStructure structure,
                                 QueryParams params, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        String override = exchange.getRequestHeaders().getFirst("x-method-override");
        if (method.equals("GET")) {
            readPage(exchange, absolute, structure, params);
        } else if (method.equals("POST") && (override == null || override.isBlank())) {
            create(exchange, absolute, structure, params, body);
        } else {
            throw MaximoErrors.methodNotAllowed(override == null ? method : method + " with x-method-override "
                    + override, "a collection in the simulator");
        }
    }

    private void readPage(HttpExchange exchange, Hrefs absolute, ObjectStructure structure, QueryParams params)
            throws IOException {
        CollectionQuery query = CollectionQuery.parse(structure, params, dates);
        MaximoService.PageRead page = service.read(query);
        Hrefs hrefs = absolute.relativeIf(query.relativeUri);
        String collection = hrefs.collection();
        String self = params.raw() == null ? collection : collection + "?" + params.raw();
        String next = page.hasMore() ? pageHref(collection, params, page.pageNumber() + 1, page.snapshotId()) : null;
        String previous = page.pageNumber() > 1 && page.snapshotId() == null
                ? pageHref(collection, params, page.pageNumber() - 1, null) : null;
        int totalCount = query.collectionCount ? page.totalCount() : -1;
        int totalPages = totalCount < 0 ? -1 : (totalCount + page.pageSize() - 1) / page.pageSize();
        byte[] json = writer.collection(new MaximoJsonWriter.CollectionPage(structure, page.records(),
                query.selection, hrefs, self, next, previous, page.pageNumber(), totalCount, totalPages,
                query.dropNulls));
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(structure.name(), page.pageNumber());
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            json = Arrays.copyOf(json, json.length / 2); // cut inside the member array: not valid JSON
        }
        send(exchange, 200, json);
    }

    /** The href of another page: pageno first, then every other parameter as the client sent it. */
    private static String pageHref(String collection, QueryParams params, int pageNumber, String snapshotId) {
        StringBuilder href = new StringBuilder(collection).append("?pageno=").append(pageNumber);
        String others = params.rawWithout("pageno", CollectionQuery.SNAPSHOT_PARAM);
        if (!others.isEmpty()) {
            href.append('&').append(others);
        }
        if (snapshotId != null) {
            href.append('&').append(CollectionQuery.SNAPSHOT_PARAM).append('=').append(snapshotId);
        }
        return href.toString();
    }

    private void create(HttpExchange exchange, Hrefs absolute, ObjectStructure structure, QueryParams params,
                        byte[] body) throws IOException {
        Map<String, Object> fields = parseObject(body);
        MaximoRecord record = inTransaction(exchange, () -> service.create(structure, fields, false));
        Headers headers = exchange.getResponseHeaders();
        headers.set("Location", absolute.member(record)); // always absolute
        headers.set("ETag", etag(record));
        sendRecordIfAsked(exchange, 201, record, absolute, params);
    }

    // ---- members ----

    private void serveMember(HttpExchange exchange, Hrefs absolute, ObjectStructure structure, String restId,
                             QueryParams params, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        String override = exchange.getRequestHeaders().getFirst("x-method-override");
        if (method.equals("POST") && override != null && !override.isBlank()) {
            method = override.trim().toUpperCase(Locale.ROOT);
        }
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        switch (method) {
            case "GET" -> {
                MaximoRecord record = service.get(structure, restId);
                String select = params.get("oslc.select") != null ? params.get("oslc.select")
                        : params.get("oslc.properties");
                MaximoSelection selection = select == null || select.isBlank()
                        ? MaximoSelection.all(structure) : MaximoSelection.parse(select, structure);
                exchange.getResponseHeaders().set("ETag", etag(record));
                send(exchange, 200, writer.member(record, selection, absolute.relativeIf(params.flag("relativeuri")),
                        !"0".equals(params.get("_dropnulls"))));
            }
            case "PATCH" -> {
                Map<String, Object> changes = parseObject(body);
                String patchType = exchange.getRequestHeaders().getFirst("patchtype");
                RecordEditor.Mode mode = "MERGE".equalsIgnoreCase(patchType == null ? null : patchType.trim())
                        ? RecordEditor.Mode.MERGE : RecordEditor.Mode.UPDATE;
                MaximoRecord record = inTransaction(exchange,
                        () -> service.update(structure, restId, changes, ifMatch, mode, false));
                exchange.getResponseHeaders().set("ETag", etag(record));
                sendRecordIfAsked(exchange, 204, record, absolute, params);
            }
            case "DELETE" -> {
                inTransaction(exchange, () -> service.delete(structure, restId, ifMatch));
                send(exchange, 204, null);
            }
            default -> throw MaximoErrors.methodNotAllowed(method, "a member; update with POST and"
                    + " x-method-override: PATCH");
        }
    }

    /** Answers with the record when the request has a {@code properties} header, as Maximo does. */
    private void sendRecordIfAsked(HttpExchange exchange, int statusWithoutBody, MaximoRecord record,
                                   Hrefs absolute, QueryParams params) throws IOException {
        String properties = exchange.getRequestHeaders().getFirst("properties");
        if (properties == null || properties.isBlank()) {
            send(exchange, statusWithoutBody, null);
            return;
        }
        byte[] json = writer.member(record, MaximoSelection.parse(properties, record.structure),
                absolute.relativeIf(params.flag("relativeuri")), !"0".equals(params.get("_dropnulls")));
        send(exchange, statusWithoutBody == 204 ? 200 : statusWithoutBody, json);
    }

    private MaximoRecord inTransaction(HttpExchange exchange, Supplier<MaximoRecord> write) {
        String transactionId = exchange.getRequestHeaders().getFirst("transactionid");
        transactionIds.begin(transactionId);
        try {
            return write.get();
        } catch (RuntimeException e) {
            transactionIds.abort(transactionId);
            throw e;
        }
    }

    private Map<String, Object> parseObject(byte[] body) {
        if (body.length == 0) {
            throw MaximoErrors.invalidBody("the body is empty, a JSON object is expected");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw MaximoErrors.invalidBody(e.getOriginalMessage());
        } catch (IOException e) {
            throw MaximoErrors.invalidBody(e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw MaximoErrors.invalidBody("a JSON object is expected");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.convertValue(node, LinkedHashMap.class);
        return fields;
    }

    // ---- plumbing ----

    private void record(HttpExchange exchange, String rawQuery, QueryParams params, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        requestLog.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                rawQuery, params.decoded(), Collections.unmodifiableMap(headers),
                new String(body, StandardCharsets.UTF_8), Instant.now()));
    }

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
            if (failure.status() == 429) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(failure.retryAfterSeconds()));
            }
            throw MaximoErrors.injected(failure.status());
        }
    }

    private String authority(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? defaultAuthority.get() : host;
    }

    private static String etag(MaximoRecord record) {
        return "\"" + record.rowstamp + "\"";
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void sendError(HttpExchange exchange, MaximoException error, String contextRoot) {
        try {
            send(exchange, error.status(), MaximoErrors.body(mapper.getFactory(), error, contextRoot));
        } catch (IOException e) {
            LOG.debug("Could not send the error response", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.debug("The response had already started when an error occurred", e);
        }
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
