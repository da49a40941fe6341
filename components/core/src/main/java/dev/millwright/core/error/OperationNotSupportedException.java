package dev.millwright.core.error;

/** The system (or the capability matrix) does not offer this operation for this entity. */
public class OperationNotSupportedException extends ConnectorException {

    public static final String CODE = "OPERATION_NOT_SUPPORTED";

    public OperationNotSupportedException(String detail, ErrorContext context) {
        super(detail, context, null);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public OperationNotSupportedException withContext(ErrorContext outer) {
        return new OperationNotSupportedException(detail(), context().orElse(outer));
    }
}
