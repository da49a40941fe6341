package dev.millwright.component.netsuite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.SourceHeaders;
import dev.millwright.core.component.WriteResult;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.MalformedResponseException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.SourceResponse;

/**
 * NetSuite's REST web services for one record type. Reads changes through SuiteQL ({@link SuiteQlReader}) or the
 * record API ({@link RecordApiReader}); reads a record with {@code GET /record/v1/<type>/<id>?expandSubResources=true};
 * creates with POST (204, the new id in {@code Location}, then a GET for the record and its version); updates with
 * PATCH ({@code ?replace=} for the sublists the changes carry, since a canonical list replaces the lines); deletes
 * with DELETE. NetSuite has no ETag: when a write names the version it expects (the record's modified time), the
 * record is read first and a newer one is a conflict. That check and the write are two requests, so a change made
 * in between is not detected.
 */
final class NetSuiteClient implements SourceClient {

    private final NetSuiteHttp http;
    private final NetSuiteResources resources;
    private final String recordType;
    private final NetSuiteRecordIdentity identity;
    private final SuiteQlReader suiteQl;
    private final RecordApiReader recordApi;

    /**
     * @param suiteQl the SuiteQL reader of the record type, or null to read changes through the record API
     */
    NetSuiteClient(NetSuiteHttp http, NetSuiteResources resources, String recordType, String modifiedField,
                   NetSuiteDates dates, SuiteQlReader suiteQl) {
        this.http = http;
        this.resources = resources;
        this.recordType = recordType;
        this.identity = new NetSuiteRecordIdentity(modifiedField);
        this.suiteQl = suiteQl;
        this.recordApi = new RecordApiReader(http, resources, recordType, modifiedField, dates, this);
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public boolean ordersByModifiedTime() {
        // the record API lists ids in id order
        return suiteQl != null;
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        return suiteQl != null ? suiteQl.read(from, pageSize, context) : recordApi.read(from, pageSize, context);
    }

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        URI uri = resources.record(recordType, internalId(remoteId, context), "expandSubResources=true");
        SourceResponse response = http.send("GET", uri, () -> HttpRequest.newBuilder(uri)
                .header("Accept", "application/json").GET(), true, context);
        return NetSuiteResources.object(response, recordType + " " + remoteId, context);
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        URI uri = resources.records(recordType, null);
        String body = record.toString();
        SourceResponse response = http.send("POST", uri, () -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false, context);
        String location = response.header("Location").orElseThrow(() -> new MalformedResponseException(
                "NetSuite created a " + recordType + " but named it in no Location header", context, null));
        String id = location.substring(location.lastIndexOf('/') + 1);
        ErrorContext created = context.withRemoteId(id);
        ObjectNode stored = get(id, created);
        return new WriteResult(id, identity.version(stored), stored);
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        String id = internalId(remoteId, context);
        checkVersion(id, expectedVersion, context);
        List<String> sublists = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = changes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject() && field.getValue().has("items")) {
                sublists.add(field.getKey());
            }
        }
        URI uri = resources.record(recordType, id, sublists.isEmpty() ? null
                : "replace=" + NetSuiteResources.encode(String.join(",", sublists)));
        String body = changes.toString();
        http.send("PATCH", uri, () -> HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), true, context);
        ObjectNode stored = get(id, context);
        return new WriteResult(id, identity.version(stored), stored);
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        String id = internalId(remoteId, context);
        checkVersion(id, expectedVersion, context);
        URI uri = resources.record(recordType, id, null);
        http.send("DELETE", uri, () -> HttpRequest.newBuilder(uri).header("Accept", "application/json").DELETE(),
                true, context);
    }

    /** Refuses a write whose expected version (modified time) is no longer the record's. */
    private void checkVersion(String id, String expectedVersion, ErrorContext context) {
        if (expectedVersion == null || expectedVersion.isBlank()) {
            return;
        }
        String current = identity.version(get(id, context));
        if (!sameInstant(expectedVersion, current)) {
            throw new ConflictException("the " + recordType + " was changed in NetSuite since version "
                    + expectedVersion + " (its last modified date is now " + current + ")", context);
        }
    }

    private static boolean sameInstant(String expected, String current) {
        if (current == null) {
            return false;
        }
        try {
            return OffsetDateTime.parse(expected.trim()).toInstant().equals(OffsetDateTime.parse(current).toInstant());
        } catch (DateTimeParseException notDates) {
            return expected.trim().equals(current);
        }
    }

    /** An internal id (digits) or an external id reference ({@code eid:...}), as NetSuite's URLs take them. */
    private static String internalId(String remoteId, ErrorContext context) {
        String id = remoteId.trim();
        boolean internal = !id.isEmpty() && id.chars().allMatch(Character::isDigit);
        boolean external = id.startsWith("eid:") && id.length() > 4 && !id.contains("/") && !id.contains("?");
        if (!internal && !external) {
            throw new ValidationFailedException("'" + remoteId + "' is not a NetSuite internal id (digits) or external"
                    + " id (eid:...)", List.of(new FieldError(SourceHeaders.REMOTE_ID, "not a NetSuite record id")),
                    context);
        }
        return external ? "eid:" + NetSuiteResources.encode(id.substring(4)) : id;
    }
}
