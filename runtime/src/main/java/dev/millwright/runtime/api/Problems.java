package dev.millwright.runtime.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.FieldNotUpdatableException;
import dev.millwright.core.error.RateLimitedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.ValidationFailedException;

/** Builds problem responses; the one place where a machine code becomes an HTTP status and a title. */
public final class Problems {

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", 400),
            Map.entry("UNAUTHORIZED", 401),
            Map.entry("NOT_FOUND", 404),
            Map.entry("METHOD_NOT_ALLOWED", 405),
            Map.entry("NOT_ACCEPTABLE", 406),
            Map.entry("CONFLICT", 409),
            Map.entry("PAYLOAD_TOO_LARGE", 413),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
            Map.entry("FIELD_NOT_UPDATABLE", 422),
            Map.entry("OPERATION_NOT_SUPPORTED", 422),
            Map.entry("AUTH_REQUIRED", 424),
            Map.entry("RATE_LIMITED", 429),
            Map.entry("INTERNAL_ERROR", 500),
            Map.entry("REMOTE_ERROR", 502),
            Map.entry("MALFORMED_RESPONSE", 502),
            Map.entry("SOURCE_UNAVAILABLE", 503));

    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", "The request is not valid"),
            Map.entry("UNAUTHORIZED", "Missing or invalid credentials"),
            Map.entry("NOT_FOUND", "Not found"),
            Map.entry("METHOD_NOT_ALLOWED", "Method not allowed"),
            Map.entry("NOT_ACCEPTABLE", "Not acceptable"),
            Map.entry("CONFLICT", "Conflict"),
            Map.entry("PAYLOAD_TOO_LARGE", "Payload too large"),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type"),
            Map.entry("FIELD_NOT_UPDATABLE", "Fields that cannot be updated"),
            Map.entry("OPERATION_NOT_SUPPORTED", "Operation not supported"),
            Map.entry("AUTH_REQUIRED", "The source system rejected the connection's credentials"),
            Map.entry("RATE_LIMITED", "The source system is rate limiting"),
            Map.entry("INTERNAL_ERROR", "Internal error"),
            Map.entry("REMOTE_ERROR", "The source system answered with an error"),
            Map.entry("MALFORMED_RESPONSE", "The source system answered with a malformed response"),
            Map.entry("SOURCE_UNAVAILABLE", "The source system is unavailable"));

    private Problems() {
    }

    public static int status(String code) {
        return STATUS.getOrDefault(code, 500);
    }

    public static Response response(String code, String detail, List<FieldError> errors, String requestId) {
        return response(status(code), code, detail, errors, requestId, null, null).build();
    }

    static Response.ResponseBuilder response(int status, String code, String detail, List<FieldError> errors,
            String requestId, String remoteCode, String remoteMessage) {
        List<Problem.FieldProblem> fields = errors == null || errors.isEmpty() ? null : errors.stream()
                .map(error -> new Problem.FieldProblem(error.field(), error.message(), error.remoteCode())).toList();
        Problem problem = new Problem("https://millwright.dev/problems/" + code.toLowerCase().replace('_', '-'),
                TITLES.getOrDefault(code, "Error"), status, detail, code, requestId, fields, remoteCode, remoteMessage);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** A typed source error as the API answers it (remote code and message kept, Retry-After passed on). */
    public static Response fromConnector(ConnectorException error, String requestId) {
        List<FieldError> fields = error instanceof ValidationFailedException validation ? validation.fieldErrors()
                : error instanceof FieldNotUpdatableException notUpdatable ? notUpdatable.fields().stream()
                        .map(field -> new FieldError(field, "cannot be updated")).toList()
                : List.of();
        String remoteCode = null;
        String remoteMessage = null;
        if (error instanceof RemoteErrorException remote) {
            remoteCode = remote.remoteCode();
            remoteMessage = remote.remoteMessage();
        }
        Response.ResponseBuilder builder = response(status(error.code()), error.code(), error.getMessage(), fields,
                requestId, remoteCode, remoteMessage);
        if (error instanceof RateLimitedException limited && limited.retryAfter() != null) {
            builder.header("Retry-After", Math.max(1, limited.retryAfter().plus(Duration.ofMillis(999)).toSeconds()));
        }
        return builder.build();
    }
}
