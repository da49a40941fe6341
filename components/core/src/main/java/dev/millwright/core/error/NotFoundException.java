package dev.millwright.core.error;

/** The record (or collection) does not exist at the source. */
public class NotFoundException extends ConnectorException {

    public static final String CODE = "NOT_FOUND";

    public NotFoundException(String detail, ErrorContext context) {
        super(detail, context, null);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public NotFoundException withContext(ErrorContext outer) {
        return new NotFoundException(detail(), context().orElse(outer));
    }
}
