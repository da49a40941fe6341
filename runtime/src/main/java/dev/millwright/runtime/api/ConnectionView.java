package dev.millwright.runtime.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.millwright.runtime.connection.Connection;

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
        Map<String, String> settings,
        @JsonProperty("secret_settings") List<String> secretSettings,
        Map<String, String> schedules,
        @JsonProperty("custom_fields") Map<String, Map<String, String>> customFields,
        boolean suspended,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        @JsonProperty("disconnected_at") Instant disconnectedAt,
        Map<String, EntitySyncStatus> sync,
        @Schema(description = "The connection's API token: shown only when created or reauthorized") String token) {

    static ConnectionView of(Connection connection, Map<String, EntitySyncStatus> sync, String token) {
        return new ConnectionView(connection.id(), connection.system(), connection.name(),
                connection.status().value(), connection.statusReason(), connection.settings(),
                connection.secrets().keySet().stream().sorted().toList(), connection.schedules(),
                connection.customFields(), connection.suspended(), connection.createdAt(), connection.updatedAt(),
                connection.disconnectedAt(), sync, token);
    }
}
