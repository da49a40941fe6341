package dev.millwright.runtime.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionRequest;
import dev.millwright.runtime.connection.ConnectionService;
import dev.millwright.runtime.connection.ConnectionStatusStore;
import dev.millwright.runtime.sync.SyncStatusService;

/** Connection management, for operators (admin key). */
@Path("/connections")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections", description = "Connections to source systems, each with its own API token (admin key)")
@SecurityRequirement(name = "adminKey")
public class ConnectionsResource {

    private static final Set<String> CREATE_FIELDS = Set.of("system", "name", "settings", "schedules",
            "custom_fields");

    @Inject
    ConnectionService connections;

    @Inject
    SyncStatusService syncStatus;

    @Inject
    ConnectionStatusStore statuses;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a connection",
               description = "settings are the system component's own options (e.g. baseUrl, apiKey for maximo);"
                       + " secret ones are stored encrypted. Answers the connection with its API token, shown once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateConnectionBody.class)))
    @APIResponse(responseCode = "201", description = "Created, with its token",
                 content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Response create(String body) {
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, CREATE_FIELDS, "");
        ConnectionRequest request = new ConnectionRequest(RequestBodies.text(json, "system", true),
                RequestBodies.text(json, "name", false), RequestBodies.strings(json, "settings"),
                RequestBodies.strings(json, "schedules"), RequestBodies.nestedStrings(json, "custom_fields"));
        ConnectionService.WithToken created = connections.create(request);
        return Response.status(201).header("Location", "/connections/" + created.connection().id())
                .entity(view(created.connection(), created.token()).withInboundSecret(created.inboundSecret()))
                .build();
    }

    @GET
    @Operation(summary = "List connections")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                 implementation = ConnectionView.class)))
    public List<ConnectionView> list() {
        return connections.list().stream().map(connection -> view(connection, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A connection: status, schedules, last sync per entity (never secrets)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public ConnectionView get(@PathParam("id") String id) {
        return view(connections.get(id), null);
    }

    @POST
    @Path("/{id}/reauthorize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "New source credentials and a new API token; the old token stops working now")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReauthorizeBody.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    public ConnectionView reauthorize(@PathParam("id") String id, String body) {
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, Set.of("settings"), "");
        ConnectionService.WithToken renewed = connections.reauthorize(id, RequestBodies.strings(json, "settings"));
        return view(renewed.connection(), renewed.token()).withInboundSecret(renewed.inboundSecret());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Disconnect: the token is invalid at once and every sync is stopped; data is kept")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConnectionView.class)))
    public ConnectionView disconnect(@PathParam("id") String id) {
        return view(connections.disconnect(id), null);
    }

    @DELETE
    @Path("/{id}/data")
    @Operation(summary = "Delete the connection's synced data (records, dead letters, cursors, sync runs)")
    @APIResponse(responseCode = "200", description = "How many records were deleted")
    public Map<String, Object> deleteData(@PathParam("id") String id) {
        return Map.of("connection_id", id, "records_deleted", connections.deleteData(id));
    }

    private ConnectionView view(Connection connection, String token) {
        return ConnectionView.of(connection, connection.isDisconnected() ? Map.of()
                : syncStatus.statuses(connection), token).withHealth(statuses.health(connection.id()));
    }

    /** The body of POST /connections (for the OpenAPI document). */
    @Schema(name = "CreateConnection")
    public record CreateConnectionBody(
            @Schema(required = true, example = "maximo") String system,
            @Schema(example = "Plant 7 Maximo") String name,
            @Schema(example = "{\"baseUrl\": \"http://127.0.0.1:8089/maximo\", \"apiKey\": \"demo-maximo-key\"}")
            Map<String, String> settings,
            @Schema(example = "{\"work_order\": \"0 0/15 * * * ?\"}") Map<String, String> schedules,
            @Schema(name = "custom_fields", example = "{\"work_order\": {\"cf_crew\": \"crewid\"}}")
            Map<String, Map<String, String>> custom_fields) {
    }

    /** The body of POST /connections/{id}/reauthorize (for the OpenAPI document). */
    @Schema(name = "Reauthorize")
    public record ReauthorizeBody(
            @Schema(description = "New source credentials (and any other settings to change)",
                    example = "{\"apiKey\": \"new-key\"}") Map<String, String> settings) {
    }
}
