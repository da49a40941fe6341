package dev.millwright.component.dynamics;

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
 * Reads Business Central's error dialect, {@code {"error":{"code":"Internal_CompanyNotFound","message":"..."}}},
 * into typed errors that keep BC's code: 401 (Authentication_*) and 403 (Authorization_*) need new credentials or
 * permissions; 404 (BadRequest_NotFound, Internal_RecordNotFound, Internal_CompanyNotFound) is not found;
 * Request_EntityChanged (409 in current BC, 412 in some versions and proxies) is a stale ETag; every other answer
 * is a remote error with BC's code and message.
 */
final class DynamicsErrorDecoder implements ErrorDecoder {

    static final String ENTITY_CHANGED = "Request_EntityChanged";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        String code = null;
        String message = null;
        try {
            JsonNode error = JSON.readTree(response.body()).path("error");
            code = text(error.get("code"));
            message = text(error.get("message"));
        } catch (IOException | RuntimeException notBcJson) {
            // a gateway answered: keep the status and the raw body
        }
        String described = (code == null ? "" : "[" + code + "] ")
                + (message != null ? message : "HTTP " + status + " from " + response.uri().getPath());
        if (status == 401) {
            return new AccessTokenRejectedException("Business Central refused the access token: " + described,
                    context);
        }
        if (status == 403) {
            return new AuthenticationRequiredException("Business Central refused the app access: " + described,
                    context);
        }
        if (status == 404) {
            return new NotFoundException(described, context);
        }
        if (status == 412 || status == 409 && ENTITY_CHANGED.equals(code)) {
            return new ConflictException(described, context);
        }
        if (status == 502 || status == 503 || status == 504) {
            return new SourceUnavailableException(described, context, null);
        }
        return new RemoteErrorException(status, code, message, response.bodyText(), context);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
