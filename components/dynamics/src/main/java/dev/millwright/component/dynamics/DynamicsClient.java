package dev.millwright.component.dynamics;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.WriteResult;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageIterator;

/**
 * Business Central's API v2.0 (OData v4) for one entity set of one company: incremental reads filtered and ordered
 * on lastModifiedDateTime with {@code Prefer: odata.maxpagesize}, following {@code @odata.nextLink}; writes as
 * POST (deep insert of purchase order lines), PATCH and DELETE with {@code If-Match} (the ETag, or {@code *} when
 * none is known, since BC requires one on PATCH). Every request carries an Entra ID bearer token; a 401 answered
 * to a cached token fetches a new one and retries once. The company given by name is looked up once.
 */
final class DynamicsClient implements SourceClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamicsConfiguration configuration;
    private final String entitySet;
    private final SourceHttpClient http;
    private final EntraTokenProvider tokens;
    private final URI base;
    private final String apiRoot;
    private final RecordIdentity identity;
    private volatile String companyId;
    private volatile String localCurrency;

    DynamicsClient(DynamicsConfiguration configuration, String entitySet, SourceHttpClient http,
                   EntraTokenProvider tokens) {
        this.configuration = configuration;
        this.entitySet = entitySet;
        this.http = http;
        this.tokens = tokens;
        String baseUrl = configuration.getBaseUrl().endsWith("/") ? configuration.getBaseUrl()
                : configuration.getBaseUrl() + "/";
        this.base = URI.create(baseUrl);
        this.apiRoot = "v2.0/" + segment(configuration.getTenantId()) + "/" + segment(configuration.getEnvironment())
                + "/api/" + configuration.getApiPath().replaceAll("^/+|/+$", "") + "/";
        this.identity = new DynamicsRecordIdentity(configuration.getModifiedProperty());
        this.companyId = configuration.getCompanyId() == null || configuration.getCompanyId().isBlank() ? null
                : configuration.getCompanyId().trim();
        this.localCurrency = configuration.getLocalCurrency() == null || configuration.getLocalCurrency().isBlank()
                ? null : configuration.getLocalCurrency().trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public boolean ordersByModifiedTime() {
        return configuration.isOrderByModifiedTime();
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        return new PageIterator<>(next -> fetchPage(next == null ? firstPage(from, context) : follow(next), pageSize,
                context));
    }

    private URI firstPage(Instant from, ErrorContext context) {
        return collection(context, "?" + DynamicsQuery.changesSince(configuration, entitySet, from));
    }

    /**
     * Resolves a next link: only its path and query are used, on the configured host, so that the bearer token
     * never goes to another host than the one configured.
     */
    URI follow(String nextLink) {
        URI next = URI.create(nextLink);
        String pathAndQuery = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
        return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }

    private Page<ObjectNode> fetchPage(URI uri, int pageSize, ErrorContext context) {
        SourceResponse response = send(token -> request(uri, token)
                .header("Prefer", "odata.maxpagesize=" + Math.max(1, pageSize))
                .header("Data-Access-Intent", "ReadOnly")
                .GET(), true, context);
        JsonNode page;
        try {
            page = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException("the page " + describe(uri) + " is not valid JSON: "
                    + e.getMessage(), context, e);
        }
        JsonNode values = page == null ? null : page.get("value");
        if (values == null || !values.isArray()) {
            throw new MalformedResponseException("the page " + describe(uri) + " has no value array", context, null);
        }
        List<ObjectNode> records = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (!(value instanceof ObjectNode record)) {
                throw new MalformedResponseException("the page " + describe(uri) + " holds a value that is not an"
                        + " object: " + value, context, null);
            }
            DynamicsRecordAnnotations.annotate(entitySet, record, () -> localCurrency(context));
            records.add(record);
        }
        JsonNode next = page.get("@odata.nextLink");
        return new Page<>(records, next == null || next.isNull() ? null : next.asText());
    }

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        URI uri = member(remoteId, expandLines() ? "?$expand=" + DynamicsEntitySets.PURCHASE_ORDER_LINES : "",
                context);
        ObjectNode record = object(send(token -> request(uri, token).GET(), true, context), context);
        DynamicsRecordAnnotations.annotate(entitySet, record, () -> localCurrency(context));
        return record;
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        ObjectNode body = DynamicsWriteBody.forCreate(entitySet, record, () -> localCurrency(context));
        boolean withLines = entitySet.equals(DynamicsEntitySets.PURCHASE_ORDERS) && DynamicsWriteBody.hasLines(body);
        URI uri = collection(context, withLines ? "?$expand=" + DynamicsEntitySets.PURCHASE_ORDER_LINES : "");
        // BC did not process a refused POST (429/503), so only those answers are retried, never a lost one
        SourceResponse response = send(token -> request(uri, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), false, context);
        ObjectNode created = object(response, context);
        DynamicsRecordAnnotations.annotate(entitySet, created, () -> localCurrency(context));
        String remoteId = identity.remoteId(created);
        if (remoteId == null) {
            throw new MalformedResponseException("Business Central created a record in " + entitySet
                    + " but answered without its id", context, null);
        }
        return new WriteResult(remoteId, identity.version(created), created);
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        ObjectNode body = DynamicsWriteBody.forUpdate(entitySet, changes, () -> localCurrency(context), context);
        URI uri = member(remoteId, "", context);
        SourceResponse response = send(token -> request(uri, token)
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch(expectedVersion))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString())), true, context);
        ObjectNode updated = object(response, context);
        DynamicsRecordAnnotations.annotate(entitySet, updated, () -> localCurrency(context));
        return new WriteResult(remoteId, identity.version(updated), updated);
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        URI uri = member(remoteId, "", context);
        send(token -> request(uri, token).header("If-Match", ifMatch(expectedVersion)).DELETE(), true, context);
    }

    /** The version to guard a write with; {@code *} (any version) when the caller knows none. */
    private static String ifMatch(String expectedVersion) {
        return expectedVersion == null || expectedVersion.isBlank() ? "*" : expectedVersion;
    }

    private boolean expandLines() {
        return DynamicsQuery.expandsLines(configuration, entitySet);
    }

    /**
     * Sends a request with a bearer token. When Business Central refuses a token that came from the cache (revoked
     * or expired early), a new token is fetched and the request sent once more.
     */
    private SourceResponse send(Function<String, HttpRequest.Builder> request, boolean idempotent,
                                ErrorContext context) {
        EntraTokenProvider.AccessToken token = tokens.token(context);
        try {
            return http.send(request.apply(token.value()), idempotent, context);
        } catch (AccessTokenRejectedException rejected) {
            if (token.fresh()) {
                throw new AuthenticationRequiredException(rejected.detail(), rejected.context());
            }
            tokens.invalidate(token);
            try {
                return http.send(request.apply(tokens.token(context).value()), idempotent, context);
            } catch (AccessTokenRejectedException again) {
                throw new AuthenticationRequiredException(again.detail(), again.context());
            }
        }
    }

    private HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private URI collection(ErrorContext context, String query) {
        return base.resolve(apiRoot + "companies(" + companyId(context) + ")/" + segment(entitySet) + query);
    }

    private URI member(String remoteId, String query, ErrorContext context) {
        String id = guid(remoteId, context);
        return base.resolve(apiRoot + "companies(" + companyId(context) + ")/" + segment(entitySet) + "(" + id + ")"
                + query);
    }

    /** Ids are GUIDs; anything else would change the request path. */
    private static String guid(String remoteId, ErrorContext context) {
        try {
            UUID id = UUID.fromString(remoteId.trim());
            if (id.toString().equalsIgnoreCase(remoteId.trim())) {
                return id.toString();
            }
        } catch (IllegalArgumentException notAGuid) {
            // refused below
        }
        throw new ValidationFailedException("'" + remoteId + "' is not a Business Central id (a GUID such as"
                + " 5d115c9c-44e3-ea11-bb43-000d3a2feca1)", List.of(new FieldError(SourceHeaders.REMOTE_ID,
                "not a GUID")), context);
    }

    /** The company's id: the configured one, or the one named companyName, looked up once. */
    private String companyId(ErrorContext context) {
        String known = companyId;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (companyId == null) {
                companyId = lookUpCompany(context);
            }
            return companyId;
        }
    }

    private String lookUpCompany(ErrorContext context) {
        String name = configuration.getCompanyName();
        URI uri = base.resolve(apiRoot + "companies");
        JsonNode companies = object(send(token -> request(uri, token).GET(), true, context), context).path("value");
        List<String> names = new ArrayList<>();
        JsonNode caseInsensitive = null;
        for (JsonNode company : companies) {
            String candidate = company.path("name").asText();
            names.add(candidate);
            if (candidate.equals(name)) {
                return company.path("id").asText();
            }
            if (candidate.equalsIgnoreCase(name) || company.path("displayName").asText().equalsIgnoreCase(name)) {
                caseInsensitive = company;
            }
        }
        if (caseInsensitive != null) {
            return caseInsensitive.path("id").asText();
        }
        throw new NotFoundException("[Internal_CompanyNotFound] no company named '" + name + "' in environment '"
                + configuration.getEnvironment() + "' of tenant '" + configuration.getTenantId() + "'; its companies: "
                + String.join(", ", names), context);
    }

    /** The company's local currency: the configured one, or companyInformation's currencyCode, read once. */
    private String localCurrency(ErrorContext context) {
        String known = localCurrency;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (localCurrency == null) {
                URI uri = base.resolve(apiRoot + "companies(" + companyId(context) + ")/companyInformation");
                JsonNode information = object(send(token -> request(uri, token).GET(), true, context), context)
                        .path("value").path(0);
                String code = information.path("currencyCode").asText("");
                localCurrency = code.isBlank() ? "" : code.toUpperCase(Locale.ROOT);
            }
            return localCurrency;
        }
    }

    private ObjectNode object(SourceResponse response, ErrorContext context) {
        try {
            if (JSON.readTree(response.body()) instanceof ObjectNode record) {
                return record;
            }
        } catch (IOException e) {
            throw new MalformedResponseException("Business Central answered " + describe(response.uri())
                    + " with invalid JSON: " + e.getMessage(), context, e);
        }
        throw new MalformedResponseException("Business Central answered " + describe(response.uri())
                + " with something other than a JSON object", context, null);
    }

    private String describe(URI uri) {
        return entitySet + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
