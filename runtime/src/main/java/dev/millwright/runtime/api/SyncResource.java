package dev.millwright.runtime.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.mapping.model.Entity;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.SystemCatalog;
import dev.millwright.runtime.sync.SyncStatusService;

/** Sync status and control, and the capability matrix, for the connection of the token. */
@Path("/")
@ConnectionScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync and capabilities")
@SecurityRequirement(name = "connectionToken")
public class SyncResource {

    @Inject
    CurrentConnection connection;

    @Inject
    SyncStatusService syncStatus;

    @Inject
    ConnectionService connections;

    @Inject
    SystemCatalog catalog;

    /** The sync status of a connection's entities. */
    @Schema(name = "SyncStatus")
    public record SyncStatusView(@JsonProperty("connection_id") String connectionId, String status,
            List<EntitySyncStatus> entities) {
    }

    /** The answer to POST /sync. */
    @Schema(name = "SyncTriggered")
    public record SyncTriggered(String entity, boolean full, String state) {
    }

    /** The body of POST /sync (for the OpenAPI document). */
    @Schema(name = "SyncRequest")
    public record SyncRequest(@Schema(required = true, example = "work_order") String entity,
            @Schema(defaultValue = "false") boolean full) {
    }

    @GET
    @Path("sync-status")
    @Operation(summary = "Sync status per entity: state, last runs, watermark (usable as modified_after), counts,"
            + " last error, next scheduled run")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SyncStatusView.class)))
    public SyncStatusView status() {
        Connection current = connection.get();
        Map<String, EntitySyncStatus> statuses = syncStatus.statuses(current);
        return new SyncStatusView(current.id(), current.status().value(), List.copyOf(statuses.values()));
    }

    @POST
    @Path("sync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sync an entity now",
               description = "full=false: an incremental sync from the watermark; full=true: re-read everything in"
                       + " the initial history and mark as deleted what the source no longer returns.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SyncRequest.class)))
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = SyncTriggered.class)))
    public Response sync(String body) {
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, Set.of("entity", "full"), "");
        String entityName = RequestBodies.text(json, "entity", true);
        boolean full = RequestBodies.bool(json, "full", false);
        Entity entity;
        try {
            entity = Entity.fromEntityName(entityName);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("entity", e.getMessage());
        }
        connections.syncNow(connection.id(), entity, full);
        return Response.accepted(new SyncTriggered(entity.entityName(), full, "triggered")).build();
    }

    @GET
    @Path("capabilities")
    @Operation(summary = "The capability matrix of the connection's system: operations per entity, updatable"
            + " fields, delete behaviour and rules")
    @APIResponse(responseCode = "200", description = "{\"system\": ..., \"entities\": {...}}")
    public CapabilityDescriptor capabilities() {
        return catalog.describe(connection.get().system()).orElseThrow().capabilities();
    }
}
