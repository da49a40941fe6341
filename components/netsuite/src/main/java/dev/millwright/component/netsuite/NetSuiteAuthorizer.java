package dev.millwright.component.netsuite;

import java.net.URI;

import dev.millwright.core.error.ErrorContext;

/** Gives each request its Authorization header: a bearer token (OAuth 2.0) or a fresh OAuth 1.0a signature (TBA). */
interface NetSuiteAuthorizer {

    /** The Authorization header value for one attempt of a request. */
    String authorization(String method, URI uri, ErrorContext context);

    /**
     * Called when NetSuite refused {@code used}: answers true when a renewed credential is worth one more attempt
     * (an OAuth 2.0 token expired or was revoked early), false when the refusal is final.
     */
    default boolean renewAfterRefusal(String used) {
        return false;
    }
}
