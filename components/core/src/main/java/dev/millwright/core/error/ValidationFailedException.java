package dev.millwright.core.error;

import java.util.List;

/** The input was rejected field by field, by us before sending or by the source. */
public class ValidationFailedException extends ConnectorException {

    public static final String CODE = "VALIDATION_FAILED";

    private final List<FieldError> fieldErrors;

    public ValidationFailedException(String detail, List<FieldError> fieldErrors, ErrorContext context) {
        super(detail, context, null);
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    protected String messageDetail() {
        return fieldErrors.isEmpty() ? detail() : detail() + " " + fieldErrors;
    }

    @Override
    public ValidationFailedException withContext(ErrorContext outer) {
        return new ValidationFailedException(detail(), fieldErrors, context().orElse(outer));
    }
}
