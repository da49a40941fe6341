package dev.millwright.core.error;

/** The source answered 2xx with a body that is not what its protocol promises (truncated JSON, missing members). */
public class MalformedResponseException extends ConnectorException {

    public static final String CODE = "MALFORMED_RESPONSE";

    public MalformedResponseException(String detail, ErrorContext context, Throwable cause) {
        super(detail, context, cause);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public MalformedResponseException withContext(ErrorContext outer) {
        return new MalformedResponseException(detail(), context().orElse(outer), getCause());
    }
}
