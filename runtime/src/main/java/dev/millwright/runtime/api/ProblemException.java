package dev.millwright.runtime.api;

import java.util.List;

import dev.millwright.core.error.FieldError;

/**
 * An error the API answers as an RFC 9457 problem with a stable machine code, raised by the API layer and the
 * services behind it for what they refuse themselves (typed source errors are mapped from their own types).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public ProblemException(int status, String code, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException validation(String detail, List<FieldError> errors) {
        return new ProblemException(400, "VALIDATION_FAILED", detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return validation(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "NOT_FOUND", detail, List.of());
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "UNAUTHORIZED", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "CONFLICT", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
