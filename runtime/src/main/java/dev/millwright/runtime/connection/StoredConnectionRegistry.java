package dev.millwright.runtime.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.millwright.core.connection.ConnectionRegistry;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.model.Entity;

/**
 * The registry the system components and the canonical component resolve connections through: the live
 * connections' options (settings and opened secrets) and custom fields, kept current by the
 * {@link ConnectionService}.
 */
public final class StoredConnectionRegistry implements ConnectionRegistry, CustomFieldSource {

    private final Map<String, dev.millwright.runtime.connection.Connection> live = new ConcurrentHashMap<>();

    void put(dev.millwright.runtime.connection.Connection connection) {
        live.put(connection.id(), connection);
    }

    void remove(String connectionId) {
        live.remove(connectionId);
    }

    @Override
    public Optional<ConnectionSettings> find(String connectionId) {
        dev.millwright.runtime.connection.Connection connection = live.get(connectionId);
        if (connection == null) {
            return Optional.empty();
        }
        Map<String, String> options = new HashMap<>(connection.settings());
        options.putAll(connection.secrets());
        return Optional.of(new ConnectionSettings(connection.id(), connection.system(), options));
    }

    @Override
    public Map<String, String> customFields(String connectionId, Entity entity) {
        dev.millwright.runtime.connection.Connection connection = live.get(connectionId);
        return connection == null ? Map.of()
                : connection.customFields().getOrDefault(entity.entityName(), Map.of());
    }
}
