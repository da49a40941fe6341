package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Converts one source value between its JSON form and a plain Java value, in both directions. Made by
 * a {@link ConverterFactory} once per field when a mapping file is compiled; instances are shared by
 * all threads, so they must be immutable.
 */
public interface Converter {

    /**
     * The Java type {@link #read} returns and {@link #write} accepts (String, Long, BigDecimal, Boolean,
     * Instant, LocalDate, ...). The engine coerces it to the canonical field's type and back.
     */
    Class<?> valueType();

    /**
     * Reads a source value, which is never null, missing or JSON null.
     *
     * @throws IllegalArgumentException (or {@link java.time.DateTimeException}) saying why it cannot be read
     */
    Object read(JsonNode value);

    /**
     * Writes a value of {@link #valueType()}, never null, in the source's form.
     *
     * @throws IllegalArgumentException saying why it cannot be written
     */
    JsonNode write(Object value);

    /** False for converters that only read (for example {@code last_path_segment}). */
    default boolean writable() {
        return true;
    }
}
