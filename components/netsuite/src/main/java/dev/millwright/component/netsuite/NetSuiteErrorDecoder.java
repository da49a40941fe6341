package dev.millwright.component.netsuite;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.ErrorDecoder;
import dev.millwright.core.http.SourceResponse;

/**
 * Reads NetSuite's error dialect, {@code {"type", "title", "status", "o:errorDetails": [{"detail", "o:errorCode",
 * "o:errorPath"}]}}, into typed errors: 401/403 (INVALID_LOGIN, missing permissions) need new credentials; 404 is
 * a missing record or record type; a refused record (INVALID_CONTENT, INVALID_KEY_OR_REF, USER_ERROR, ...) fails
 * validation with one field error per detail, path and code kept; a refused request (INVALID_PARAMETER, a bad
 * SuiteQL query) is a remote error; 502-504 mean the source is down (429 never gets here: the HTTP client retries
 * it and reports rate limiting itself).
 */
final class NetSuiteErrorDecoder implements ErrorDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Codes that refuse the request itself, not the record it carries. */
    private static final Set<String> REQUEST_ERRORS = Set.of("INVALID_PARAMETER", "INVALID_HEADER", "INVALID_URL",
            "METHOD_NOT_ALLOWED");

    /** One {@code o:errorDetails} entry. */
    record Detail(String detail, String code, String path) {
    }

    @Override
    public ConnectorException decode(SourceResponse response, ErrorContext context) {
        int status = response.status();
        List<Detail> details = details(response);
        Detail first = details.isEmpty() ? null : details.get(0);
        String code = first == null ? null : first.code();
        String message = first == null ? null : first.detail();
        String described = message != null ? message + " [" + code + "]" : "HTTP " + status + " from "
                + response.uri().getPath();
        return switch (status) {
            case 401, 403 -> new AuthenticationRequiredException("NetSuite refused the credentials: " + described,
                    context);
            case 404 -> new NotFoundException(described, context);
            case 502, 503, 504 -> new SourceUnavailableException(described, context, null);
            case 400, 422 -> {
                if (first == null || REQUEST_ERRORS.contains(code)) {
                    yield new RemoteErrorException(status, code, message, response.bodyText(), context);
                }
                List<FieldError> fields = new ArrayList<>();
                for (Detail detail : details) {
                    fields.add(new FieldError(detail.path() == null ? "record" : detail.path(), detail.detail(),
                            detail.code()));
                }
                yield new ValidationFailedException("NetSuite refused the record: " + message, fields, context);
            }
            default -> new RemoteErrorException(status, code, message, response.bodyText(), context);
        };
    }

    static List<Detail> details(SourceResponse response) {
        List<Detail> details = new ArrayList<>();
        try {
            JsonNode body = JSON.readTree(response.body());
            if (body == null) {
                return details;
            }
            for (JsonNode entry : body.path("o:errorDetails")) {
                details.add(new Detail(text(entry.get("detail")), text(entry.get("o:errorCode")),
                        text(entry.get("o:errorPath"))));
            }
            if (details.isEmpty() && body.hasNonNull("title")) {
                details.add(new Detail(text(body.get("title")), null, null));
            }
        } catch (IOException | RuntimeException notNetSuiteJson) {
            // a proxy or load balancer answered: keep the status and the raw body
        }
        return details;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
