package dev.millwright.component.netsuite;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.http.SourceHttpClient;
import dev.millwright.core.http.SourceResponse;

/**
 * Sends requests to one NetSuite account: every attempt gets its own Authorization header (a TBA signature must
 * never be replayed, a renewed token must be used), and a request refused for its credentials is tried once more
 * when the authorizer could renew them.
 */
final class NetSuiteHttp {

    private final SourceHttpClient http;
    private final NetSuiteAuthorizer authorizer;

    NetSuiteHttp(SourceHttpClient http, NetSuiteAuthorizer authorizer) {
        this.http = http;
        this.authorizer = authorizer;
    }

    /**
     * @param request    builds the request without Authorization (called for every attempt)
     * @param idempotent whether a network error may be retried
     */
    SourceResponse send(String method, URI uri, Supplier<HttpRequest.Builder> request, boolean idempotent,
                        ErrorContext context) {
        AtomicReference<String> used = new AtomicReference<>();
        Supplier<HttpRequest.Builder> authorized = () -> {
            String authorization = authorizer.authorization(method, uri, context);
            used.set(authorization);
            return request.get().header("Authorization", authorization);
        };
        try {
            return http.send(authorized, idempotent, context);
        } catch (AuthenticationRequiredException refused) {
            if (used.get() == null || !authorizer.renewAfterRefusal(used.get())) {
                throw refused;
            }
            return http.send(authorized, idempotent, context);
        }
    }
}
