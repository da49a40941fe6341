package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A value of a source record that cannot be read; {@link CompiledMapping} turns it into a
 * {@link dev.millwright.mapping.RecordMappingException} naming the record.
 */
final class ConversionFailure extends RuntimeException {

    final String field;
    final String sourcePath;
    final transient JsonNode rawValue;
    final String problem;

    ConversionFailure(String field, String sourcePath, JsonNode rawValue, String problem, Throwable cause) {
        super(problem, cause, false, false);
        this.field = field;
        this.sourcePath = sourcePath;
        this.rawValue = rawValue;
        this.problem = problem;
    }
}
