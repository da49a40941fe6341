package dev.millwright.component.dynamics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.core.cursor.RecordIdentity;

/**
 * A Business Central record's id is its {@code id} (the SystemId GUID), its version the {@code @odata.etag}
 * ({@code W/"JzQ0O..."}), its modified time {@code lastModifiedDateTime} (or the configured property).
 */
final class DynamicsRecordIdentity implements RecordIdentity {

    static final String ID = "id";
    static final String ETAG = "@odata.etag";

    private final String modifiedProperty;

    DynamicsRecordIdentity(String modifiedProperty) {
        this.modifiedProperty = modifiedProperty;
    }

    @Override
    public String remoteId(JsonNode record) {
        return text(record.get(ID));
    }

    @Override
    public String version(JsonNode record) {
        return text(record.get(ETAG));
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        String modified = text(record.get(modifiedProperty));
        if (modified == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(modified).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
