package dev.millwright.runtime.api;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.FieldError;
import dev.millwright.mapping.RecordMappingException;
import dev.millwright.mapping.model.Entity;
import dev.millwright.routes.inbound.InboxWorker;
import dev.millwright.routes.store.DeadLetter;
import dev.millwright.routes.store.JdbcDeadLetterStore;
import dev.millwright.routes.sync.DeadLetterReplayer;
import dev.millwright.routes.sync.SyncRouteTemplates;
import dev.millwright.runtime.write.WriteService;

/**
 * The dead letters of the connection whose token the request carries: records a sync could not map or store
 * (stage {@code mapping} or {@code sink}, entity the canonical entity) and inbound webhooks whose processing failed
 * (entity {@code webhook}, stage {@code inbound}); listed by id, and replayed on demand.
 */
@Path("/dead-letters")
@ConnectionScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters")
@SecurityRequirement(name = "connectionToken")
public class DeadLettersResource {

    static final int DEFAULT_REPLAY_LIMIT = 1000;
    static final int MAX_REPLAY_LIMIT = 10_000;
    private static final String ALL = "all";
    private static final Set<String> STATES = Set.of(DeadLetter.PENDING, DeadLetter.REPLAYED, ALL);
    private static final Set<String> LIST_PARAMETERS = Set.of("entity", "state", "cursor", "page_size");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CurrentConnection connection;

    @Inject
    JdbcDeadLetterStore deadLetters;

    @Inject
    DeadLetterReplayer replayer;

    @Inject
    InboxWorker inbox;

    @Inject
    WriteService writes;

    @Context
    UriInfo uri;

    /** One dead letter (for the OpenAPI document). */
    @Schema(name = "DeadLetter")
    public record DeadLetterSchema(long id,
            @Schema(description = "a canonical entity (work_order ...) or webhook") String entity,
            @Schema(enumeration = {"mapping", "sink", "inbound"}) String stage,
            @JsonProperty("remote_id") String remoteId, @JsonProperty("error_code") String errorCode,
            @JsonProperty("error_message") String errorMessage, int attempts,
            @Schema(enumeration = {"pending", "replayed"}) String state,
            @JsonProperty("created_at") String createdAt, @JsonProperty("last_attempt_at") String lastAttemptAt,
            @Schema(description = "the raw source record (JSON when it is JSON, else a string)") Object payload) {
    }

    /** The list answer (for the OpenAPI document). */
    @Schema(name = "DeadLetterPage")
    public record DeadLetterPageSchema(List<DeadLetterSchema> results,
            @Schema(name = "next_cursor", nullable = true) String next_cursor) {
    }

    /** The body of POST /dead-letters/replay (for the OpenAPI document). */
    @Schema(name = "DeadLetterReplayRequest")
    public record ReplayRequest(
            @Schema(example = "work_order", description = "a canonical entity, or webhook for inbound webhooks")
            String entity,
            @Schema(enumeration = {"inbound"}, description = "inbound: the inbound webhooks (as entity webhook)")
            String stage,
            @Schema(defaultValue = "1000", minimum = "1", maximum = "10000") Integer limit,
            @JsonProperty("from_source") @Schema(defaultValue = "false", description = "sync dead letters: read each"
                    + " record again from the source (for records fixed there) instead of re-mapping the kept payload")
            Boolean fromSource) {
    }

    /** What a replay did. */
    @Schema(name = "DeadLetterReplayed")
    public record Replayed(int replayed, @JsonProperty("still_failing") int stillFailing) {
    }

    @GET
    @Operation(summary = "List dead letters",
               description = "The connection's dead letters by ascending id (keyset paging: stable while syncs add"
                       + " letters). Sync dead letters carry the canonical entity and stage mapping or sink;"
                       + " inbound webhooks that failed carry entity webhook and stage inbound.")
    @Parameters({
        @Parameter(name = "entity", in = ParameterIn.QUERY,
                   description = "a canonical entity (work_order ...) or webhook; all when absent"),
        @Parameter(name = "state", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING,
                   enumeration = {"pending", "replayed", "all"}, defaultValue = "all")),
        @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next_cursor of the previous page"),
        @Parameter(name = "page_size", in = ParameterIn.QUERY,
                   schema = @Schema(type = SchemaType.INTEGER, defaultValue = "100", minimum = "1", maximum = "1000"))
    })
    @APIResponse(responseCode = "200",
                 content = @Content(schema = @Schema(implementation = DeadLetterPageSchema.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Response list() {
        var query = uri.getQueryParameters();
        List<FieldError> errors = new ArrayList<>();
        query.keySet().stream().filter(name -> !LIST_PARAMETERS.contains(name)).sorted().forEach(name ->
                errors.add(new FieldError(name, "unknown query parameter; known: " + String.join(", ",
                        new TreeSet<>(LIST_PARAMETERS)))));
        String entity = query.getFirst("entity");
        if (entity != null && !entityNames().contains(entity)) {
            errors.add(new FieldError("entity", "unknown entity '" + entity + "'; known: "
                    + String.join(", ", entityNames())));
        }
        String state = query.getFirst("state") == null ? ALL : query.getFirst("state");
        if (!STATES.contains(state)) {
            errors.add(new FieldError("state", "must be one of pending, replayed, all, not '" + state + "'"));
        }
        int pageSize = pageSize(query.getFirst("page_size"), errors);
        Long after = cursor(query.getFirst("cursor"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation("invalid query parameters", errors);
        }
        List<DeadLetter> letters = deadLetters.page(connection.id(), entity, state.equals(ALL) ? null : state, after,
                pageSize + 1);
        boolean more = letters.size() > pageSize;
        List<DeadLetter> page = more ? letters.subList(0, pageSize) : letters;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode results = body.putArray("results");
        page.forEach(letter -> results.add(json(letter)));
        body.put("next_cursor", more ? encodeCursor(page.get(page.size() - 1).id()) : null);
        return Response.ok(body.toString(), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay pending dead letters",
               description = "entity work_order (...): each pending sync dead letter of the entity is mapped again"
                       + " from its kept payload and written to the store; entity webhook or stage inbound: the"
                       + " failed inbound webhooks go back to the inbox. A letter that fails again stays pending,"
                       + " with its new error and one more attempt. from_source true reads each sync dead letter's"
                       + " record again from the source instead (for records fixed there).")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayRequest.class)))
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Replayed replay(String body) {
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, Set.of("entity", "stage", "limit", "from_source"), "");
        String entity = RequestBodies.text(json, "entity", false);
        String stage = RequestBodies.text(json, "stage", false);
        int limit = limit(json.get("limit"));
        boolean fromSource = RequestBodies.bool(json, "from_source", false);
        if (stage != null && !stage.equals(InboxWorker.STAGE)) {
            throw ProblemException.invalidField("stage", "only inbound can be replayed by stage, not '" + stage
                    + "'; sync dead letters are replayed by entity");
        }
        boolean inbound = InboxWorker.STAGE.equals(stage) || InboxWorker.DEAD_LETTER_ENTITY.equals(entity);
        if (inbound) {
            if (entity != null && !entity.equals(InboxWorker.DEAD_LETTER_ENTITY)) {
                throw ProblemException.invalidField("entity", "inbound dead letters have entity webhook, not '"
                        + entity + "'");
            }
            if (fromSource) {
                throw ProblemException.invalidField("from_source", "applies to sync dead letters only; inbound"
                        + " webhooks go back to the inbox");
            }
            int pending = deadLetters.pending(connection.id(), InboxWorker.DEAD_LETTER_ENTITY, limit).size();
            int requeued = inbox.replayDeadLetters(connection.id(), limit);
            return new Replayed(requeued, Math.max(0, pending - requeued));
        }
        if (entity == null) {
            throw ProblemException.invalidField("entity", "is required (a canonical entity, or webhook), unless"
                    + " stage is inbound");
        }
        Entity canonical;
        try {
            canonical = Entity.fromEntityName(entity);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("entity", "unknown entity '" + entity + "'; known: "
                    + String.join(", ", entityNames()));
        }
        if (fromSource) {
            return replayFromSource(canonical, limit);
        }
        DeadLetterReplayer.Outcome outcome = replayer.replay(connection.id(), canonical.entityName(),
                SyncRouteTemplates.DEFAULT_SINK, limit);
        return new Replayed(outcome.replayed(), outcome.stillFailing());
    }

    /** Each pending letter's record read again from the source, mapped and stored; failures stay pending. */
    private Replayed replayFromSource(Entity entity, int limit) {
        int replayed = 0;
        int failing = 0;
        for (DeadLetter letter : deadLetters.pending(connection.id(), entity.entityName(), limit)) {
            if (letter.remoteId() == null) {
                deadLetters.markAttemptFailed(letter.id(), "NO_REMOTE_ID", "the dead letter names no source record"
                        + " to read again; replay its payload instead");
                failing++;
                continue;
            }
            try {
                writes.refresh(connection.get(), entity, letter.remoteId());
                deadLetters.markReplayed(letter.id());
                replayed++;
            } catch (ConnectorException e) {
                deadLetters.markAttemptFailed(letter.id(), e.code(), e.getMessage());
                failing++;
            } catch (RecordMappingException e) {
                deadLetters.markAttemptFailed(letter.id(), "MAPPING_FAILED", e.getMessage());
                failing++;
            } catch (RuntimeException e) {
                deadLetters.markAttemptFailed(letter.id(), e.getClass().getSimpleName(),
                        String.valueOf(e.getMessage()));
                failing++;
            }
        }
        return new Replayed(replayed, failing);
    }

    private static ObjectNode json(DeadLetter letter) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", letter.id());
        node.put("entity", letter.entity());
        node.put("stage", letter.stage());
        node.put("remote_id", letter.remoteId());
        node.put("error_code", letter.errorCode());
        node.put("error_message", letter.errorMessage());
        node.put("attempts", letter.attempts());
        node.put("state", letter.status());
        node.put("created_at", letter.createdAt() == null ? null : letter.createdAt().toString());
        node.put("last_attempt_at", letter.lastAttemptAt() == null ? null : letter.lastAttemptAt().toString());
        node.set("payload", payload(letter.payload()));
        return node;
    }

    private static JsonNode payload(String payload) {
        if (payload == null) {
            return JSON.nullNode();
        }
        try {
            JsonNode parsed = JSON.readTree(payload);
            return parsed == null || parsed.isMissingNode() ? JSON.getNodeFactory().textNode(payload) : parsed;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(payload);
        }
    }

    private static List<String> entityNames() {
        List<String> names = new ArrayList<>(Arrays.stream(Entity.values()).map(Entity::entityName).toList());
        names.add(InboxWorker.DEAD_LETTER_ENTITY);
        return names;
    }

    private static int limit(JsonNode value) {
        if (value == null || value.isNull()) {
            return DEFAULT_REPLAY_LIMIT;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1
                || value.intValue() > MAX_REPLAY_LIMIT) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_REPLAY_LIMIT
                    + ", not " + value);
        }
        return value.intValue();
    }

    private static int pageSize(String value, List<FieldError> errors) {
        if (value == null) {
            return RecordsResource.DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= RecordsResource.MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("page_size", "must be a whole number from 1 to " + RecordsResource.MAX_PAGE_SIZE
                + ", not '" + value + "'"));
        return RecordsResource.DEFAULT_PAGE_SIZE;
    }

    static String encodeCursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("dl1:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static Long cursor(String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            if (decoded.startsWith("dl1:")) {
                return Long.parseLong(decoded.substring(4));
            }
        } catch (IllegalArgumentException e) {
            // reported below (NumberFormatException is one)
        }
        errors.add(new FieldError("cursor", "not a cursor this API issued; pass next_cursor as it came"));
        return null;
    }
}
