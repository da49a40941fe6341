package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The normalized status of a canonical work order; JSON values are the lower snake_case constant names. */
public enum WorkOrderStatus implements CanonicalStatus {
    REQUESTED, PENDING_APPROVAL, APPROVED, SCHEDULED, IN_PROGRESS, ON_HOLD, COMPLETED, CLOSED, CANCELLED;

    private final String value = name().toLowerCase(Locale.ROOT);

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** The status whose JSON value is {@code value}; rejects unknown values naming the valid ones. */
    @JsonCreator
    public static WorkOrderStatus fromValue(String value) {
        return CanonicalStatus.fromValue(WorkOrderStatus.class, value);
    }
}
