package dev.millwright.runtime.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.millwright.routes.inbound.InboundRejectedException;
import dev.millwright.routes.inbound.InboundWebhookIntake;
import dev.millwright.routes.inbound.JdbcInbox;
import dev.millwright.routes.webhook.WebhookSignature;

/**
 * Inbound webhooks: change notifications from a source system (or any signed sender). No bearer token: the
 * Standard Webhooks signature with the connection's inbound secret authenticates the request. The 200 comes once
 * the notification is committed to the inbox; processing happens later, in the inbox worker.
 */
@Path("/inbound")
@Tag(name = "Inbound webhooks")
public class InboundResource {

    @Inject
    InboundWebhookIntake intake;

    /** The answer to a stored (or already stored) notification. */
    @Schema(name = "InboundReceipt")
    public record Receipt(String status) {
    }

    @POST
    @Path("/{connection_id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a change notification",
               description = "Signed per Standard Webhooks with the connection's inbound secret (webhook-id,"
                       + " webhook-timestamp, webhook-signature). A duplicate webhook-id is acknowledged again and"
                       + " not stored twice.")
    @APIResponse(responseCode = "200", description = "Stored (status stored) or stored before (status duplicate)",
                 content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "401", description = "Bad signature, unknown connection or stale timestamp",
                 content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body over millwright.inbound.max-body-size",
                 content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Receipt receive(@PathParam("connection_id") String connectionId,
            @HeaderParam(WebhookSignature.ID_HEADER) String webhookId,
            @HeaderParam(WebhookSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(WebhookSignature.SIGNATURE_HEADER) String signature,
            @HeaderParam("Content-Length") Long contentLength, InputStream body) throws IOException {
        int limit = intake.settings().maxBodyBytes();
        try {
            if (contentLength != null && contentLength > limit) {
                throw intake.tooLarge(contentLength);
            }
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(limit + 1);
            JdbcInbox.Stored stored = intake.receive(connectionId, webhookId, timestamp, signature, bytes);
            return new Receipt(stored == JdbcInbox.Stored.STORED ? "stored" : "duplicate");
        } catch (InboundRejectedException rejected) {
            throw new ProblemException(rejected.status(), rejected.code(), rejected.getMessage(), List.of());
        }
    }
}
