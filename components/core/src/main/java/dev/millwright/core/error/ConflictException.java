package dev.millwright.core.error;

/** A write carried a version (ETag, rowstamp) that is no longer current at the source. */
public class ConflictException extends ConnectorException {

    public static final String CODE = "CONFLICT";

    public ConflictException(String detail, ErrorContext context) {
        super(detail, context, null);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public ConflictException withContext(ErrorContext outer) {
        return new ConflictException(detail(), context().orElse(outer));
    }
}
