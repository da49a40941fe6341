package dev.millwright.simulators.dynamics;

/**
 * A BC number series: numbers such as {@code V00010}, {@code 1896-S}, {@code FA000010} or {@code 106001}, each
 * {@code step} after the previous. Numbers taken manually are skipped.
 */
final class NumberSeries {
    private final String prefix;
    private final int width;
    private final String suffix;
    private final int step;
    private long next;

    NumberSeries(String prefix, long first, int step, int width, String suffix) {
        this.prefix = prefix;
        this.next = first;
        this.step = step;
        this.width = width;
        this.suffix = suffix;
    }

    String peek() {
        return format(next);
    }

    String take() {
        String number = format(next);
        next += step;
        return number;
    }

    private String format(long value) {
        String digits = Long.toString(value);
        StringBuilder number = new StringBuilder(prefix);
        for (int i = digits.length(); i < width; i++) {
            number.append('0');
        }
        return number.append(digits).append(suffix).toString();
    }
}
