package dev.millwright.simulators.dynamics;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;

/**
 * Serves the Business Central API ({@code /v2.0/{tenant}/{environment}/api/v2.0/...}) and the Entra ID token
 * endpoint ({@code /{tenant}/oauth2/v2.0/token}). Every request is logged, then delayed or failed as the
 * {@link SimulatorFaults} say; API requests are then authenticated, counted against the request limit and served.
 */
final class BusinessCentralHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(BusinessCentralHandler.class);
    private static final String ODATA_JSON = "application/json; odata.metadata=minimal; odata.streaming=true;"
            + " IEEE754Compatible=false; charset=utf-8";
    private static final String JSON = "application/json; charset=utf-8";
    private static final String PREFER_PAGE_SIZE = "odata.maxpagesize";

    /** What the handler needs of the simulator. */
    record Settings(String tenantId, String environment, Map<UUID, CompanyData> companies, int maxPageSize,
                    int staleEtagStatus) {
    }

    private final Settings settings;
    private final ObjectMapper mapper;
    private final ODataJsonWriter writer;
    private final TokenService tokens;
    private final RequestRateLimit rateLimit;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final Supplier<String> defaultAuthority;

    BusinessCentralHandler(Settings settings, ObjectMapper mapper, ODataJsonWriter writer, TokenService tokens,
                           RequestRateLimit rateLimit, SimulatorFaults faults, RequestLog requestLog,
                           List<PageListener> pageListeners, Supplier<String> defaultAuthority) {
        this.settings = settings;
        this.mapper = mapper;
        this.writer = writer;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.defaultAuthority = defaultAuthority;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (BcException e) {
            sendError(exchange, e);
        } catch (TokenService.TokenError e) {
            sendTokenError(exchange, e);
        } catch (Exception e) {
            LOG.error("The Business Central simulator failed on {} {}", exchange.getRequestMethod(),
                    exchange.getRequestURI(), e);
            sendError(exchange, BcErrors.internal(e));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        QueryParams params;
        BcException badQuery = null;
        try {
            params = QueryParams.parse(rawQuery);
        } catch (BcException e) {
            params = QueryParams.parse(null);
            badQuery = e;
        }
        record(exchange, rawQuery, params, body);
        injectFaults(exchange);
        String[] segments = segments(exchange.getRequestURI().getRawPath());
        if (segments.length == 4 && segments[1].equals("oauth2") && segments[2].equals("v2.0")
                && segments[3].equals("token")) {
            serveToken(exchange, segments[0], body);
            return;
        }
        if (segments.length < 5 || !segments[0].equals("v2.0")) {
            throw BcErrors.segmentNotFound(exchange.getRequestURI().getPath());
        }
        String tenant = segments[1];
        if (tokens.enabled()) {
            tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization"), tenant);
        }
        rateLimit.acquire();
        if (badQuery != null) {
            throw badQuery;
        }
        if (!tenant.equalsIgnoreCase(settings.tenantId())) {
            throw new BcException(404, "TenantNotFound", "Tenant '" + tenant + "' was not found.");
        }
        if (!segments[2].equalsIgnoreCase(settings.environment())) {
            throw new BcException(404, "EnvironmentNotFound", "The environment '" + segments[2]
                    + "' does not exist in tenant '" + tenant + "'.");
        }
        if (!segments[3].equals("api") || !segments[4].equals("v2.0")) {
            throw BcErrors.segmentNotFound(segments[3] + "/" + segments[4]);
        }
        String apiRoot = "http://" + authority(exchange) + "/v2.0/" + segments[1] + "/" + segments[2] + "/api/v2.0";
        serveResource(exchange, apiRoot, Arrays.copyOfRange(segments, 5, segments.length), params, body);
    }

    // ---- OData resources ----

    private record Segment(String name, UUID key, boolean keyed) {
    }

    private void serveResource(HttpExchange exchange, String apiRoot, String[] path, QueryParams params, byte[] body)
            throws IOException {
        String method = exchange.getRequestMethod();
        if (path.length == 0) {
            throw BcErrors.segmentNotFound("api/v2.0");
        }
        Segment first = segment(path[0]);
        if (!first.name().equals("companies")) {
            throw BcErrors.segmentNotFound(first.name());
        }
        if (!first.keyed()) {
            requireMethod(method, "GET", "companies");
            if (path.length > 1) {
                throw BcErrors.segmentNotFound(path[1]);
            }
            sendJson(exchange, 200, companies(apiRoot, null));
            return;
        }
        CompanyData company = settings.companies().get(first.key());
        if (company == null) {
            throw BcErrors.companyNotFound(first.key().toString());
        }
        if (path.length == 1) {
            requireMethod(method, "GET", "a company");
            sendJson(exchange, 200, companies(apiRoot, company));
            return;
        }
        String companyPath = "companies(" + company.id() + ")";
        Segment set = segment(path[1]);
        if (set.name().equals("companyInformation")) {
            requireMethod(method, "GET", "companyInformation");
            sendJson(exchange, 200, companyInformation(apiRoot, company));
            return;
        }
        if (set.name().equals(Schemas.PURCHASE_ORDER_LINES)) {
            serveLines(exchange, apiRoot, company, null, set, Arrays.copyOfRange(path, 2, path.length), params, body);
            return;
        }
        EntitySchema schema = Schemas.find(set.name());
        if (schema == null) {
            throw BcErrors.segmentNotFound(set.name());
        }
        String context = apiRoot + "/$metadata#" + companyPath + "/" + schema.entitySet();
        if (!set.keyed()) {
            if (path.length > 2) {
                throw BcErrors.segmentNotFound(path[2]);
            }
            switch (method) {
                case "GET" -> readCollection(exchange, apiRoot + "/" + companyPath + "/" + schema.entitySet(), context,
                        company, schema, params);
                case "POST" -> {
                    ODataQuery query = ODataQuery.parse(params, schema);
                    BcRecord created = company.create(schema, object(body));
                    exchange.getResponseHeaders().set("Location", apiRoot + "/" + companyPath + "/"
                            + schema.entitySet() + "(" + created.id + ")");
                    sendEntity(exchange, 201, context + "/$entity", created, query);
                }
                default -> throw BcErrors.methodNotAllowed(method, "the collection " + schema.entitySet());
            }
            return;
        }
        if (path.length > 2) {
            Segment lines = segment(path[2]);
            if (schema.linesProperty() == null || !lines.name().equals(schema.linesProperty()) || path.length > 4) {
                throw BcErrors.segmentNotFound(lines.name());
            }
            serveLines(exchange, apiRoot, company, set.key(), lines, Arrays.copyOfRange(path, 3, path.length), params,
                    body);
            return;
        }
        ODataQuery query = ODataQuery.parse(params, schema);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        switch (method) {
            case "GET" -> {
                BcRecord record = company.get(schema, set.key());
                if (record == null) {
                    throw BcErrors.recordNotFound(schema, set.key());
                }
                sendEntity(exchange, 200, context + "/$entity", record, query);
            }
            case "PATCH" -> sendEntity(exchange, 200, context + "/$entity",
                    company.update(schema, set.key(), ifMatch, object(body), settings.staleEtagStatus()), query);
            case "DELETE" -> {
                company.delete(schema, set.key(), ifMatch, settings.staleEtagStatus());
                send(exchange, 204, null, null);
            }
            default -> throw BcErrors.methodNotAllowed(method, "a " + schema.entityType());
        }
    }

    private void readCollection(HttpExchange exchange, String collectionUrl, String context, CompanyData company,
                                EntitySchema schema, QueryParams params) throws IOException {
        ODataQuery query = ODataQuery.parse(params, schema);
        int pageSize = settings.maxPageSize();
        Integer preferred = preferredPageSize(exchange.getRequestHeaders());
        if (preferred != null) {
            pageSize = Math.max(1, Math.min(preferred, settings.maxPageSize()));
            exchange.getResponseHeaders().set("Preference-Applied", PREFER_PAGE_SIZE + "=" + pageSize);
        }
        CompanyData.Page page = company.page(schema, query, pageSize);
        String nextLink = null;
        if (page.next() != null) {
            String others = params.rawWithout(ODataQuery.PAGING_OPTIONS);
            nextLink = collectionUrl + "?" + (others.isEmpty() ? "" : others + "&") + "$skiptoken="
                    + page.next().encode();
        }
        byte[] json = writer.collection(new ODataJsonWriter.CollectionPage(context, page.records(), query.select,
                query.expandLines, page.count(), nextLink));
        int pageNumber = query.skipToken == null ? 1 : query.skipToken.page();
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(schema.entitySet(), pageNumber);
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            json = Arrays.copyOf(json, json.length / 2); // cut inside the value array: not valid JSON
        }
        send(exchange, 200, json, ODATA_JSON);
    }

    /**
     * The lines of purchase orders: {@code purchaseOrders({id})/purchaseOrderLines[({lineId})]} and
     * {@code purchaseOrderLines[({lineId})]}; the latter, as a collection, needs a filter on documentId.
     */
    private void serveLines(HttpExchange exchange, String apiRoot, CompanyData company, UUID orderId,
                            Segment linesSegment, String[] rest, QueryParams params, byte[] body) throws IOException {
        if (rest.length > 0) {
            throw BcErrors.segmentNotFound(rest[0]);
        }
        EntitySchema schema = Schemas.PURCHASE_ORDER_LINE;
        String method = exchange.getRequestMethod();
        String companyPath = "companies(" + company.id() + ")";
        String base = apiRoot + "/$metadata#" + companyPath + "/"
                + (orderId == null ? "" : Schemas.PURCHASE_ORDERS + "(" + orderId + ")/") + Schemas.PURCHASE_ORDER_LINES;
        ODataQuery query = ODataQuery.parse(params, schema);
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (!linesSegment.keyed()) {
            switch (method) {
                case "GET" -> {
                    List<BcRecord> lines = new ArrayList<>();
                    if (orderId != null) {
                        BcRecord order = company.get(Schemas.PURCHASE_ORDER, orderId);
                        if (order == null) {
                            throw BcErrors.recordNotFound(Schemas.PURCHASE_ORDER, orderId);
                        }
                        lines.addAll(Arrays.asList(order.lines));
                    } else {
                        String filter = params.get("$filter");
                        if (filter == null || !(filter.contains("documentId") || filter.contains("id"))) {
                            throw BcErrors.dialog("You must specify an Id or a Document Id to get the lines.");
                        }
                        for (BcRecord order : company.all(Schemas.PURCHASE_ORDER)) {
                            lines.addAll(Arrays.asList(order.lines));
                        }
                    }
                    lines.removeIf(line -> !query.filter.test(line));
                    byte[] json = writer.collection(new ODataJsonWriter.CollectionPage(base, lines, query.select,
                            false, query.count ? lines.size() : -1, null));
                    send(exchange, 200, json, ODATA_JSON);
                }
                case "POST" -> {
                    ObjectNode line = object(body);
                    UUID target = orderId;
                    if (target == null) {
                        JsonNode documentId = line.get("documentId");
                        if (documentId == null || !documentId.isTextual()) {
                            throw BcErrors.dialog("You must specify a Document Id to add a line.");
                        }
                        target = (UUID) Values.fromJson(schema.property("documentId"), documentId);
                    }
                    BcRecord created = company.createLine(target, line);
                    exchange.getResponseHeaders().set("Location", apiRoot + "/" + companyPath + "/"
                            + Schemas.PURCHASE_ORDER_LINES + "(" + created.id + ")");
                    sendEntity(exchange, 201, base + "/$entity", created, query);
                }
                default -> throw BcErrors.methodNotAllowed(method, "the collection " + Schemas.PURCHASE_ORDER_LINES);
            }
            return;
        }
        UUID lineId = linesSegment.key();
        BcRecord order = company.orderOfLine(lineId);
        if (order == null || orderId != null && !order.id.equals(orderId)) {
            throw BcErrors.recordNotFound(schema, lineId);
        }
        switch (method) {
            case "GET" -> sendEntity(exchange, 200, base + "/$entity", CompanyData.lineOf(order, lineId), query);
            case "PATCH" -> sendEntity(exchange, 200, base + "/$entity",
                    company.updateLine(lineId, ifMatch, object(body), settings.staleEtagStatus()), query);
            case "DELETE" -> {
                company.deleteLine(lineId, ifMatch, settings.staleEtagStatus());
                send(exchange, 204, null, null);
            }
            default -> throw BcErrors.methodNotAllowed(method, "a " + schema.entityType());
        }
    }

    private void sendEntity(HttpExchange exchange, int status, String context, BcRecord record, ODataQuery query)
            throws IOException {
        exchange.getResponseHeaders().set("ETag", record.etag());
        String prefer = exchange.getRequestHeaders().getFirst("Prefer");
        if (status == 201 && prefer != null && prefer.toLowerCase(Locale.ROOT).contains("return-no-content")) {
            send(exchange, 204, null, null);
            return;
        }
        send(exchange, status, writer.entity(context, record, query.select, query.expandLines), ODATA_JSON);
    }

    private byte[] companies(String apiRoot, CompanyData only) throws IOException {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("@odata.context", apiRoot + "/$metadata#companies" + (only == null ? "" : "/$entity"));
        List<ObjectNode> entries = new ArrayList<>();
        for (CompanyData company : settings.companies().values()) {
            if (only == null || only == company) {
                ObjectNode entry = mapper.createObjectNode();
                entry.put("id", company.id().toString());
                entry.put("systemVersion", "25.0.23364.23753");
                entry.put("timestamp", 38_415L);
                entry.put("name", company.name());
                entry.put("displayName", company.displayName());
                entry.put("businessProfileId", "");
                entry.put("systemCreatedAt", "2023-10-02T08:17:44.81Z");
                entry.put("systemCreatedBy", "00000000-0000-0000-0000-000000000001");
                entry.put("systemModifiedAt", "2023-10-02T08:17:44.81Z");
                entry.put("systemModifiedBy", "00000000-0000-0000-0000-000000000001");
                entries.add(entry);
            }
        }
        if (only != null) {
            answer.setAll(entries.get(0));
        } else {
            answer.putArray("value").addAll(entries);
        }
        return mapper.writeValueAsBytes(answer);
    }

    private byte[] companyInformation(String apiRoot, CompanyData company) throws IOException {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("@odata.context", apiRoot + "/$metadata#companies(" + company.id() + ")/companyInformation");
        ArrayNode value = answer.putArray("value");
        ObjectNode info = value.addObject();
        info.put("@odata.etag", Etags.of(1_000_000L + (company.id().getLeastSignificantBits() & 0xffff)));
        info.put("id", UUID.nameUUIDFromBytes(("companyInformation:" + company.id()).getBytes(StandardCharsets.UTF_8))
                .toString());
        info.put("displayName", company.displayName());
        info.put("addressLine1", "7122 South Ashford Street");
        info.put("addressLine2", "Westminster");
        info.put("city", "Atlanta");
        info.put("state", "GA");
        info.put("country", "US");
        info.put("postalCode", "31772");
        info.put("phoneNumber", "+1 425 555 0100");
        info.put("faxNumber", "+1 425 555 0101");
        info.put("email", "");
        info.put("website", "");
        info.put("taxRegistrationNumber", "");
        info.put("currencyCode", ReferenceData.LOCAL_CURRENCY);
        info.put("currentFiscalYearStartDate", company.today().withDayOfYear(1).toString());
        info.put("industry", "");
        info.put("lastModifiedDateTime", "2023-10-02T08:17:44.81Z");
        return mapper.writeValueAsBytes(answer);
    }

    private static Integer preferredPageSize(Headers headers) {
        List<String> prefer = headers.get("Prefer");
        if (prefer == null) {
            return null;
        }
        for (String header : prefer) {
            for (String preference : header.split(",")) {
                String[] pair = preference.trim().split("=", 2);
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase(PREFER_PAGE_SIZE)) {
                    try {
                        return Integer.parseInt(pair[1].trim());
                    } catch (NumberFormatException e) {
                        throw BcErrors.badRequest("The preference '" + preference.trim() + "' is not valid.");
                    }
                }
            }
        }
        return null;
    }

    private static Segment segment(String raw) {
        String text = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        int open = text.indexOf('(');
        if (open < 0) {
            return new Segment(text, null, false);
        }
        if (!text.endsWith(")")) {
            throw BcErrors.querySyntax("')' expected in '" + text + "'.");
        }
        String key = text.substring(open + 1, text.length() - 1).trim();
        if (key.startsWith("'") && key.endsWith("'") && key.length() >= 2) {
            key = key.substring(1, key.length() - 1);
        }
        try {
            return new Segment(text.substring(0, open), UUID.fromString(key), true);
        } catch (IllegalArgumentException e) {
            throw BcErrors.querySyntax("'" + key + "' is not a valid GUID key in segment '" + text + "'.");
        }
    }

    private static void requireMethod(String method, String allowed, String resource) {
        if (!method.equals(allowed)) {
            throw BcErrors.methodNotAllowed(method, resource);
        }
    }

    private ObjectNode object(byte[] body) {
        if (body.length == 0) {
            throw BcErrors.badRequest("The request body is empty; a JSON object is expected.");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw BcErrors.badRequest("The request body is not valid JSON: " + e.getMessage());
        }
        throw BcErrors.badRequest("The request body must be a JSON object.");
    }

    // ---- the token endpoint ----

    private void serveToken(HttpExchange exchange, String tenant, byte[] body) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new TokenService.TokenError(400, "invalid_request", 900561, "The endpoint only accepts POST"
                    + " requests. Received a " + exchange.getRequestMethod() + " request.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        ObjectNode token = tokens.issue(tenant, form, exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
        send(exchange, 200, mapper.writeValueAsBytes(token), JSON);
    }

    private void sendTokenError(HttpExchange exchange, TokenService.TokenError error) {
        ObjectNode body = mapper.createObjectNode();
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        String timestamp = Instant.now().toString().replace('T', ' ');
        body.put("error", error.error);
        body.put("error_description", error.getMessage() + " Trace ID: " + traceId + " Correlation ID: "
                + correlationId + " Timestamp: " + timestamp);
        body.putArray("error_codes").add(error.aadsts);
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + error.aadsts);
        try {
            send(exchange, error.status, mapper.writeValueAsBytes(body), JSON);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not send the token error", e);
        }
    }

    // ---- plumbing ----

    private static String[] segments(String rawPath) {
        String trimmed = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
    }

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
            throw BcErrors.injected(failure.status(), failure.retryAfterSeconds());
        }
    }

    private String authority(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? defaultAuthority.get() : host;
    }

    private void sendJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        send(exchange, status, json, ODATA_JSON);
    }

    private void sendError(HttpExchange exchange, BcException error) {
        try {
            error.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            ObjectNode body = mapper.createObjectNode();
            ObjectNode inner = body.putObject("error");
            inner.put("code", error.code());
            inner.put("message", BcErrors.withCorrelation(error.getMessage()));
            send(exchange, error.status(), mapper.writeValueAsBytes(body), JSON);
        } catch (IOException e) {
            LOG.debug("Could not send the error response", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.debug("The response had already started when an error occurred", e);
        }
    }

    static void send(HttpExchange exchange, int status, byte[] body, String contentType) throws IOException {
        exchange.getResponseHeaders().set("OData-Version", "4.0");
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
