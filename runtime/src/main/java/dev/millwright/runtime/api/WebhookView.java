package dev.millwright.runtime.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.millwright.routes.webhook.SigningSecret;
import dev.millwright.routes.webhook.WebhookDelivery;
import dev.millwright.routes.webhook.WebhookSubscription;

/**
 * A webhook subscription as the API shows it: never its secrets, except {@code secret} in the answer that created or
 * rotated it (shown once).
 */
@Schema(name = "WebhookSubscription")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        String id,
        String url,
        String description,
        List<String> events,
        @Schema(description = "Connections whose events are sent; absent means every connection")
        List<String> connections,
        @Schema(enumeration = {"active", "disabled"}) String state,
        @JsonProperty("disabled_reason") String disabledReason,
        @JsonProperty("disabled_at") Instant disabledAt,
        @Schema(description = "Since when deliveries have been failing without a success")
        @JsonProperty("failing_since") Instant failingSince,
        @Schema(description = "Until when the previous secret keeps signing beside the current one, after a rotation")
        @JsonProperty("previous_secret_expires_at") Instant previousSecretExpiresAt,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @Schema(description = "The signing secret (whsec_...), only in the answer that created or rotated it")
        String secret) {

    static WebhookView of(WebhookSubscription subscription, boolean withSecret) {
        Instant now = Instant.now();
        Instant previousExpires = subscription.secrets().stream().skip(1).filter(s -> s.validAt(now))
                .map(SigningSecret::expiresAt).max(Instant::compareTo).orElse(null);
        return new WebhookView(subscription.id(), subscription.url(), subscription.description(),
                subscription.eventTypes(), subscription.connectionIds(), subscription.state(),
                subscription.disabledReason(), subscription.disabledAt(), subscription.failingSince(),
                previousExpires, subscription.createdAt(), subscription.updatedAt(),
                withSecret ? subscription.secrets().get(0).secret() : null);
    }

    /** A delivery of an event to a subscription, with its attempts (newest first). */
    @Schema(name = "WebhookDelivery")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(
            long id,
            @JsonProperty("event_id") String eventId,
            @JsonProperty("event_type") String eventType,
            @Schema(enumeration = {"pending", "delivered", "dead"}) String state,
            int attempts,
            @JsonProperty("next_attempt_at") Instant nextAttemptAt,
            @JsonProperty("last_status") Integer lastStatus,
            @JsonProperty("last_error") String lastError,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("finished_at") Instant finishedAt,
            @JsonProperty("attempt_log") List<Attempt> attemptLog) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(d.id(), d.eventId(), d.eventType(), d.state(), d.attempts(),
                    d.state().equals(WebhookDelivery.PENDING) ? d.nextAttemptAt() : null, d.lastStatus(),
                    d.lastError(), d.createdAt(), d.finishedAt(),
                    d.attemptLog().stream().map(a -> new Attempt(a.attemptedAt(), a.statusCode(), a.latencyMillis(),
                            a.error())).toList());
        }
    }

    /** One attempt: the status code (absent when no answer came), its latency, what failed. */
    @Schema(name = "WebhookAttempt")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(
            @JsonProperty("attempted_at") Instant attemptedAt,
            @JsonProperty("status_code") Integer statusCode,
            @JsonProperty("latency_ms") long latencyMs,
            String error) {
    }

    /** A page of deliveries, newest first; {@code next} is the {@code before} of the next page. */
    @Schema(name = "WebhookDeliveries")
    public record Deliveries(List<Delivery> results,
            @Schema(description = "Pass as cursor= for the next page; null on the last page")
            @JsonProperty("next_cursor") String nextCursor) {
    }
}
