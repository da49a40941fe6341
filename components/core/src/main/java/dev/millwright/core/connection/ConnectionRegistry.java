package dev.millwright.core.connection;

import java.util.Optional;

/**
 * Looks connections up by id. A system component finds the registry in the Camel registry, so that
 * {@code maximo:work-orders?connection=plant-7} takes its base URL and credentials from the connection.
 */
public interface ConnectionRegistry {

    Optional<ConnectionSettings> find(String connectionId);
}
