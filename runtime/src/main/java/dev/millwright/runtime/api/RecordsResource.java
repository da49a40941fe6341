package dev.millwright.runtime.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.millwright.core.error.FieldError;
import dev.millwright.mapping.model.CanonicalJson;
import dev.millwright.mapping.model.CanonicalRecord;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.records.RecordFilter;
import dev.millwright.runtime.records.RecordJson;
import dev.millwright.runtime.records.RecordQueries;
import dev.millwright.runtime.records.StoredRow;
import dev.millwright.runtime.write.WriteService;

/**
 * The data endpoints of one collection, for the connection whose token the request carries: list (filters,
 * cursor pagination), get, create, update and delete through the canonical model. Each collection is a subclass
 * naming its path and entity.
 */
@ConnectionScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "connectionToken")
public abstract class RecordsResource {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;
    private static final Set<String> LIST_PARAMETERS = Set.of("modified_after", "modified_before", "created_after",
            "cursor", "page_size", "include_raw", "include_deleted");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonFactory JSON = new JsonFactory();

    @Inject
    CurrentConnection connection;

    @Inject
    RecordQueries queries;

    @Inject
    WriteService writes;

    @Context
    UriInfo uri;

    protected abstract Entity entity();

    @GET
    @Operation(summary = "List records", description = "From the canonical store, ordered by id (stable under"
            + " concurrent writes). modified_after and created_after are inclusive, modified_before exclusive;"
            + " a sync status watermark can be passed as modified_after.")
    @Parameters({
        @Parameter(name = "modified_after", in = ParameterIn.QUERY, description = "ISO-8601 instant, inclusive"),
        @Parameter(name = "modified_before", in = ParameterIn.QUERY, description = "ISO-8601 instant, exclusive"),
        @Parameter(name = "created_after", in = ParameterIn.QUERY, description = "ISO-8601 instant, inclusive"),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page"),
        @Parameter(name = "page_size", in = ParameterIn.QUERY,
                   schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000")),
        @Parameter(name = "include_raw", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN)),
        @Parameter(name = "include_deleted", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    })
    @APIResponse(responseCode = "200", description = "{\"results\": [...], \"next_cursor\": \"...\" | null}",
                 content = @Content(schema = @Schema(implementation = RecordPageSchema.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Response list() {
        var query = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        query.keySet().stream().filter(name -> !LIST_PARAMETERS.contains(name)).sorted().forEach(name ->
                errors.add(new FieldError(name, "unknown query parameter; known: " + String.join(", ",
                        new java.util.TreeSet<>(LIST_PARAMETERS)))));
        Instant modifiedAfter = instant(query.getFirst("modified_after"), "modified_after", errors);
        Instant modifiedBefore = instant(query.getFirst("modified_before"), "modified_before", errors);
        Instant createdAfter = instant(query.getFirst("created_after"), "created_after", errors);
        boolean includeRaw = flag(query.getFirst("include_raw"), "include_raw", errors);
        boolean includeDeleted = flag(query.getFirst("include_deleted"), "include_deleted", errors);
        int pageSize = pageSize(query.getFirst("page_size"), errors);
        String after = cursor(query.getFirst("cursor"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid query parameters", errors);
        }
        RecordQueries.Page page = queries.list(connection.id(), entity().entityName(),
                new RecordFilter(modifiedAfter, modifiedBefore, createdAfter, includeDeleted), after, pageSize,
                includeRaw);
        String next = page.more() ? encodeCursor(page.rows().get(page.rows().size() - 1).id()) : null;
        StreamingOutput body = output -> writePage(output, page.rows(), next, includeRaw);
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One record by its canonical id")
    @Parameter(name = "include_raw", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.BOOLEAN))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "CanonicalRecord")))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        List<FieldError> errors = new ArrayList<>();
        boolean includeRaw = flag(uri.getQueryParameters().getFirst("include_raw"), "include_raw", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid query parameters", errors);
        }
        StoredRow row = queries.find(connection.id(), entity().entityName(), id, includeRaw)
                .orElseThrow(() -> ProblemException.notFound("no " + entity().entityName() + " '" + id + "'"));
        StreamingOutput body = output -> {
            try (JsonGenerator out = JSON.createGenerator(output)) {
                RecordJson.write(out, row, includeRaw);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a record at the source",
               description = "The canonical fields of the entity (no id, remote_id or other source-set fields);"
                       + " refused before reaching the source when the capability matrix forbids it.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(ref = "CanonicalRecord")))
    @APIResponse(responseCode = "422", description = "OPERATION_NOT_SUPPORTED",
                 content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(String body) {
        CanonicalRecord created = writes.create(connection.get(), entity(), RequestBodies.object(body));
        return Response.status(201).header("Location", uri.getBaseUri().getPath().replaceAll("/$", "")
                + "/" + entity().collection() + "/" + created.id()).entity(json(created)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update fields of a record at the source",
               description = "Only the fields given change. The source's version (If-Match header, else the stored"
                       + " remote_version) guards against lost updates: a stale one answers CONFLICT.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The remote_version the change is based on")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "CanonicalRecord")))
    @APIResponse(responseCode = "409", description = "CONFLICT", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "FIELD_NOT_UPDATABLE or OPERATION_NOT_SUPPORTED",
                 content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String body) {
        return Response.ok(json(writes.update(connection.get(), entity(), id, RequestBodies.object(body),
                ifMatch))).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a record at the source",
               description = "As the system supports it: a hard delete, a status change (e.g. cancelled), or a"
                       + " clear OPERATION_NOT_SUPPORTED. Answers the record as stored afterwards.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "The remote_version the delete is based on")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(ref = "CanonicalRecord")))
    public Response delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        return Response.ok(json(writes.delete(connection.get(), entity(), id, ifMatch))).build();
    }

    private static String json(CanonicalRecord record) {
        return CanonicalJson.toJsonString(record.withRemoteData(null));
    }

    private static void writePage(OutputStream output, List<StoredRow> rows, String next, boolean withRaw)
            throws IOException {
        try (JsonGenerator out = JSON.createGenerator(output)) {
            out.writeStartObject();
            out.writeArrayFieldStart("results");
            for (StoredRow row : rows) {
                RecordJson.write(out, row, withRaw);
            }
            out.writeEndArray();
            out.writeStringField("next_cursor", next);
            out.writeEndObject();
        }
    }

    static Instant instant(String value, String name, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException notOffset) {
                errors.add(new FieldError(name, "'" + value + "' is not an ISO-8601 instant (2024-01-01T00:00:00Z)"));
                return null;
            }
        }
    }

    static boolean flag(String value, String name, List<FieldError> errors) {
        if (value == null) {
            return false;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        errors.add(new FieldError(name, "must be true or false, not '" + value + "'"));
        return false;
    }

    private static int pageSize(String value, List<FieldError> errors) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("page_size", "must be a whole number from 1 to " + MAX_PAGE_SIZE + ", not '"
                + value + "'"));
        return DEFAULT_PAGE_SIZE;
    }

    static String encodeCursor(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static String cursor(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:") && ID.matcher(decoded.substring(3)).matches()) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError("cursor", "not a cursor this API issued; pass next_cursor as it came"));
        return null;
    }

    /** The list answer (for the OpenAPI document). */
    @Schema(name = "RecordPage")
    public record RecordPageSchema(@Schema(ref = "CanonicalRecord", type = SchemaType.ARRAY) List<Object> results,
            @Schema(name = "next_cursor", nullable = true) String next_cursor) {
    }

    @Path("/purchase-orders")
    @org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Purchase orders")
    public static class PurchaseOrders extends RecordsResource {
        @Override
        protected Entity entity() {
            return Entity.PURCHASE_ORDER;
        }
    }

    @Path("/work-orders")
    @org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Work orders")
    public static class WorkOrders extends RecordsResource {
        @Override
        protected Entity entity() {
            return Entity.WORK_ORDER;
        }
    }

    @Path("/inventory-items")
    @org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Inventory items")
    public static class InventoryItems extends RecordsResource {
        @Override
        protected Entity entity() {
            return Entity.INVENTORY_ITEM;
        }
    }

    @Path("/vendors")
    @org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Vendors")
    public static class Vendors extends RecordsResource {
        @Override
        protected Entity entity() {
            return Entity.VENDOR;
        }
    }

    @Path("/assets")
    @org.eclipse.microprofile.openapi.annotations.tags.Tag(name = "Assets")
    public static class Assets extends RecordsResource {
        @Override
        protected Entity entity() {
            return Entity.ASSET;
        }
    }
}
