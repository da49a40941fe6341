package dev.millwright.component.netsuite;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A NetSuite record's id is its internal id ({@code id}); it has no ETag, so its version is its modified time
 * ({@code lastModifiedDate}, or {@code lastModified} of a custom record) as the record API writes it, which is also
 * its modified time.
 */
final class NetSuiteRecordIdentity implements dev.millwright.core.cursor.RecordIdentity {

    private final String modifiedField;

    NetSuiteRecordIdentity(String modifiedField) {
        this.modifiedField = modifiedField;
    }

    @Override
    public String remoteId(JsonNode record) {
        JsonNode id = record.get("id");
        return id == null || id.isNull() ? null : id.asText();
    }

    @Override
    public String version(JsonNode record) {
        JsonNode modified = record.get(modifiedField);
        return modified == null || modified.isNull() ? null : modified.asText();
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        JsonNode modified = record.get(modifiedField);
        if (modified == null || modified.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(modified.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
