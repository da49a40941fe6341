package dev.millwright.component.s4hana;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.SourceResponse;

/**
 * Reads SAP Gateway's error dialect,
 * {@code {"error":{"code":"...","message":{"lang":"en","value":"..."},"innererror":{"errordetails":[...]}}}},
 * (and OAuth's {@code {"error":"invalid_client"}}, and the plain-text answers of SAP's logon and CSRF checks)
 * into typed errors that keep SAP's code and message.
 */
final class S4HanaErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        String code = null;
        String message = null;
        List<FieldError> fieldErrors = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(response.body());
            JsonNode error = root == null ? null : root.get("error");
            if (error != null && error.isObject()) {
                code = text(error.get("code"));
                JsonNode text = error.get("message");
                message = text == null ? null : text.isObject() ? text(text.get("value")) : text(text);
                for (JsonNode detail : error.path("innererror").path("errordetails")) {
                    String property = text(detail.get("propertyref"));
                    if (property != null && !property.isBlank()) {
                        fieldErrors.add(new FieldError(property, text(detail.get("message")), text(detail.get("code"))));
                    }
                }
            } else if (error != null && error.isTextual()) {
                code = error.asText();
                message = text(root.get("error_description"));
            }
        } catch (IOException | RuntimeException notJson) {
            // SAP's ICF layer (logon, CSRF) and proxies answer in plain text or HTML
        }
        String described = (code == null ? "" : "[" + code + "] ")
                + (message != null ? message : "HTTP " + status + " from " + response.uri().getPath());
        return switch (status) {
            case 401 -> new RejectedCredentialsException("SAP rejected the credentials: " + described, context);
            case 403 -> "Required".equalsIgnoreCase(response.header("x-csrf-token").orElse(""))
                    ? new CsrfTokenRequiredException(response.bodyText(), context)
                    : new AuthenticationRequiredException("SAP refused access: " + described, context);
            case 404 -> new NotFoundException(described, context);
            case 405, 501 -> new OperationNotSupportedException("SAP does not offer this operation: " + described,
                    context);
            case 409 -> new ConflictException(described, context);
            case 412 -> new ConflictException("the record was changed in SAP since its version was read (stale"
                    + " If-Match): " + described, context);
            case 428 -> new ConflictException("SAP requires an If-Match header with the record's ETag (give it as"
                    + " header MillwrightRemoteVersion): " + described, context);
            case 502, 503, 504 -> new SourceUnavailableException(described, context, null);
            default -> status == 400 && !fieldErrors.isEmpty()
                    ? new ValidationFailedException("SAP rejected the record: " + described, fieldErrors, context)
                    : new RemoteErrorException(status, code, message, response.bodyText(), context);
        };
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A 401: the credentials (or the bearer token) were not accepted. */
    static final class RejectedCredentialsException extends AuthenticationRequiredException {
        RejectedCredentialsException(String detail, ErrorContext context) {
            super(detail, context);
        }
    }

    /** A 403 with {@code X-CSRF-Token: Required}: the CSRF token is missing or expired. */
    static final class CsrfTokenRequiredException extends RemoteErrorException {
        CsrfTokenRequiredException(String body, ErrorContext context) {
            super(403, "CSRF_TOKEN_REQUIRED", "SAP rejected the CSRF token (X-CSRF-Token: Required)", body, context);
        }
    }
}
