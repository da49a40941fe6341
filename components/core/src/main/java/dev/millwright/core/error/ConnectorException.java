package dev.millwright.core.error;

/**
 * Base of every typed error a system component raises. Each subtype has a stable machine {@link #code()} (the
 * same codes the REST API answers with) and carries the {@link ErrorContext} naming the connection, entity and
 * record involved.
 */
public abstract class ConnectorException extends RuntimeException {

    private final ErrorContext context;
    private final String detail;

    protected ConnectorException(String detail, ErrorContext context, Throwable cause) {
        super(null, cause);
        this.detail = detail;
        this.context = context == null ? ErrorContext.NONE : context;
    }

    /** Stable machine code, e.g. {@code AUTH_REQUIRED}. */
    public abstract String code();

    /** The error text without the context prefix. */
    public String detail() {
        return detail;
    }

    public ErrorContext context() {
        return context;
    }

    /** A copy of this error with the unknown parts of its context filled from {@code outer}. */
    public abstract ConnectorException withContext(ErrorContext outer);

    /** The detail as the message shows it; subtypes add what they carry (e.g. field errors). */
    protected String messageDetail() {
        return detail;
    }

    @Override
    public String getMessage() {
        if (context.isEmpty()) {
            return code() + ": " + messageDetail();
        }
        return code() + " (" + context.describe() + "): " + messageDetail();
    }
}
