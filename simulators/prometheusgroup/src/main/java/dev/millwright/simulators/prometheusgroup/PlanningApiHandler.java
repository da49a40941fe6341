package dev.millwright.simulators.prometheusgroup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * The planning API of the default profile: {@code /api/v1/workorders[/{id}]}, {@code /api/v1/assets[/{id}]} and the
 * token endpoint {@code /oauth/token}. Every request is logged, delayed or failed as the faults say, authenticated,
 * then served. Errors answer {@code {"error": {"code", "message", "details": [{"field", "code", "message"}]},
 * "requestId"}}; the token endpoint answers RFC 6749 errors ({@code {"error", "error_description"}}).
 */
final class PlanningApiHandler implements HttpHandler {

    static final String API = "/api/";
    static final String TOKEN = "/oauth/token";
    private static final String VERSION = "v1";
    private static final int DEFAULT_LIMIT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(PlanningApiHandler.class);

    private final PlanningData data;
    private final RecordWriter writer;
    private final Authenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final Map<String, PagingStyle> paging;
    private final int maxPageSize;
    private final Supplier<String> defaultAuthority;
    private final JsonFactory json;
    private final ObjectMapper mapper;

    PlanningApiHandler(PlanningData data, RecordWriter writer, Authenticator authenticator, SimulatorFaults faults,
            RequestLog requestLog, List<PageListener> pageListeners, Map<String, PagingStyle> paging,
            int maxPageSize, Supplier<String> defaultAuthority, ObjectMapper mapper) {
        this.data = data;
        this.writer = writer;
        this.authenticator = authenticator;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.paging = paging;
        this.maxPageSize = maxPageSize;
        this.defaultAuthority = defaultAuthority;
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.json = mapper.getFactory();
    }

    @Override
    public void handle(HttpExchange exchange) {
        boolean tokenRequest = exchange.getRequestURI().getRawPath().equals(TOKEN);
        try {
            serve(exchange, tokenRequest);
        } catch (ApiError e) {
            sendError(exchange, e, tokenRequest);
        } catch (Exception e) {
            LOG.error("Prometheus Group simulator failed on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
            sendError(exchange, ApiError.internal(e), tokenRequest);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange, boolean tokenRequest) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> params = Http.parameters(exchange.getRequestURI().getRawQuery());
        Http.record(requestLog, exchange, params, body);
        Http.injectFaults(faults);
        String method = exchange.getRequestMethod();
        if (tokenRequest) {
            if (!method.equals("POST")) {
                throw ApiError.of(405, "invalid_request", "the token endpoint takes POST");
            }
            issueToken(exchange, body);
            return;
        }
        authenticator.authenticate(exchange.getRequestHeaders().getFirst("X-API-Key"),
                exchange.getRequestHeaders().getFirst("Authorization"));

        String path = exchange.getRequestURI().getRawPath();
        String[] segments = path.substring(API.length()).split("/");
        if (segments.length < 2 || segments.length > 3 || !segments[0].equals(VERSION)
                || segments[1].equals(Schemas.JOBS.resource)) {
            throw ApiError.notFound("no resource " + path);
        }
        RecordStore store = data.store(segments[1]);
        boolean writable = store.schema == Schemas.WORK_ORDERS;
        if (segments.length == 2) {
            switch (method) {
                case "GET" -> readPage(exchange, store, params);
                case "POST" -> {
                    if (!writable) {
                        throw ApiError.methodNotAllowed(method, "/api/v1/" + store.schema.resource
                                + " (assets are kept in the host system)");
                    }
                    Row row = data.create(store, object(body), true);
                    exchange.getResponseHeaders().set("Location", "http://" + Http.authority(exchange,
                            defaultAuthority.get()) + API + VERSION + "/" + store.schema.resource + "/" + row.id);
                    sendRecord(exchange, 201, store.schema, row);
                }
                default -> throw ApiError.methodNotAllowed(method, path);
            }
            return;
        }
        String id = Http.decode(segments[2]);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        switch (method) {
            case "GET" -> sendRecord(exchange, 200, store.schema, data.get(store, id));
            case "PATCH" -> {
                requireWritable(writable, method, store);
                sendRecord(exchange, 200, store.schema, data.update(store, id, object(body), ifMatch, true));
            }
            case "DELETE" -> {
                requireWritable(writable, method, store);
                data.delete(store, id, ifMatch);
                Http.send(exchange, 204, null);
            }
            default -> throw ApiError.methodNotAllowed(method, path);
        }
    }

    private static void requireWritable(boolean writable, String method, RecordStore store) {
        if (!writable) {
            throw ApiError.methodNotAllowed(method, "/api/v1/" + store.schema.resource
                    + " records (assets are kept in the host system)");
        }
    }

    // ---- reads ----

    private void readPage(HttpExchange exchange, RecordStore store, Map<String, List<String>> params)
            throws IOException {
        Schema schema = store.schema;
        int limit = intParameter(params, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > maxPageSize) {
            throw ApiError.invalidParameter("limit", "limit must be within 1 and " + maxPageSize);
        }
        Long modifiedSince = null;
        String since = Http.first(params, "modifiedSince");
        if (since != null) {
            try {
                modifiedSince = Dates.parseInstant(since);
            } catch (RuntimeException e) {
                throw ApiError.invalidParameter("modifiedSince", "modifiedSince must be an ISO-8601 date-time with"
                        + " offset, e.g. 2024-06-01T00:00:00Z, not '" + since + "'");
            }
        }
        String sort = Http.first(params, "sort");
        if (sort != null && !sort.equals("id") && !sort.equals(schema.modifiedName)) {
            throw ApiError.invalidParameter("sort", "sort must be id or " + schema.modifiedName);
        }
        Set<String> numbers = null;
        String numberList = Http.first(params, schema.numberField);
        if (numberList != null) {
            numbers = new LinkedHashSet<>(Arrays.asList(numberList.split(",")));
        }
        RecordStore.Filter filter = new RecordStore.Filter(modifiedSince, numbers,
                schema.modifiedName.equals(sort));

        PagingStyle style = paging.getOrDefault(schema.resource, PagingStyle.NEXT_LINK);
        String self = "http://" + Http.authority(exchange, defaultAuthority.get()) + exchange.getRequestURI();
        RecordStore.Slice slice;
        int page;
        String next = null;
        String token = null;
        switch (style) {
            case NEXT_LINK -> {
                String cursorText = Http.first(params, "cursor");
                PageCursor cursor = cursorText == null ? null : PageCursor.decode(cursorText, "cursor");
                slice = store.afterKey(filter, cursor == null ? null : cursor.after(), limit);
                page = cursor == null ? 1 : cursor.page();
                if (slice.hasMore()) {
                    String cursorParam = "cursor=" + PageCursor.after(page + 1, last(slice)).encode();
                    String others = withoutParameter(exchange.getRequestURI().getRawQuery(), "cursor");
                    next = "http://" + Http.authority(exchange, defaultAuthority.get())
                            + exchange.getRequestURI().getRawPath() + "?" + (others.isEmpty() ? "" : others + "&")
                            + cursorParam;
                }
            }
            case OFFSET -> {
                int offset = intParameter(params, "offset", 0);
                if (offset < 0) {
                    throw ApiError.invalidParameter("offset", "offset must not be negative");
                }
                slice = store.atOffset(filter, offset, limit);
                page = offset / limit + 1;
            }
            case CONTINUATION_TOKEN -> {
                String given = exchange.getRequestHeaders().getFirst("X-Continuation-Token");
                String parameter = "X-Continuation-Token";
                if (given == null) {
                    given = Http.first(params, "continuationToken");
                    parameter = "continuationToken";
                }
                PageCursor cursor = given == null || given.isEmpty() ? null : PageCursor.decode(given, parameter);
                slice = store.afterKey(filter, cursor == null ? null : cursor.after(), limit);
                page = cursor == null ? 1 : cursor.page();
                token = slice.hasMore() ? PageCursor.after(page + 1, last(slice)).encode() : null;
            }
            default -> throw new IllegalStateException("unknown paging " + style);
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, slice.rows().size() * 700));
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeArrayFieldStart("data");
            for (Row row : slice.rows()) {
                writer.write(generator, schema, row);
            }
            generator.writeEndArray();
            generator.writeObjectFieldStart("links");
            generator.writeStringField("self", self);
            if (next != null) {
                generator.writeStringField("next", next);
            }
            generator.writeEndObject();
            generator.writeObjectFieldStart("meta");
            generator.writeNumberField("count", slice.rows().size());
            if (style == PagingStyle.OFFSET) {
                generator.writeNumberField("offset", intParameter(params, "offset", 0));
                generator.writeNumberField("limit", limit);
                generator.writeNumberField("total", slice.total());
                generator.writeBooleanField("hasMore", slice.hasMore());
            } else if (style == PagingStyle.CONTINUATION_TOKEN) {
                generator.writeStringField("continuationToken", token);
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
        byte[] bytes = out.toByteArray();
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(schema.resource, page);
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2); // cut inside the data array: not valid JSON
        }
        Http.send(exchange, 200, bytes);
    }

    private static Row last(RecordStore.Slice slice) {
        return slice.rows().get(slice.rows().size() - 1);
    }

    private static String withoutParameter(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty() || pair.equals(name) || pair.startsWith(name + "=")) {
                continue;
            }
            if (!kept.isEmpty()) {
                kept.append('&');
            }
            kept.append(pair);
        }
        return kept.toString();
    }

    private static int intParameter(Map<String, List<String>> params, String name, int otherwise) {
        String value = Http.first(params, name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.invalidParameter(name, name + " must be a whole number, not '" + value + "'");
        }
    }

    // ---- writes ----

    private Map<String, Object> object(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badRequest("the body is empty; a JSON object is expected");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("the body cannot be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.convertValue(node, java.util.LinkedHashMap.class);
        return fields;
    }

    private void sendRecord(HttpExchange exchange, int status, Schema schema, Row row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeFieldName("data");
            writer.write(generator, schema, row);
            generator.writeEndObject();
        }
        exchange.getResponseHeaders().set("ETag", "\"" + row.version + "\"");
        Http.send(exchange, status, out.toByteArray());
    }

    private void issueToken(HttpExchange exchange, byte[] body) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            throw ApiError.of(400, "invalid_request", "the token request must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = Http.firstValues(Http.parameters(new String(body,
                java.nio.charset.StandardCharsets.UTF_8)));
        Authenticator.IssuedToken token = authenticator.issue(exchange.getRequestHeaders().getFirst("Authorization"),
                form);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("access_token", token.accessToken());
            generator.writeStringField("token_type", "Bearer");
            generator.writeNumberField("expires_in", token.expiresInSeconds());
            if (token.scope() != null) {
                generator.writeStringField("scope", token.scope());
            }
            generator.writeEndObject();
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Http.send(exchange, 200, out.toByteArray());
    }

    // ---- errors ----

    private void sendError(HttpExchange exchange, ApiError error, boolean tokenRequest) {
        try {
            if (error.status == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", tokenRequest ? "Basic realm=\"planning\""
                        : "Bearer realm=\"planning\"" + (error.getMessage().contains("token")
                                ? ", error=\"invalid_token\"" : ""));
            }
            if (error.retryAfterSeconds >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(error.retryAfterSeconds));
            }
            Http.send(exchange, error.status, tokenRequest ? tokenErrorBody(error) : errorBody(error));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error response", e);
        }
    }

    private byte[] errorBody(ApiError error) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeObjectFieldStart("error");
            generator.writeStringField("code", error.code);
            generator.writeStringField("message", error.getMessage());
            if (!error.problems.isEmpty()) {
                generator.writeArrayFieldStart("details");
                for (ApiError.Problem problem : error.problems) {
                    generator.writeStartObject();
                    generator.writeStringField("field", problem.field());
                    generator.writeStringField("code", problem.code());
                    generator.writeStringField("message", problem.message());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            }
            generator.writeEndObject();
            generator.writeStringField("requestId", java.util.UUID.randomUUID().toString());
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    private byte[] tokenErrorBody(ApiError error) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("error", error.code.toLowerCase(java.util.Locale.ROOT));
            generator.writeStringField("error_description", error.getMessage());
            generator.writeEndObject();
        }
        return out.toByteArray();
    }
}
