package dev.millwright.component.s4hana;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.WriteResult;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageFetcher;
import dev.millwright.core.paging.PageIterator;

/**
 * SAP S/4HANA's OData V2 protocol for one entity set.
 *
 * <p>Reads: {@code $filter=<change> ge datetimeoffset'..'} ordered by the change time and the key, in windows of
 * {@code $top=pageSize}, each following SAP's server-driven {@code __next} links ({@code $skiptoken}); the next
 * window starts at the last change time read (keyset paging, skipping what was read at that time), so records
 * changed during a read move behind the cursor instead of shifting unread ones out of reach. Entity sets without
 * a change time are read whole in {@code $skip} windows, each record stamped with its read time.
 *
 * <p>Writes: a CSRF token fetched with {@code X-CSRF-Token: Fetch} (its session cookie kept), sent on every
 * write and fetched again once when SAP answers {@code 403 X-CSRF-Token: Required}; {@code If-Match} with the
 * ETag on update and delete; a 401 with an OAuth token fetches a new token once.
 */
final class S4HanaClient implements SourceClient {

    private static final Logger LOG = LoggerFactory.getLogger(S4HanaClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final S4HanaConfiguration configuration;
    private final S4HanaCollection collection;
    private final SourceHttpClient http;
    private final S4HanaAuthentication authentication;
    private final Clock clock;
    private final String serviceRoot;
    private final S4HanaRecordIdentity identity;
    private volatile String csrfToken;

    S4HanaClient(S4HanaConfiguration configuration, S4HanaCollection collection, SourceHttpClient http,
            S4HanaAuthentication authentication, Clock clock) {
        this.configuration = configuration;
        this.collection = collection;
        this.http = http;
        this.authentication = authentication;
        this.clock = clock;
        String base = configuration.getBaseUrl().trim();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.serviceRoot = base + "/sap/opu/odata/sap/" + collection.service();
        this.identity = new S4HanaRecordIdentity(collection.keys(), collection.modifiedField());
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public boolean ordersByModifiedTime() {
        return !collection.fullReads();
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        int window = Math.max(1, pageSize);
        PageFetcher<ObjectNode> reader = collection.fullReads() ? new FullReader(window, context)
                : new ChangeReader(from, window, context);
        return new PageIterator<>(reader);
    }

    // ---- reads ----

    /** Windows ordered by change time and key, each starting where the previous one ended. */
    private final class ChangeReader implements PageFetcher<ObjectNode> {
        private final ErrorContext context;
        private int top;
        private Instant windowFrom;
        private Instant lastTime;
        private final Set<String> readAtLastTime = new HashSet<>();
        private int receivedInWindow;
        private int newInWindow;
        private int windows;

        ChangeReader(Instant from, int pageSize, ErrorContext context) {
            this.windowFrom = from;
            this.top = pageSize;
            this.context = context;
        }

        @Override
        public Page<ObjectNode> fetch(String next) {
            URI uri;
            if (next == null || next.startsWith("window:")) {
                receivedInWindow = 0;
                newInWindow = 0;
                uri = collectionUri(windowQuery(windows++ == 0));
            } else {
                uri = follow(next);
            }
            JsonPage page = fetchPage(uri, context);
            receivedInWindow += page.records().size();
            List<ObjectNode> fresh = new ArrayList<>(page.records().size());
            for (ObjectNode record : page.records()) {
                Instant changed = identity.modifiedAt(record);
                String id = identity.remoteId(record);
                if (changed != null && changed.equals(lastTime) && readAtLastTime.contains(id)) {
                    continue; // read by the previous window at the same change time
                }
                if (changed != null) {
                    if (lastTime == null || changed.isAfter(lastTime)) {
                        lastTime = changed;
                        readAtLastTime.clear();
                    }
                    if (changed.equals(lastTime)) {
                        readAtLastTime.add(id);
                    }
                }
                fresh.add(record);
            }
            newInWindow += fresh.size();
            if (page.next() != null) {
                return new Page<>(fresh, page.next());
            }
            if (receivedInWindow < top) {
                return Page.last(fresh);
            }
            if (newInWindow == 0) {
                top *= 2; // a whole window of records sharing one change time: widen the window to pass them
            }
            if (lastTime != null) {
                windowFrom = lastTime;
            }
            return new Page<>(fresh, "window:" + windows);
        }

        private Map<String, String> windowQuery(boolean first) {
            Map<String, String> query = new LinkedHashMap<>();
            String change = collection.modifiedField() + " ge "
                    + ODataDates.literal(windowFrom, collection.modifiedFieldIsOffset());
            query.put("$filter", given(configuration.getFilter())
                    ? change + " and (" + configuration.getFilter().trim() + ")" : change);
            List<String> order = new ArrayList<>();
            order.add(collection.modifiedField() + " asc");
            collection.keys().forEach(key -> order.add(key + " asc"));
            query.put("$orderby", String.join(",", order));
            query.put("$top", Integer.toString(top));
            if (first) {
                query.put("$inlinecount", "allpages");
            }
            return readOptions(query);
        }
    }

    /** The whole entity set in windows of $skip/$top, each following __next, every record stamped with its read time. */
    private final class FullReader implements PageFetcher<ObjectNode> {
        private final int top;
        private final ErrorContext context;
        private int skip;
        private int receivedInWindow;
        private int windows;

        FullReader(int pageSize, ErrorContext context) {
            this.top = pageSize;
            this.context = context;
        }

        @Override
        public Page<ObjectNode> fetch(String next) {
            URI uri;
            if (next == null || next.startsWith("window:")) {
                receivedInWindow = 0;
                Map<String, String> query = new LinkedHashMap<>();
                if (given(configuration.getFilter())) {
                    query.put("$filter", configuration.getFilter().trim());
                }
                if (!collection.keys().isEmpty()) {
                    query.put("$orderby", collection.keys().stream().map(k -> k + " asc").collect(Collectors.joining(",")));
                }
                query.put("$top", Integer.toString(top));
                if (skip > 0) {
                    query.put("$skip", Integer.toString(skip));
                }
                if (windows++ == 0) {
                    query.put("$inlinecount", "allpages");
                }
                uri = collectionUri(readOptions(query));
            } else {
                uri = follow(next);
            }
            JsonPage page = fetchPage(uri, context);
            receivedInWindow += page.records().size();
            if (page.next() != null) {
                return new Page<>(page.records(), page.next());
            }
            if (receivedInWindow < top) {
                return Page.last(page.records());
            }
            skip += receivedInWindow;
            return new Page<>(page.records(), "window:" + windows);
        }
    }

    private Map<String, String> readOptions(Map<String, String> query) {
        if (given(configuration.getSelect())) {
            query.put("$select", configuration.getSelect().trim());
        }
        if (collection.expand() != null) {
            query.put("$expand", collection.expand());
        }
        query.put("$format", "json");
        return query;
    }

    private record JsonPage(List<ObjectNode> records, String next) {
    }

    private JsonPage fetchPage(URI uri, ErrorContext context) {
        SourceResponse response = execute(() -> request(uri).GET(), true, false, context);
        Instant readAt = clock.instant();
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the page " + describe(uri) + " is not valid JSON: " + e.getMessage(),
                    context, e);
        }
        JsonNode d = root == null ? null : root.get("d");
        JsonNode results = d == null ? null : d.isArray() ? d : d.get("results");
        if (results == null || !results.isArray()) {
            throw new MalformedResponseException("the page " + describe(uri) + " has no d.results array", context, null);
        }
        if (d.has("__count")) {
            LOG.debug("{} matches {} records", describe(uri), d.get("__count").asText());
        }
        List<ObjectNode> records = new ArrayList<>(results.size());
        for (JsonNode result : results) {
            if (!(result instanceof ObjectNode record)) {
                throw new MalformedResponseException("the page " + describe(uri) + " holds a result that is not an"
                        + " object: " + result, context, null);
            }
            records.add(S4HanaAnnotations.annotate(record, collection.fullReads(), readAt));
        }
        JsonNode next = d.isObject() ? d.get("__next") : null;
        return new JsonPage(records, next == null || next.isNull() ? null : next.asText());
    }

    /** A server-driven next link: absolute ones keep only path and query (SAP may name its internal host). */
    private URI follow(String next) {
        URI link = URI.create(next);
        URI root = URI.create(serviceRoot);
        if (!link.isAbsolute()) {
            return root.resolve(next);
        }
        return root.resolve(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    // ---- single records and writes ----

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        Map<String, String> query = new LinkedHashMap<>();
        if (collection.expand() != null) {
            query.put("$expand", collection.expand());
        }
        query.put("$format", "json");
        URI uri = withQuery(entityUri(remoteId), query);
        SourceResponse response = execute(() -> request(uri).GET(), true, false, context);
        ObjectNode record = entity(response, context);
        if (record.path("__metadata").get("etag") == null && response.header("ETag").isPresent()) {
            ((ObjectNode) record.with("__metadata")).put("etag", response.header("ETag").get());
        }
        return S4HanaAnnotations.annotate(record, collection.fullReads(), clock.instant());
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        URI uri = withQuery(URI.create(serviceRoot + "/" + collection.entitySet()), Map.of());
        String body = record.toString();
        SourceResponse response = execute(() -> request(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false, true, context);
        ObjectNode created = S4HanaAnnotations.annotate(entity(response, context), collection.fullReads(),
                clock.instant());
        String remoteId = identity.remoteId(created);
        if (remoteId == null) {
            throw new MalformedResponseException("SAP created a " + collection.entitySet() + " but its answer names"
                    + " no key", context, null);
        }
        String version = response.header("ETag").orElse(identity.version(created));
        return new WriteResult(remoteId, version, created);
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        URI uri = withQuery(entityUri(remoteId), Map.of());
        String body = changes.toString();
        String method = "MERGE".equalsIgnoreCase(configuration.getUpdateMethod()) ? "MERGE" : "PATCH";
        execute(() -> ifMatch(request(uri).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)), expectedVersion), false, true, context);
        // SAP answers 204 without the entity: read it back for its new version and values
        ObjectNode updated = get(remoteId, context);
        return new WriteResult(remoteId, identity.version(updated), updated);
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        URI uri = withQuery(entityUri(remoteId), Map.of());
        execute(() -> ifMatch(request(uri).DELETE(), expectedVersion), true, true, context);
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder request, String version) {
        if (version != null && !version.isBlank()) {
            request.header("If-Match", version);
        }
        return request;
    }

    /**
     * Sends a request with authentication (and a CSRF token for writes): fetches a new OAuth token once after a 401,
     * and a new CSRF token once after {@code 403 X-CSRF-Token: Required}.
     */
    private SourceResponse execute(Supplier<HttpRequest.Builder> request, boolean idempotent, boolean write,
            ErrorContext context) {
        boolean renewedAuthentication = false;
        boolean renewedCsrf = false;
        while (true) {
            HttpRequest.Builder builder = request.get();
            builder.header("Authorization", authentication.authorization(context));
            if (write) {
                String token = csrfToken(context);
                if (!token.isEmpty()) {
                    builder.header("X-CSRF-Token", token);
                }
            }
            try {
                return http.send(builder, idempotent, context);
            } catch (S4HanaErrorDecoder.CsrfTokenRequiredException e) {
                csrfToken = null;
                if (renewedCsrf) {
                    throw e;
                }
                renewedCsrf = true;
            } catch (S4HanaErrorDecoder.RejectedCredentialsException e) {
                if (renewedAuthentication || !authentication.renewAfterRejection()) {
                    throw e;
                }
                renewedAuthentication = true;
                csrfToken = null;
            }
        }
    }

    /** The cached CSRF token, fetched with a GET of the service document when there is none ("" when SAP sends none). */
    private String csrfToken(ErrorContext context) {
        String token = csrfToken;
        if (token != null) {
            return token;
        }
        synchronized (this) {
            if (csrfToken == null) {
                URI uri = withQuery(URI.create(serviceRoot + "/"), Map.of());
                SourceResponse response = http.send(request(uri).header("X-CSRF-Token", "Fetch")
                        .header("Authorization", authentication.authorization(context)).GET(), true, context);
                csrfToken = response.header("x-csrf-token").orElse("");
            }
            return csrfToken;
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "application/json");
    }

    /** The URI of one entity: a key value becomes {@code EntitySet('value')}, an entity path is used as SAP wrote it. */
    private URI entityUri(String remoteId) {
        if (remoteId.contains("/") || remoteId.contains("?") || remoteId.contains("#")) {
            throw new IllegalArgumentException("'" + remoteId + "' is not an S/4HANA key or entity path");
        }
        if (remoteId.contains("(") && remoteId.endsWith(")")) {
            return URI.create(serviceRoot + "/" + remoteId);
        }
        String literal = "'" + remoteId.replace("'", "''") + "'";
        return URI.create(serviceRoot + "/" + collection.entitySet() + "(" + encode(literal) + ")");
    }

    private URI collectionUri(Map<String, String> query) {
        return withQuery(URI.create(serviceRoot + "/" + collection.entitySet()), query);
    }

    private URI withQuery(URI uri, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>(query);
        if (given(configuration.getSapClient())) {
            all.put("sap-client", configuration.getSapClient().trim());
        }
        if (all.isEmpty()) {
            return uri;
        }
        String text = all.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(uri + "?" + text);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("%27", "'")
                .replace("%28", "(").replace("%29", ")").replace("%2C", ",");
    }

    private ObjectNode entity(SourceResponse response, ErrorContext context) {
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode d = root == null ? null : root.get("d");
            if (d instanceof ObjectNode record) {
                return record;
            }
        } catch (IOException e) {
            throw new MalformedResponseException("SAP answered " + describe(response.uri()) + " with invalid JSON: "
                    + e.getMessage(), context, e);
        }
        throw new MalformedResponseException("SAP answered " + describe(response.uri()) + " without an entity in d",
                context, null);
    }

    private String describe(URI uri) {
        return collection.service() + "/" + collection.entitySet() + " " + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }
}
