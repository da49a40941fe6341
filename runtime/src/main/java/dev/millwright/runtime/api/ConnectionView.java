package dev.millwright.runtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionHealth;

/**
 * A connection as the API shows it: never its secrets (only their names), with the last sync per entity. The
 * {@code token} is present only in the answer that created or reauthorized it.
 */
@Schema(name = "Connection")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionView(
        String id,
        String system,
        String name,
        String status,
        @JsonProperty("status_reason") String statusReason,
        @JsonProperty("status_changed_at") Instant statusChangedAt,
        @Schema(description = "When the health check last called the source") @JsonProperty("last_checked_at")
        Instant lastCheckedAt,
        @Schema(description = "When a health check last succeeded") @JsonProperty("last_success_at")
        Instant lastSuccessAt,
        @Schema(description = "What the last health check failed with (absent after a success)")
        @JsonProperty("last_check_error") String lastCheckError,
        Map<String, String> settings,
        @JsonProperty("secret_settings") List<String> secretSettings,
        Map<String, String> schedules,
        @JsonProperty("custom_fields") Map<String, Map<String, String>> customFields,
        boolean suspended,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("disconnected_at") Instant disconnectedAt,
        Map<String, EntitySyncStatus> sync,
        @Schema(description = "The connection's API token: shown only when created or reauthorized") String token,
        @Schema(description = "The connection's inbound webhook secret (whsec_...), to sign POST /inbound/{id}:"
                + " shown only when created or reauthorized")
        @JsonProperty("inbound_secret") String inboundSecret) {

    static ConnectionView of(Connection connection, Map<String, EntitySyncStatus> sync, String token) {
        return new ConnectionView(connection.id(), connection.system(), connection.name(),
                connection.status().value(), connection.statusReason(), null, null, null, null, connection.settings(),
                connection.secrets().keySet().stream().sorted().toList(), connection.schedules(),
                connection.customFields(), connection.suspended(), connection.createdAt(), connection.updatedAt(),
                connection.disconnectedAt(), sync, token, null);
    }

    /** The same view with the inbound secret, in the answer that created or renewed it. */
    ConnectionView withInboundSecret(String secret) {
        return new ConnectionView(id, system, name, status, statusReason, statusChangedAt, lastCheckedAt,
                lastSuccessAt, lastCheckError, settings, secretSettings, schedules, customFields, suspended, createdAt,
                updatedAt, disconnectedAt, sync, token, secret);
    }

    /** The same view with what the health checks saw of the connection's source. */
    ConnectionView withHealth(ConnectionHealth health) {
        return new ConnectionView(id, system, name, status, statusReason, health.statusChangedAt(),
                health.lastCheckedAt(), health.lastSuccessAt(), health.lastCheckError(), settings, secretSettings,
                schedules, customFields, suspended, createdAt, updatedAt, disconnectedAt, sync, token, inboundSecret);
    }
}
