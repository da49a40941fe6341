package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A source value that could not be mapped and was left out (the canonical field is null), for example a
 * status code missing from the enum table. The raw value stays in {@code remote_data}.
 *
 * @param field canonical field, qualified for nested values ({@code lines[2].unit})
 * @param sourcePath source path the value was read from ({@code poline[2].orderunit})
 * @param rawValue the source value
 * @param message what was wrong
 */
public record MappingWarning(String field, String sourcePath, JsonNode rawValue, String message) {

    @Override
    public String toString() {
        return field + " (" + sourcePath + " = " + rawValue + "): " + message;
    }
}
