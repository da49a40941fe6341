package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The normalized status of a canonical purchase order; JSON values are the lower snake_case constant names. */
public enum PurchaseOrderStatus implements CanonicalStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, OPEN, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED;

    private final String value = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The status whose JSON value is {@code value}; rejects unknown values naming the valid ones. */
    @JsonCreator
    public static PurchaseOrderStatus fromValue(String value) {
        return CanonicalStatus.fromValue(PurchaseOrderStatus.class, value);
    }
}
