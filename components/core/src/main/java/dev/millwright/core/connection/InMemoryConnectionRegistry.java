package dev.millwright.core.connection;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConnectionRegistry} held in memory, for tests and plain Camel applications. */
public final class InMemoryConnectionRegistry implements ConnectionRegistry {

    private final Map<String, ConnectionSettings> connections = new ConcurrentHashMap<>();

    public InMemoryConnectionRegistry register(ConnectionSettings settings) {
        connections.put(settings.id(), settings);
        return this;
    }

    public void remove(String connectionId) {
        connections.remove(connectionId);
    }

    @Override
    public Optional<ConnectionSettings> find(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }
}
