package dev.millwright.runtime.api;

import jakarta.enterprise.context.RequestScoped;

import dev.millwright.runtime.connection.Connection;

/** The connection the request's token belongs to (set by {@link ApiAuthentication}). */
@RequestScoped
public class CurrentConnection {

    private Connection connection;

    void set(Connection authenticated) {
        this.connection = authenticated;
    }

    public Connection get() {
        if (connection == null) {
            throw ProblemException.unauthorized("a connection token is required");
        }
        return connection;
    }

    public String id() {
        return get().id();
    }
}
