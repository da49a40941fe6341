package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.millwright.simulators.common.PageListener;
import dev.millwright.simulators.common.RecordedRequest;
import dev.millwright.simulators.common.RequestLog;
import dev.millwright.simulators.common.SimulatorFaults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.function.Supplier;

/**
 * Serves the OData V2 services under {@code /sap/opu/odata/sap/<SERVICE>/}: collections with {@code $filter},
 * {@code $orderby}, {@code $top}, {@code $skip}, {@code $select}, {@code $expand}, {@code $inlinecount} and
 * server-driven paging ({@code __next} with {@code $skiptoken}); single entities by key predicate and their
 * navigation properties; creates, updates (PATCH, MERGE, or POST with {@code X-HTTP-Method}) and deletes with
 * CSRF tokens and ETags. Every request is logged, then delayed or failed as the faults say, then authenticated.
 */
final class SapApiHandler implements HttpHandler {
    static final String CONTEXT = "/sap/opu/odata/sap/";
    private static final Logger LOG = LoggerFactory.getLogger(SapApiHandler.class);
    private static final Set<String> QUERY_OPTIONS = Set.of("$filter", "$orderby", "$top", "$skip", "$skiptoken",
            "$inlinecount", "$select", "$expand", "$format");

    private final SapService service;
    private final ODataJson writer;
    private final ObjectMapper mapper;
    private final SapAuthenticator authenticator;
    private final CsrfSessions csrf;
    private final SimulatorFaults faults;
    private final RequestLog requestLog;
    private final List<PageListener> pageListeners;
    private final int serverPageSize;
    private final Supplier<String> defaultAuthority;

    SapApiHandler(SapService service, ODataJson writer, ObjectMapper mapper, SapAuthenticator authenticator,
                  CsrfSessions csrf, SimulatorFaults faults, RequestLog requestLog, List<PageListener> pageListeners,
                  int serverPageSize, Supplier<String> defaultAuthority) {
        this.service = service;
        this.writer = writer;
        this.mapper = mapper;
        this.authenticator = authenticator;
        this.csrf = csrf;
        this.faults = faults;
        this.requestLog = requestLog;
        this.pageListeners = pageListeners;
        this.serverPageSize = serverPageSize;
        this.defaultAuthority = defaultAuthority;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (SapException e) {
            sendError(exchange, mapper, e);
        } catch (Exception e) {
            LOG.error("S/4HANA simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, mapper, SapErrors.internal(e));
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        QueryParams params;
        SapException badQuery = null;
        try {
            params = QueryParams.parse(rawQuery);
        } catch (SapException e) {
            params = QueryParams.parse(null);
            badQuery = e;
        }
        record(exchange, rawQuery, params, body);
        injectFaults(exchange);
        String user = authenticator.authenticate(exchange.getRequestHeaders());
        if (badQuery != null) {
            throw badQuery;
        }
        String method = method(exchange);
        if (method.equals("GET") && "Fetch".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-CSRF-Token"))) {
            csrf.fetch(exchange);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            csrf.check(exchange);
        }

        String path = exchange.getRequestURI().getRawPath().substring(CONTEXT.length());
        int slash = path.indexOf('/');
        String serviceName = decode(slash < 0 ? path : path.substring(0, slash)).toUpperCase(Locale.ROOT);
        Map<String, EntitySetDef> sets = SapCatalog.SERVICES.get(serviceName);
        if (sets == null) {
            throw SapErrors.unknownService(serviceName);
        }
        String serviceRoot = "http://" + authority(exchange) + CONTEXT + serviceName;
        String resource = slash < 0 ? "" : path.substring(slash + 1);
        if (resource.isEmpty()) {
            serviceDocument(exchange, sets, method);
            return;
        }
        List<String> segments = new ArrayList<>(Arrays.asList(resource.split("/")));
        Segment first = Segment.parse(decode(segments.get(0)));
        EntitySetDef set = sets.get(first.name());
        if (set == null) {
            throw SapErrors.notFound(first.name());
        }
        if (first.predicate() == null) {
            if (segments.size() > 1) {
                throw SapErrors.notFound(segments.get(1));
            }
            switch (method) {
                case "GET" -> readCollection(exchange, serviceRoot, set, params, null);
                case "POST" -> create(exchange, serviceRoot, set, params, body, user);
                default -> throw SapErrors.methodNotAllowed(method, "the entity set " + set.name);
            }
            return;
        }
        String key = KeyPredicate.canonical(set, KeyPredicate.parse(set, first.predicate()));
        if (segments.size() == 2) {
            if (!method.equals("GET")) {
                throw SapErrors.methodNotAllowed(method, "a navigation property");
            }
            EntitySetDef.Navigation navigation = set.navigation(decode(segments.get(1)));
            if (navigation == null) {
                throw SapErrors.notFound(segments.get(1));
            }
            Entity parent = service.get(set, key);
            readCollection(exchange, serviceRoot, navigation.target(), params,
                    parent.children.getOrDefault(navigation.name(), List.of()));
            return;
        }
        if (segments.size() > 2) {
            throw SapErrors.notFound(segments.get(2));
        }
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        switch (method) {
            case "GET" -> {
                requireJson(exchange, params);
                Entity entity = service.get(set, key);
                exchange.getResponseHeaders().set("ETag", ODataJson.etag(entity));
                send(exchange, 200, writer.single(serviceRoot, entity, shape(set, params)));
            }
            case "PATCH", "MERGE", "PUT" -> {
                Entity updated = service.update(set, key, parse(body), ifMatch);
                if (set.hasEtag) {
                    exchange.getResponseHeaders().set("ETag", ODataJson.etag(updated));
                }
                send(exchange, 204, null);
            }
            case "DELETE" -> {
                service.delete(set, key, ifMatch);
                send(exchange, 204, null);
            }
            default -> throw SapErrors.methodNotAllowed(method, "an entity of " + set.name);
        }
    }

    /** A path segment: an entity set or navigation name with an optional key predicate in parentheses. */
    private record Segment(String name, String predicate) {
        static Segment parse(String segment) {
            int open = segment.indexOf('(');
            if (open < 0) {
                return new Segment(segment, null);
            }
            if (!segment.endsWith(")")) {
                throw SapErrors.notFound(segment);
            }
            return new Segment(segment.substring(0, open), segment.substring(open + 1, segment.length() - 1));
        }
    }

    private static String method(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String tunneled = exchange.getRequestHeaders().getFirst("X-HTTP-Method");
        if (method.equals("POST") && tunneled != null && !tunneled.isBlank()) {
            return tunneled.trim().toUpperCase(Locale.ROOT);
        }
        return method;
    }

    private void serviceDocument(HttpExchange exchange, Map<String, EntitySetDef> sets, String method)
            throws IOException {
        if (!method.equals("GET")) {
            throw SapErrors.methodNotAllowed(method, "the service document");
        }
        JsonNode document = mapper.createObjectNode().set("d", mapper.createObjectNode()
                .set("EntitySets", mapper.valueToTree(new ArrayList<>(sets.keySet()))));
        send(exchange, 200, mapper.writeValueAsBytes(document));
    }

    private void readCollection(HttpExchange exchange, String serviceRoot, EntitySetDef set, QueryParams params,
                                List<Entity> dependents) throws IOException {
        requireJson(exchange, params);
        for (String name : params.names()) {
            if (name.startsWith("$") && !QUERY_OPTIONS.contains(name)) {
                throw SapErrors.badQuery("System query option '" + name + "' is not supported");
            }
        }
        ODataFilter filter = ODataFilter.parse(params.get("$filter"), set);
        List<EntityStore.Order> orderBy = orderBy(set, params.get("$orderby"));
        int skip = nonNegative(params, "$skip", 0);
        int skipToken = nonNegative(params, "$skiptoken", 0);
        Integer top = params.get("$top") == null ? null : nonNegative(params, "$top", 0);
        int start = skip + skipToken;
        int remaining = top == null ? Integer.MAX_VALUE : Math.max(0, top - skipToken);
        int limit = Math.min(serverPageSize, remaining);

        List<Entity> page;
        boolean more;
        Integer count = null;
        if (dependents == null) {
            EntityStore store = service.store(set);
            List<Entity> fetched = store.query(filter, orderBy, start, limit == Integer.MAX_VALUE ? limit : limit + 1);
            more = fetched.size() > limit && remaining > limit;
            page = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
            if ("allpages".equals(params.get("$inlinecount"))) {
                count = store.count(filter);
            }
        } else {
            List<Entity> matching = dependents.stream().filter(filter::test).toList();
            int from = Math.min(start, matching.size());
            int to = (int) Math.min((long) from + limit, matching.size());
            page = matching.subList(from, to);
            more = to < matching.size() && remaining > limit;
            if ("allpages".equals(params.get("$inlinecount"))) {
                count = matching.size();
            }
        }
        String next = null;
        if (more) {
            String others = params.rawWithout("$skiptoken");
            next = serviceRoot + "/" + set.name + "?" + (others.isEmpty() ? "" : others + "&") + "$skiptoken="
                    + (skipToken + page.size());
        }
        byte[] json = writer.collection(serviceRoot, page, shape(set, params), count, next);
        int pageNumber = skipToken / Math.max(1, serverPageSize) + 1;
        for (PageListener listener : pageListeners) {
            try {
                listener.pageServed(set.name, pageNumber);
            } catch (RuntimeException e) {
                LOG.warn("A page listener failed", e);
            }
        }
        if (faults.takeMalformedPage()) {
            json = Arrays.copyOf(json, json.length / 2); // cut inside the results array: not valid JSON
        }
        send(exchange, 200, json);
    }

    private void create(HttpExchange exchange, String serviceRoot, EntitySetDef set, QueryParams params, byte[] body,
                        String user) throws IOException {
        Entity created = service.create(set, parse(body), user);
        exchange.getResponseHeaders().set("Location", ODataJson.uri(serviceRoot, created));
        if (set.hasEtag) {
            exchange.getResponseHeaders().set("ETag", ODataJson.etag(created));
        }
        Map<String, ODataJson.Shape> expanded = new LinkedHashMap<>();
        for (EntitySetDef.Navigation navigation : set.navigations()) {
            if (!created.children.getOrDefault(navigation.name(), List.of()).isEmpty()) {
                Map<String, ODataJson.Shape> inner = new LinkedHashMap<>();
                for (EntitySetDef.Navigation child : navigation.target().navigations()) {
                    inner.put(child.name(), ODataJson.Shape.ALL);
                }
                expanded.put(navigation.name(), new ODataJson.Shape(null, inner));
            }
        }
        send(exchange, 201, writer.single(serviceRoot, created, new ODataJson.Shape(null, expanded)));
    }

    // ---- query options ----

    private static List<EntityStore.Order> orderBy(EntitySetDef set, String text) {
        List<EntityStore.Order> orders = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return orders;
        }
        for (String item : text.split(",")) {
            String[] words = item.trim().split("\\s+");
            if (set.property(words[0]) == null) {
                throw SapErrors.unknownProperty(set, words[0]);
            }
            boolean descending = words.length > 1 && words[1].equalsIgnoreCase("desc");
            if (words.length > 2 || words.length == 2 && !descending && !words[1].equalsIgnoreCase("asc")) {
                throw SapErrors.badQuery("Invalid $orderby item '" + item.trim() + "'");
            }
            orders.add(new EntityStore.Order(words[0], descending));
        }
        return orders;
    }

    private static ODataJson.Shape shape(EntitySetDef set, QueryParams params) {
        Map<String, ODataJson.Shape> expand = new LinkedHashMap<>();
        String expandText = params.get("$expand");
        if (expandText != null && !expandText.isBlank()) {
            for (String path : expandText.split(",")) {
                addExpand(set, expand, path.trim().split("/"), 0);
            }
        }
        Set<String> select = null;
        String selectText = params.get("$select");
        if (selectText != null && !selectText.isBlank() && !selectText.trim().equals("*")) {
            select = new HashSet<>();
            for (String item : selectText.split(",")) {
                String name = item.trim().split("/")[0];
                if (set.property(name) == null && set.navigation(name) == null) {
                    throw SapErrors.unknownProperty(set, name);
                }
                select.add(name);
            }
        }
        return new ODataJson.Shape(select == null ? null : Collections.unmodifiableSet(select), expand);
    }

    private static void addExpand(EntitySetDef set, Map<String, ODataJson.Shape> expand, String[] path, int index) {
        EntitySetDef.Navigation navigation = set.navigation(path[index]);
        if (navigation == null) {
            throw SapErrors.badQuery("Navigation property '" + path[index] + "' not found in type '"
                    + set.qualifiedType() + "'");
        }
        ODataJson.Shape shape = expand.computeIfAbsent(navigation.name(),
                n -> new ODataJson.Shape(null, new LinkedHashMap<>()));
        if (index + 1 < path.length) {
            addExpand(navigation.target(), shape.expand(), path, index + 1);
        }
    }

    private static int nonNegative(QueryParams params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw SapErrors.badQuery("Invalid value '" + value + "' of " + name);
        }
    }

    private static void requireJson(HttpExchange exchange, QueryParams params) {
        String format = params.get("$format");
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (!"json".equals(format) && (accept == null || !accept.contains("json"))) {
            throw SapErrors.notAcceptable();
        }
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw SapErrors.invalidBody("the body is empty, a JSON object is expected");
        }
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw SapErrors.invalidBody(e.getMessage().split("\n")[0]);
        }
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
            throw SapErrors.injected(failure.status());
        }
    }

    private String authority(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        return host == null || host.isBlank() ? defaultAuthority.get() : host;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static void sendError(HttpExchange exchange, ObjectMapper mapper, SapException error) {
        try {
            error.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = SapErrors.body(mapper.getFactory(), error);
            exchange.getResponseHeaders().set("Content-Type", error.plainText ? "text/plain;charset=utf-8"
                    : "application/json;charset=utf-8");
            exchange.sendResponseHeaders(error.status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Could not send the error response", e);
        }
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("dataserviceversion", "2.0");
        if (body == null || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
