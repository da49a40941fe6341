package dev.millwright.component.maximo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import dev.millwright.core.paging.PageIterator;

/**
 * Maximo's REST/OSLC JSON protocol for one object structure: lean reads filtered and ordered on the change
 * attribute, following {@code responseInfo.nextPage.href} (relative or absolute); writes with {@code properties}
 * and {@code transactionid} headers, updates as {@code POST} with {@code x-method-override: PATCH}, and
 * {@code If-Match} with the rowstamp when the version is known.
 */
final class MaximoClient implements SourceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MaximoConfiguration configuration;
    private final String objectStructure;
    private final SourceHttpClient http;
    private final URI contextRoot;
    private final String collectionPath;
    private final RecordIdentity identity;
    private final String[] authHeader;

    MaximoClient(MaximoConfiguration configuration, String objectStructure, SourceHttpClient http) {
        this.configuration = configuration;
        this.objectStructure = objectStructure;
        this.http = http;
        String base = configuration.getBaseUrl().endsWith("/") ? configuration.getBaseUrl()
                : configuration.getBaseUrl() + "/";
        this.contextRoot = URI.create(base);
        this.collectionPath = configuration.getApiRoute() + "/os/" + objectStructure.toLowerCase();
        this.identity = new MaximoRecordIdentity(configuration.getModifiedAttribute());
        this.authHeader = authHeader(configuration);
    }

    private static String[] authHeader(MaximoConfiguration configuration) {
        if (configuration.getApiKey() != null && !configuration.getApiKey().isBlank()) {
            return new String[] {"apikey", configuration.getApiKey()};
        }
        String credentials = configuration.getUser() + ":" + configuration.getPassword();
        return new String[] {"maxauth", Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))};
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        URI first = contextRoot.resolve(collectionPath + "?" + MaximoQuery.changesSince(configuration, from, pageSize));
        return new PageIterator<>(next -> fetchPage(next == null ? first : follow(next), context));
    }

    /** Health check: one record of the collection, one attribute of it, no filter or ordering. */
    @Override
    public void checkConnection(ErrorContext context) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("lean", "1");
        parameters.put("oslc.select", configuration.getModifiedAttribute());
        parameters.put("oslc.pageSize", "1");
        fetchPage(contextRoot.resolve(collectionPath + "?" + MaximoQuery.encode(parameters)), context);
    }

    /** Resolves a next-page href: relative ones against the context root; absolute ones keep only path and query,
     *  since Maximo behind a proxy often answers with its internal host name. */
    URI follow(String href) {
        URI next = URI.create(href);
        if (!next.isAbsolute()) {
            return contextRoot.resolve(href);
        }
        String pathAndQuery = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        return contextRoot.resolve(pathAndQuery);
    }

    private Page<ObjectNode> fetchPage(URI uri, ErrorContext context) {
        SourceResponse response = http.send(request(uri).GET(), true, context);
        JsonNode page;
        try {
            page = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the page " + describe(uri) + " is not valid JSON: "
                    + e.getMessage(), context, e);
        }
        JsonNode members = page == null ? null : page.get("member");
        if (members == null || !members.isArray()) {
            throw new MalformedResponseException("the page " + describe(uri) + " has no member array", context,
                    null);
        }
        List<ObjectNode> records = new ArrayList<>(members.size());
        for (JsonNode member : members) {
            if (!(member instanceof ObjectNode record)) {
                throw new MalformedResponseException("the page " + describe(uri) + " holds a member that is not an"
                        + " object: " + member, context, null);
            }
            records.add(record);
        }
        JsonNode next = page.path("responseInfo").path("nextPage").get("href");
        return new Page<>(records, next == null || next.isNull() ? null : next.asText());
    }

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        SourceResponse response = http.send(request(member(remoteId, "")).GET(), true, context);
        return object(response, context);
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        HttpRequest.Builder post = request(contextRoot.resolve(collectionPath + "?lean=1"))
                .header("Content-Type", "application/json")
                .header("properties", "*")
                .header("transactionid", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(record.toString()));
        SourceResponse response = http.send(post, true, context);
        ObjectNode created = response.body().length == 0 ? null : object(response, context);
        String remoteId = response.header("Location").map(MaximoRecordIdentity::resourceId)
                .orElseGet(() -> created == null ? null : identity.remoteId(created));
        if (remoteId == null) {
            throw new MalformedResponseException("Maximo created a record but named it neither in Location nor in"
                    + " the body", context, null);
        }
        return new WriteResult(remoteId, created == null ? null : identity.version(created), created);
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        HttpRequest.Builder post = request(member(remoteId, "?lean=1"))
                .header("Content-Type", "application/json")
                .header("x-method-override", "PATCH")
                .header("patchtype", "MERGE")
                .header("properties", "*")
                .header("transactionid", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(changes.toString()));
        ifMatch(post, expectedVersion);
        SourceResponse response = http.send(post, true, context);
        ObjectNode updated = response.body().length == 0 ? null : object(response, context);
        return new WriteResult(remoteId, updated == null ? null : identity.version(updated), updated);
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        HttpRequest.Builder delete = request(member(remoteId, "")).DELETE();
        ifMatch(delete, expectedVersion);
        http.send(delete, true, context);
    }

    private static void ifMatch(HttpRequest.Builder request, String version) {
        if (version != null && !version.isBlank()) {
            request.header("If-Match", version);
        }
    }

    private URI member(String remoteId, String query) {
        if (remoteId.contains("/") || remoteId.contains("?")) {
            throw new IllegalArgumentException("'" + remoteId + "' is not a Maximo resource id");
        }
        return contextRoot.resolve(collectionPath + "/" + remoteId + query);
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header(authHeader[0], authHeader[1]);
    }

    private ObjectNode object(SourceResponse response, ErrorContext context) {
        try {
            if (JSON.readTree(response.body()) instanceof ObjectNode record) {
                return record;
            }
        } catch (IOException e) {
            throw new MalformedResponseException("Maximo answered " + describe(response.uri())
                    + " with invalid JSON: " + e.getMessage(), context, e);
        }
        throw new MalformedResponseException("Maximo answered " + describe(response.uri())
                + " with something other than a JSON object", context, null);
    }

    private String describe(URI uri) {
        return objectStructure + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
