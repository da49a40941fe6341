package dev.millwright.mapping.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A normalized status of a canonical record. Its {@link #value()} is the lower snake_case JSON value
 * that PRODUCT.md publishes (for example {@code pending_approval}).
 */
public interface CanonicalStatus {

    /** The JSON value of this status. */
    String value();

    /**
     * Finds the constant of {@code type} whose {@link #value()} is {@code value}.
     *
     * @throws IllegalArgumentException naming the valid values when there is none
     */
    static <E extends Enum<E> & CanonicalStatus> E fromValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(value)) {
                return constant;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants()).map(CanonicalStatus::value)
                .collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown " + type.getSimpleName() + " value '" + value + "'; valid values: " + valid);
    }
}
