package dev.millwright.runtime.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.millwright.routes.webhook.EventTypes;
import dev.millwright.routes.webhook.JdbcWebhookDeliveryStore;
import dev.millwright.routes.webhook.JdbcWebhookSubscriptionStore;
import dev.millwright.routes.webhook.WebhookDelivery;
import dev.millwright.routes.webhook.WebhookSettings;
import dev.millwright.routes.webhook.WebhookSubscription;
import dev.millwright.routes.webhook.WebhookTargetPolicy;
import dev.millwright.routes.webhook.WebhookTargetRefusedException;
import dev.millwright.runtime.MillwrightConfig;

/** Webhook subscriptions, for operators (admin key): where events go, their deliveries, replays. */
@Path("/webhooks")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to subscribers (Standard Webhooks; admin key)")
@SecurityRequirement(name = "adminKey")
public class WebhooksResource {

    private static final Set<String> CREATE_FIELDS = Set.of("url", "events", "connections", "description");
    private static final int MAX_PAGE = 200;

    @Inject
    JdbcWebhookSubscriptionStore subscriptions;

    @Inject
    JdbcWebhookDeliveryStore deliveries;

    @Inject
    WebhookSettings settings;

    @Inject
    MillwrightConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a URL to events",
               description = "events: event types (sync.completed, work_order.created, ..., or * for all);"
                       + " connections: the connections whose events are sent (absent: all). The URL must be https"
                       + " (plain http only for allow-listed hosts) and outside the network unless allow-listed."
                       + " Answers the subscription with its signing secret, shown once.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CreateWebhookBody.class)))
    @APIResponse(responseCode = "201", description = "Created, with its secret",
                 content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid (unknown event type, refused URL, ...)",
                 content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(String body) {
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, CREATE_FIELDS, "");
        String url = RequestBodies.text(json, "url", true);
        try {
            new WebhookTargetPolicy(settings.allowedHttpHosts()).checkUrl(url);
        } catch (WebhookTargetRefusedException refused) {
            throw ProblemException.invalidField("url", refused.getMessage());
        }
        List<String> events = strings(json, "events", true);
        if (events.isEmpty()) {
            throw ProblemException.invalidField("events", "choose at least one event type (or * for all)");
        }
        for (int i = 0; i < events.size(); i++) {
            if (!EventTypes.isKnown(events.get(i))) {
                throw ProblemException.invalidField("events[" + i + "]", "unknown event type '" + events.get(i)
                        + "'; known: " + String.join(", ", EventTypes.known()) + ", or *");
            }
        }
        List<String> connections = strings(json, "connections", false);
        WebhookSubscription created = subscriptions.create(url, events, connections,
                RequestBodies.text(json, "description", false));
        return Response.status(201).header("Location", "/webhooks/" + created.id())
                .entity(WebhookView.of(created, true)).build();
    }

    @GET
    @Operation(summary = "List webhook subscriptions (never secrets)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                 implementation = WebhookView.class)))
    public List<WebhookView> list() {
        return subscriptions.all().stream().map(subscription -> WebhookView.of(subscription, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A webhook subscription: its events, connections, state (never secrets)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public WebhookView get(@PathParam("id") String id) {
        return WebhookView.of(find(id), false);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a subscription with its deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "A new signing secret, shown once",
               description = "The previous secret keeps signing beside the new one for millwright.webhooks"
                       + ".rotation-overlap (24h by default): deliveries carry both signatures meanwhile.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public WebhookView rotateSecret(@PathParam("id") String id) {
        return subscriptions.rotateSecret(id, config.webhooks().rotationOverlap())
                .map(subscription -> WebhookView.of(subscription, true)).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries of the subscription, newest first, each with its attempts (status code,"
            + " latency, error)")
    @APIResponse(responseCode = "200",
                 content = @Content(schema = @Schema(implementation = WebhookView.Deliveries.class)))
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public WebhookView.Deliveries deliveries(@PathParam("id") String id,
            @Parameter(description = "Deliveries per page (at most 200)") @QueryParam("page_size")
            @DefaultValue("50") int pageSize,
            @Parameter(description = "The next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        find(id);
        if (pageSize < 1 || pageSize > MAX_PAGE) {
            throw ProblemException.invalidField("page_size", "must be between 1 and " + MAX_PAGE);
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this endpoint gave");
            }
        }
        List<WebhookDelivery> page = deliveries.deliveries(id, before, pageSize);
        String next = page.size() == pageSize ? Long.toString(page.get(page.size() - 1).id()) : null;
        return new WebhookView.Deliveries(page.stream().map(WebhookView.Delivery::of).toList(), next);
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send deliveries again",
               description = "{\"since\": instant}: every dead delivery created since then; {\"delivery_id\": n}: that"
                       + " delivery, whatever its state. A disabled subscription becomes active again.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayBody.class)))
    @APIResponse(responseCode = "200", description = "How many deliveries are pending again")
    @APIResponse(responseCode = "404", content = @Content(mediaType = Problem.MEDIA_TYPE,
                 schema = @Schema(implementation = Problem.class)))
    public Map<String, Object> replay(@PathParam("id") String id, String body) {
        WebhookSubscription subscription = find(id);
        ObjectNode json = RequestBodies.object(body);
        RequestBodies.onlyFields(json, Set.of("since", "delivery_id"), "");
        boolean bySince = json.hasNonNull("since");
        boolean byDelivery = json.hasNonNull("delivery_id");
        if (bySince == byDelivery) {
            throw ProblemException.validation("give either since (an instant) or delivery_id", List.of());
        }
        int replayed;
        if (bySince) {
            Instant since;
            try {
                since = Instant.parse(RequestBodies.text(json, "since", true));
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("since", "an ISO-8601 instant is expected, e.g."
                        + " 2025-01-31T08:00:00Z");
            }
            replayed = deliveries.replaySince(id, since);
        } else {
            JsonNode delivery = json.get("delivery_id");
            if (!delivery.canConvertToLong() || !delivery.isIntegralNumber()) {
                throw ProblemException.invalidField("delivery_id", "a delivery id (a number) is expected");
            }
            if (!deliveries.replay(id, delivery.asLong())) {
                throw ProblemException.notFound("webhook subscription " + id + " has no delivery "
                        + delivery.asLong());
            }
            replayed = 1;
        }
        if (!subscription.active()) {
            subscriptions.enable(id);
        }
        return Map.of("subscription_id", id, "replayed", replayed);
    }

    private WebhookSubscription find(String id) {
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no webhook subscription " + id);
    }

    /** An array of strings; null when absent (and not required). */
    private static List<String> strings(ObjectNode json, String field, boolean required) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw ProblemException.invalidField(field, "required");
            }
            return null;
        }
        if (!node.isArray()) {
            throw ProblemException.invalidField(field, "an array of strings is expected");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().isBlank()) {
                throw ProblemException.invalidField(field + "[" + i + "]", "a non-empty string is expected");
            }
            values.add(node.get(i).asText());
        }
        return values;
    }

    /** The body of POST /webhooks (for the OpenAPI document). */
    @Schema(name = "CreateWebhook")
    public record CreateWebhookBody(
            @Schema(required = true, example = "https://example.com/millwright/hooks") String url,
            @Schema(required = true, example = "[\"work_order.created\", \"sync.failed\"]") List<String> events,
            @Schema(description = "Absent: every connection", example = "[\"plant-7\"]") List<String> connections,
            @Schema(example = "Work order feed for the planning board") String description) {
    }

    /** The body of POST /webhooks/{id}/replay (for the OpenAPI document): one of the two. */
    @Schema(name = "ReplayWebhooks")
    public record ReplayBody(
            @Schema(example = "2025-01-31T08:00:00Z") Instant since,
            @Schema(name = "delivery_id", example = "42") Long delivery_id) {
    }
}
