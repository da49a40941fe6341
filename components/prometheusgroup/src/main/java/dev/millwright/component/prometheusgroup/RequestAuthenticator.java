package dev.millwright.component.prometheusgroup;

import java.net.http.HttpRequest;

import dev.millwright.core.error.ErrorContext;

/** Adds a profile's credentials to each request. */
interface RequestAuthenticator {

    void authenticate(HttpRequest.Builder request, ErrorContext context);

    /**
     * Told that the source refused the credentials (401/403): drops what it cached and answers whether sending
     * the request again may succeed (true for an access token that can be fetched anew).
     */
    default boolean renewAfterRejection() {
        return false;
    }

    /** No credentials at all. */
    RequestAuthenticator NONE = (request, context) -> { };
}
