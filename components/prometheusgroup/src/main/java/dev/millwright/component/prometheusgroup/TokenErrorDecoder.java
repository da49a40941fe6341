package dev.millwright.component.prometheusgroup;

import java.io.IOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.SourceResponse;

/**
 * Reads an OAuth2 token endpoint's errors (RFC 6749 section 5.2, {@code {"error": "invalid_client",
 * "error_description": "..."}}): refused client credentials are {@link AuthenticationRequiredException}s.
 */
final class TokenErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("invalid_client", "invalid_grant",
            "unauthorized_client");

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        String error = null;
        String description = null;
        try {
            JsonNode body = JSON.readTree(response.body());
            error = body == null || !body.path("error").isTextual() ? null : body.get("error").asText();
            description = body == null || !body.path("error_description").isTextual() ? null
                    : body.get("error_description").asText();
        } catch (IOException | RuntimeException notJson) {
            // a proxy answered: keep the status
        }
        String said = error == null ? "HTTP " + response.status()
                : error + (description == null ? "" : " (" + description + ")");
        int status = response.status();
        if (status == 401 || status == 403 || error != null && CREDENTIAL_ERRORS.contains(error)) {
            return new AuthenticationRequiredException("the token endpoint " + response.uri().getPath()
                    + " refused the client credentials: " + said, context);
        }
        if (status == 502 || status == 503 || status == 504) {
            return new SourceUnavailableException("the token endpoint answered " + said, context, null);
        }
        return new RemoteErrorException(status, error, "the token endpoint answered " + said, response.bodyText(),
                context);
    }
}
