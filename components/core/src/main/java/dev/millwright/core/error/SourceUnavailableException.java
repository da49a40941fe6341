package dev.millwright.core.error;

/** The source could not be reached (connection refused, timeouts, 5xx) after the retries the policy allows. */
public class SourceUnavailableException extends ConnectorException {

    public static final String CODE = "SOURCE_UNAVAILABLE";

    public SourceUnavailableException(String detail, ErrorContext context, Throwable cause) {
        super(detail, context, cause);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public SourceUnavailableException withContext(ErrorContext outer) {
        return new SourceUnavailableException(detail(), context().orElse(outer), getCause());
    }
}
