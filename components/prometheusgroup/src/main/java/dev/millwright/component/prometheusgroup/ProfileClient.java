package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.component.prometheusgroup.profile.CollectionProfile;
import dev.millwright.component.prometheusgroup.profile.PagingProfile;
import dev.millwright.component.prometheusgroup.profile.PathTemplate;
import dev.millwright.component.prometheusgroup.profile.RestProfile;
import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.WriteResult;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * One collection of a REST-profile system, spoken exactly as its profile says: change reads with the change filter,
 * order and paging of the profile; lookups by field value; get, create, update and delete requests with the record
 * sent as is. Credentials refused once are renewed once (a new access token) before the refusal counts.
 */
final class ProfileClient implements SourceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "id";

    private final RestProfile profile;
    private final CollectionProfile collection;
    private final String baseUrl;
    private final Map<String, String> variables;
    private final SourceHttpClient http;
    private final RequestAuthenticator authenticator;
    private final ProfileRecordIdentity identity;
    private final PageReader pages;

    ProfileClient(RestProfile profile, CollectionProfile collection, String baseUrl, Map<String, String> variables,
            SourceHttpClient http, RequestAuthenticator authenticator) {
        this.profile = profile;
        this.collection = collection;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.variables = Map.copyOf(variables);
        this.http = http;
        this.authenticator = authenticator;
        this.identity = new ProfileRecordIdentity(collection.record());
        this.pages = new PageReader(collection.name(), this.baseUrl, collection.read().records(),
                collection.read().paging(), this::page);
    }

    RestProfile profile() {
        return profile;
    }

    CollectionProfile collection() {
        return collection;
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public boolean ordersByModifiedTime() {
        return collection.read().ordered() && collection.read().changes() != null;
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        CollectionProfile.Read read = collection.read();
        Map<String, String> parameters = staticQuery();
        CollectionProfile.Changes changes = read.changes();
        PageReader.Reanchor reanchor = null;
        if (changes != null) {
            Instant bound = changes.inclusive() ? from : changes.format().unitBefore(from);
            parameters.put(changes.parameter(), changes.format().format(bound));
            if (read.paging() instanceof PagingProfile.Offset offset && offset.reanchor()) {
                reanchor = new PageReader.Reanchor(changes.parameter(), changes.format(), identity);
            }
        }
        if (read.sort() != null) {
            parameters.put(read.sort().parameter(), read.sort().value());
        }
        return pages.read(read.path().expand(variables, true), parameters, pageSize, reanchor, context);
    }

    /**
     * The records whose lookup field holds one of {@code values}, read with the collection's paging.
     *
     * @throws OperationNotSupportedException when the profile gives the collection no lookup
     */
    Iterator<ObjectNode> lookup(List<String> values, int pageSize, ErrorContext context) {
        CollectionProfile.Lookup lookup = collection.lookup();
        if (lookup == null) {
            throw notSupported("lookup", context);
        }
        Map<String, String> parameters = staticQuery();
        parameters.put(lookup.parameter(), String.join(lookup.separator(), values));
        return pages.read(collection.read().path().expand(variables, true), parameters, pageSize, null, context);
    }

    private Map<String, String> staticQuery() {
        Map<String, String> parameters = new LinkedHashMap<>();
        collection.read().query().forEach((name, value) -> parameters.put(name, value.expand(variables, false)));
        return parameters;
    }

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        CollectionProfile.Member member = collection.get();
        if (member == null) {
            throw notSupported("get", context);
        }
        URI uri = member(member.path(), remoteId);
        SourceResponse response = send(() -> HttpRequest.newBuilder(uri).GET(), true, context);
        ObjectNode record = record(response, member.record(), context);
        if (record == null) {
            throw new MalformedResponseException(profile.title() + " answered " + uri.getRawPath()
                    + " without a record", context, null);
        }
        return record;
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        CollectionProfile.Write create = collection.create();
        if (create == null) {
            throw notSupported("create", context);
        }
        URI uri = URI.create(baseUrl + create.path().expand(variables, true));
        SourceResponse response = send(() -> body(HttpRequest.newBuilder(uri), create.method(), record), false,
                context);
        ObjectNode created = record(response, create.record(), context);
        String remoteId = created != null ? identity.remoteId(created) : null;
        if (remoteId == null) {
            remoteId = response.header("Location").map(ProfileClient::lastSegment).orElse(null);
        }
        if (remoteId == null) {
            throw new MalformedResponseException(profile.title() + " created a " + collection.name()
                    + " record but named it neither in the answer nor in Location", context, null);
        }
        return new WriteResult(remoteId, version(created, response), created);
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        CollectionProfile.Write update = collection.update();
        if (update == null) {
            throw notSupported("update", context);
        }
        URI uri = member(update.path(), remoteId);
        SourceResponse response = send(() -> versioned(body(HttpRequest.newBuilder(uri), update.method(), changes),
                update.versionHeader(), expectedVersion), isIdempotent(update.method()), context);
        ObjectNode updated = record(response, update.record(), context);
        return new WriteResult(remoteId, version(updated, response), updated);
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        CollectionProfile.Write delete = collection.delete();
        if (delete == null) {
            throw notSupported("delete", context);
        }
        URI uri = member(delete.path(), remoteId);
        send(() -> versioned(HttpRequest.newBuilder(uri).method(delete.method(), HttpRequest.BodyPublishers.noBody()),
                delete.versionHeader(), expectedVersion), isIdempotent(delete.method()), context);
    }

    private OperationNotSupportedException notSupported(String operation, ErrorContext context) {
        return new OperationNotSupportedException("the profile " + profile.source() + " gives collection '"
                + collection.name() + "' no " + operation, context);
    }

    private URI member(PathTemplate path, String remoteId) {
        Map<String, String> values = new LinkedHashMap<>(variables);
        values.put(ID, remoteId);
        return URI.create(baseUrl + path.expand(values, true));
    }

    private static HttpRequest.Builder body(HttpRequest.Builder request, String method, ObjectNode record) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(record.toString()));
    }

    private static HttpRequest.Builder versioned(HttpRequest.Builder request, String header, String version) {
        if (header != null && version != null && !version.isBlank()) {
            request.header(header, version);
        }
        return request;
    }

    private static boolean isIdempotent(String method) {
        return method.equals("PUT") || method.equals("DELETE");
    }

    /** The page GET of the paging engine. */
    private SourceResponse page(URI uri, Map<String, String> headers, ErrorContext context) {
        return send(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            headers.forEach(request::header);
            return request;
        }, true, context);
    }

    /** Sends with credentials; when refused, renews them once if they can be renewed, then sends again. */
    private SourceResponse send(Supplier<HttpRequest.Builder> request, boolean idempotent, ErrorContext context) {
        try {
            return http.send(authenticated(request, context), idempotent, context);
        } catch (AuthenticationRequiredException refused) {
            if (!authenticator.renewAfterRejection()) {
                throw refused;
            }
            return http.send(authenticated(request, context), idempotent, context);
        }
    }

    private HttpRequest.Builder authenticated(Supplier<HttpRequest.Builder> request, ErrorContext context) {
        HttpRequest.Builder builder = request.get().header("Accept", "application/json");
        authenticator.authenticate(builder, context);
        return builder;
    }

    /** The record in a write or get answer, at the pointer; null for an empty answer. */
    private ObjectNode record(SourceResponse response, JsonPointer pointer, ErrorContext context) {
        if (response.body().length == 0) {
            return null;
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new MalformedResponseException(profile.title() + " answered " + response.uri().getRawPath()
                    + " with invalid JSON: " + e.getMessage(), context, e);
        }
        JsonNode record = answer == null ? null : pointer == null ? answer : answer.at(pointer);
        if (record instanceof ObjectNode object) {
            return object;
        }
        throw new MalformedResponseException(profile.title() + " answered " + response.uri().getRawPath()
                + " without a record object at " + (pointer == null ? "its root" : pointer), context, null);
    }

    private String version(ObjectNode record, SourceResponse response) {
        String version = record == null ? null : identity.version(record);
        if (version == null) {
            version = response.header("ETag").map(tag -> tag.replaceFirst("^W/", "").replace("\"", "")).orElse(null);
        }
        return version;
    }

    private static String lastSegment(String location) {
        int query = location.indexOf('?');
        String path = query >= 0 ? location.substring(0, query) : location;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
