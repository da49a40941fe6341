package dev.millwright.runtime.connection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;

import dev.millwright.core.connection.InMemoryConnectionRegistry;

/** The registry the system components resolve {@code connection=<id>} through. */
@ApplicationScoped
public class ConnectionBeans {

    @Produces
    @Singleton
    @Unremovable
    InMemoryConnectionRegistry connectionRegistry() {
        return new InMemoryConnectionRegistry();
    }
}
