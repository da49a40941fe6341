package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A source record that cannot be read into its canonical record: a value that does not convert, or a
 * missing {@code remote_id} or {@code modified_at}. Names everything needed to find the record and the
 * value in the source system.
 */
public class RecordMappingException extends RuntimeException {

    private final String system;
    private final String entity;
    private final String remoteId;
    private final String field;
    private final String sourcePath;
    private final JsonNode rawValue;

    public RecordMappingException(String system, String entity, String remoteId, String field, String sourcePath,
            JsonNode rawValue, String problem, Throwable cause) {
        super(message(system, entity, remoteId, field, sourcePath, rawValue, problem), cause);
        this.system = system;
        this.entity = entity;
        this.remoteId = remoteId;
        this.field = field;
        this.sourcePath = sourcePath;
        this.rawValue = rawValue;
    }

    public String system() {
        return system;
    }

    public String entity() {
        return entity;
    }

    /** The record's remote id, null when it could not be read. */
    public String remoteId() {
        return remoteId;
    }

    /** The canonical field, qualified for nested values ({@code lines[2].quantity}); null for the whole record. */
    public String field() {
        return field;
    }

    /** The source path the value was read from; null when no single path is at fault. */
    public String sourcePath() {
        return sourcePath;
    }

    /** The source value that could not be converted; null when it was missing. */
    public JsonNode rawValue() {
        return rawValue;
    }

    private static String message(String system, String entity, String remoteId, String field, String sourcePath,
            JsonNode rawValue, String problem) {
        StringBuilder message = new StringBuilder("Cannot map ").append(system).append(' ').append(entity);
        message.append(remoteId == null ? " (remote id unknown)" : " '" + remoteId + "'");
        if (field != null) {
            message.append(": field '").append(field).append('\'');
        }
        if (sourcePath != null) {
            message.append(" from source path '").append(sourcePath).append('\'');
        }
        if (rawValue != null) {
            message.append(", raw value ").append(rawValue);
        }
        return message.append(": ").append(problem).toString();
    }
}
