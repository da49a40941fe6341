package dev.millwright.runtime.api;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.millwright.runtime.connection.ApiTokens;
import dev.millwright.runtime.connection.Connection;
import dev.millwright.runtime.connection.ConnectionService;

/**
 * Bearer authentication of the two kinds of caller: operators with the admin key ({@link AdminOnly}) and
 * applications with a connection's token ({@link ConnectionScoped}). Secrets are compared in constant time and
 * never logged.
 */
public class ApiAuthentication {

    @Inject
    ConnectionService connections;

    @Inject
    CurrentConnection current;

    @Inject
    AdminKey adminKey;

    @ServerRequestFilter
    @AdminOnly
    @Priority(Priorities.AUTHENTICATION)
    public Optional<jakarta.ws.rs.core.Response> admin(ContainerRequestContext request) {
        String presented = bearer(request);
        if (!ApiTokens.matches(presented, adminKey.value())) {
            return Optional.of(unauthorized(request, "the admin key is required: Authorization: Bearer <admin key>"));
        }
        return Optional.empty();
    }

    @ServerRequestFilter
    @ConnectionScoped
    @Priority(Priorities.AUTHENTICATION)
    public Optional<jakarta.ws.rs.core.Response> connection(ContainerRequestContext request) {
        String presented = bearer(request);
        Optional<Connection> connection = connections.authenticate(presented);
        if (connection.isEmpty()) {
            return Optional.of(unauthorized(request, presented == null
                    ? "a connection token is required: Authorization: Bearer <token>"
                    : "the token is not valid (unknown, replaced by a reauthorization, or disconnected)"));
        }
        current.set(connection.get());
        return Optional.empty();
    }

    private static String bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static jakarta.ws.rs.core.Response unauthorized(ContainerRequestContext request, String detail) {
        jakarta.ws.rs.core.Response problem = Problems.response("UNAUTHORIZED", detail, List.of(),
                ProblemMappers.requestId(request));
        return jakarta.ws.rs.core.Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
