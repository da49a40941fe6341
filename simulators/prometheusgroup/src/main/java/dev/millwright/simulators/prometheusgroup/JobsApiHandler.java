package dev.millwright.simulators.prometheusgroup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * A second, deliberately different API shape on the same server, for proving that a REST profile describes a new
 * system without code: {@code /minicmms/v2/accounts/{account}/jobs[/{id}]}, snake_case fields, change times as epoch
 * milliseconds filtered with an exclusive {@code updated_after}, offset paging with {@code paging.has_more},
 * {@code Authorization: Token <key>}, and errors as {@code {"errors": [{"code", "title", "field"}]}}. Jobs can be
 * read and created.
 */
final class JobsApiHandler implements HttpHandler {

    static final String CONTEXT = "/minicmms/";
    private static final int MAX_LIMIT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(JobsApiHandler.class);

    private final PlanningData data;
    private final RecordWriter writer;
    private final Authenticator authenticator;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final String account;
    private final JsonFactory json;
    private final ObjectMapper mapper;

    JobsApiHandler(PlanningData data, RecordWriter writer, Authenticator authenticator, SimulatorFaults faults,
            RequestLog requestLog, List<PageListener> pageListeners, String account, ObjectMapper mapper) {
        this.data = data;
        this.writer = writer;
        this.authenticator = authenticator;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.account = account;
        this.mapper = mapper.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.json = mapper.getFactory();
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (ApiError e) {
            sendError(exchange, e);
        } catch (Exception e) {
            LOG.error("Jobs API failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, ApiError.internal(e));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> params = Http.parameters(exchange.getRequestURI().getRawQuery());
        Http.record(requestLog, exchange, params, body);
        Http.injectFaults(faults);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String key = authorization != null && authorization.startsWith("Token ")
                ? authorization.substring(6).trim() : null;
        if (key == null ? !authenticator.open() : !authenticator.apiKeyValid(key)) {
            throw new ApiError(401, "unauthenticated", "a valid 'Authorization: Token <key>' header is required",
                    List.of(), -1);
        }
        // v2/accounts/{account}/jobs[/{id}]
        String[] segments = exchange.getRequestURI().getRawPath().substring(CONTEXT.length()).split("/");
        if (segments.length < 4 || segments.length > 5 || !segments[0].equals("v2")
                || !segments[1].equals("accounts") || !segments[3].equals("jobs")) {
            throw new ApiError(404, "not_found", "no resource " + exchange.getRequestURI().getRawPath(), List.of(),
                    -1);
        }
        if (!Http.decode(segments[2]).equals(account)) {
            throw new ApiError(404, "not_found", "no account " + Http.decode(segments[2]), List.of(), -1);
        }
        RecordStore store = data.store(Schemas.JOBS.resource);
        String method = exchange.getRequestMethod();
        if (segments.length == 4 && method.equals("GET")) {
            readPage(exchange, store, params);
        } else if (segments.length == 4 && method.equals("POST")) {
            sendItem(exchange, 201, data.create(store, object(body), true));
        } else if (segments.length == 5 && method.equals("GET")) {
            sendItem(exchange, 200, data.get(store, Http.decode(segments[4])));
        } else {
            throw new ApiError(405, "method_not_allowed", method + " is not allowed here", List.of(), -1);
        }
    }

    private void readPage(HttpExchange exchange, RecordStore store, Map<String, List<String>> params)
            throws IOException {
        int offset = number(params, "offset", 0);
        int limit = number(params, "limit", 20);
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiError(400, "bad_paging", "offset must be 0 or more and limit within 1 and " + MAX_LIMIT,
                    List.of(), -1);
        }
        String after = Http.first(params, "updated_after");
        Long from = null;
        if (after != null) {
            try {
                from = Long.parseLong(after) + 1;
            } catch (NumberFormatException e) {
                throw new ApiError(400, "bad_filter", "updated_after takes epoch milliseconds", List.of(), -1);
            }
        }
        RecordStore.Slice slice = store.atOffset(new RecordStore.Filter(from, null, true), offset, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(256, slice.rows().size() * 300));
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeArrayFieldStart("items");
            for (Row row : slice.rows()) {
                writer.write(generator, store.schema, row);
            }
            generator.writeEndArray();
            generator.writeObjectFieldStart("paging");
            generator.writeNumberField("offset", offset);
            generator.writeNumberField("limit", limit);
            generator.writeBooleanField("has_more", slice.hasMore());
            generator.writeEndObject();
            generator.writeEndObject();
        }
        byte[] bytes = out.toByteArray();
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(store.schema.resource, offset / limit + 1);
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        Http.send(exchange, 200, bytes);
    }

    private static int number(Map<String, List<String>> params, String name, int otherwise) {
        String value = Http.first(params, name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "bad_paging", name + " must be a whole number", List.of(), -1);
        }
    }

    private Map<String, Object> object(byte[] body) {
        JsonNode node;
        try {
            node = body.length == 0 ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "bad_json", "the body is not valid JSON", List.of(), -1);
        } catch (IOException e) {
            throw new ApiError(400, "bad_json", e.getMessage(), List.of(), -1);
        }
        if (node == null || !node.isObject()) {
            throw new ApiError(400, "bad_json", "the body must be a JSON object", List.of(), -1);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = mapper.convertValue(node, LinkedHashMap.class);
        return fields;
    }

    private void sendItem(HttpExchange exchange, int status, Row row) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = json.createGenerator(out)) {
            generator.writeStartObject();
            generator.writeFieldName("item");
            writer.write(generator, Schemas.JOBS, row);
            generator.writeEndObject();
        }
        Http.send(exchange, status, out.toByteArray());
    }

    private void sendError(HttpExchange exchange, ApiError error) {
        try {
            if (error.retryAfterSeconds >= 0) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(error.retryAfterSeconds));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try (JsonGenerator generator = json.createGenerator(out)) {
                generator.writeStartObject();
                generator.writeArrayFieldStart("errors");
                if (error.problems.isEmpty()) {
                    generator.writeStartObject();
                    generator.writeStringField("code", error.code.toLowerCase(Locale.ROOT));
                    generator.writeStringField("title", error.getMessage());
                    generator.writeEndObject();
                }
                for (ApiError.Problem problem : error.problems) {
                    generator.writeStartObject();
                    generator.writeStringField("code", problem.code().toLowerCase(Locale.ROOT));
                    generator.writeStringField("title", problem.message());
                    generator.writeStringField("field", problem.field());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
                generator.writeEndObject();
            }
            Http.send(exchange, error.status, out.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the error response", e);
        }
    }
}
