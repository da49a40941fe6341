package dev.millwright.core.error;

import java.util.List;

/** An update names fields the capability matrix (or the mapping) does not allow to change. */
public class FieldNotUpdatableException extends ConnectorException {

    public static final String CODE = "FIELD_NOT_UPDATABLE";

    private final List<String> fields;

    public FieldNotUpdatableException(List<String> fields, ErrorContext context) {
        super("fields not updatable: " + String.join(", ", fields), context, null);
        this.fields = List.copyOf(fields);
    }

    public List<String> fields() {
        return fields;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public FieldNotUpdatableException withContext(ErrorContext outer) {
        return new FieldNotUpdatableException(fields, context().orElse(outer));
    }
}
