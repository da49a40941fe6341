package dev.millwright.mapping.model;

/** Canonical JSON that does not fit the canonical model, naming the field at fault. */
public class CanonicalJsonException extends IllegalArgumentException {

    /** What is wrong with the field. */
    public enum Reason {
        /** The JSON names a field the canonical model does not have. */
        UNKNOWN_FIELD,
        /** The field's value has the wrong type or format, or the JSON is malformed. */
        INVALID_VALUE
    }

    private final String field;
    private final Reason reason;

    public CanonicalJsonException(String field, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.reason = reason;
    }

    /** The field at fault as a path ({@code lines[0].quantity}); null or empty when the whole value is at fault. */
    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
