package dev.millwright.simulators.prometheusgroup;

import java.util.List;

/**
 * An error answer: HTTP status, the API's error code and message, and the fields at fault. Each API shape renders
 * it in its own error body.
 */
final class ApiError extends RuntimeException {

    /** One field at fault. */
    record Problem(String field, String code, String message) {
    }

    final int status;
    final String code;
    final List<Problem> problems;
    final int retryAfterSeconds;

    ApiError(int status, String code, String message, List<Problem> problems, int retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.problems = List.copyOf(problems);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, List.of(), -1);
    }

    static ApiError badRequest(String message) {
        return of(400, "BAD_REQUEST", message);
    }

    static ApiError invalidParameter(String parameter, String message) {
        return new ApiError(400, "INVALID_PARAMETER", message, List.of(new Problem(parameter, "INVALID", message)),
                -1);
    }

    static ApiError unauthorized(String message) {
        return of(401, "UNAUTHORIZED", message);
    }

    static ApiError notFound(String message) {
        return of(404, "NOT_FOUND", message);
    }

    static ApiError methodNotAllowed(String method, String what) {
        return of(405, "METHOD_NOT_ALLOWED", method + " is not allowed on " + what);
    }

    static ApiError validation(List<Problem> problems) {
        String message = problems.size() == 1 ? problems.get(0).message()
                : problems.size() + " fields are invalid";
        return new ApiError(422, "VALIDATION_FAILED", message, problems, -1);
    }

    static ApiError versionConflict(String id, long current, String given) {
        return of(412, "VERSION_CONFLICT", "record " + id + " is at version " + current + ", not " + given);
    }

    /** An error a fault injection asked for. */
    static ApiError injected(int status, int retryAfterSeconds) {
        return switch (status) {
            case 429 -> new ApiError(429, "RATE_LIMITED", "too many requests, retry later", List.of(),
                    retryAfterSeconds);
            case 503 -> of(503, "SERVICE_UNAVAILABLE", "the planning service is temporarily unavailable");
            case 401 -> unauthorized("the credentials are not valid");
            case 404 -> notFound("not found");
            default -> of(status, status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED",
                    "simulated failure with status " + status);
        };
    }

    static ApiError internal(Exception cause) {
        return of(500, "INTERNAL_ERROR", "internal error: " + cause);
    }
}
