package dev.millwright.component.dynamics;

import java.io.IOException;

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
 * Reads Microsoft Entra ID's OAuth error answers, {@code {"error":"invalid_client","error_description":"AADSTS7000215:
 * Invalid client secret provided. ... Trace ID: ...","error_codes":[7000215]}}: a refused grant (400/401) means the
 * credentials need attention, and keeps the AADSTS code and text (without the trace ids).
 */
final class EntraErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String clientId;

    EntraErrorDecoder(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        String error = null;
        String description = null;
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body != null) {
                error = text(body.get("error"));
                description = text(body.get("error_description"));
            }
        } catch (IOException | RuntimeException notEntraJson) {
            // a proxy answered: keep the status and the raw body
        }
        if (description != null && description.contains(" Trace ID:")) {
            description = description.substring(0, description.indexOf(" Trace ID:")).trim();
        }
        String described = (error == null ? "HTTP " + status : error) + (description == null ? "" : ": " + description);
        if (status == 400 || status == 401 || status == 403) {
            return new AuthenticationRequiredException("Microsoft Entra ID refused the client credentials of app '"
                    + clientId + "': " + described, context);
        }
        if (status >= 500) {
            return new SourceUnavailableException("the token endpoint answered " + described, context, null);
        }
        return new RemoteErrorException(status, error, description, response.bodyText(), context);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
