package dev.millwright.runtime.connection;

import java.time.Instant;
import java.util.Map;

/**
 * A stored connection. {@code settings} are the component options in clear, {@code secrets} the secret ones
 * (sealed at rest); {@code schedules} maps entity names to Quartz crons and {@code customFields} entity names to
 * (custom field name → source path).
 */
public record Connection(
        String id,
        String system,
        String name,
        ConnectionStatus status,
        String statusReason,
        Map<String, String> settings,
        Map<String, String> secrets,
        Map<String, String> schedules,
        Map<String, Map<String, String>> customFields,
        boolean suspended,
        Instant createdAt,
        Instant updatedAt,
        Instant disconnectedAt) {

    public Connection {
        settings = Map.copyOf(settings);
        secrets = Map.copyOf(secrets);
        schedules = Map.copyOf(schedules);
        customFields = Map.copyOf(customFields);
    }

    public boolean isDisconnected() {
        return status == ConnectionStatus.DISCONNECTED;
    }

    /** Whether its syncs run: not disconnected, not suspended, and its credentials not refused. */
    public boolean syncsRun() {
        return !suspended && status != ConnectionStatus.DISCONNECTED && status != ConnectionStatus.AUTH_REQUIRED;
    }

    Connection withStatus(ConnectionStatus newStatus, String reason, Instant at) {
        return new Connection(id, system, name, newStatus, reason, settings, secrets, schedules, customFields,
                suspended, createdAt, at, newStatus == ConnectionStatus.DISCONNECTED ? at : disconnectedAt);
    }

    Connection withSuspended(boolean value, Instant at) {
        return new Connection(id, system, name, status, statusReason, settings, secrets, schedules, customFields,
                value, createdAt, at, disconnectedAt);
    }

    Connection withCredentials(Map<String, String> newSettings, Map<String, String> newSecrets, Instant at) {
        return new Connection(id, system, name, ConnectionStatus.ONLINE, null, newSettings, newSecrets, schedules,
                customFields, suspended, createdAt, at, disconnectedAt);
    }

    @Override
    public String toString() {
        // secrets are never printed
        return "Connection[id=" + id + ", system=" + system + ", status=" + status.value() + "]";
    }
}
