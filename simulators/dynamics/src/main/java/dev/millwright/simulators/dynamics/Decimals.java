package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decimals stored as longs scaled by 10^5. */
final class Decimals {
    private Decimals() {
    }

    static long scale(BigDecimal value) {
        return value.setScale(PropertyType.DECIMAL_SCALE, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    /** The stored value as BC writes it: no trailing zeros, never in exponent form. */
    static BigDecimal unscale(long scaled) {
        BigDecimal value = BigDecimal.valueOf(scaled, PropertyType.DECIMAL_SCALE).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    static boolean fits(BigDecimal value) {
        return value.abs().compareTo(new BigDecimal("90000000000000")) < 0;
    }
}
