package dev.millwright.runtime.connection;

import java.util.Map;

/**
 * What a client asks for when it creates a connection: the system, a name, the component options by their own
 * names, Quartz crons per entity, and custom fields per entity (name → source path).
 */
public record ConnectionRequest(
        String system,
        String name,
        Map<String, String> settings,
        Map<String, String> schedules,
        Map<String, Map<String, String>> customFields) {

    public ConnectionRequest {
        settings = Map.copyOf(settings);
        schedules = Map.copyOf(schedules);
        customFields = Map.copyOf(customFields);
    }
}
