package dev.millwright.component.maximo;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.SourceResponse;

/**
 * Reads Maximo's error dialect, {@code {"Error":{"reasonCode":"BMXAA8727E","message":"...","statusCode":"404"}}}
 * (note the status is a string), into typed errors that keep the reason code.
 */
final class MaximoErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        String reasonCode = null;
        String message = null;
        try {
            JsonNode error = JSON.readTree(response.body()).path("Error");
            reasonCode = text(error.get("reasonCode"));
            message = text(error.get("message"));
        } catch (IOException | RuntimeException notMaximoJson) {
            // a proxy or a servlet container answered: keep the status and the raw body
        }
        String described = message != null ? message : "HTTP " + status + " from " + response.uri().getPath();
        return switch (status) {
            case 401, 403 -> new AuthenticationRequiredException("Maximo rejected the credentials: " + described,
                    context);
            case 404 -> new NotFoundException(described, context);
            case 409, 412 -> new ConflictException(described, context);
            case 502, 503, 504 -> new SourceUnavailableException(described, context, null);
            default -> new RemoteErrorException(status, reasonCode, message, response.bodyText(), context);
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
