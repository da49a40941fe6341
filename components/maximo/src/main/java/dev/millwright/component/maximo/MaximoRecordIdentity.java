package dev.millwright.component.maximo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.core.cursor.RecordIdentity;

/**
 * A Maximo record's id is the resource id ending its {@code href} (base64 of its key values, prefixed with
 * {@code _}), its version is {@code _rowstamp}, and its change time the change attribute (default
 * {@code changedate}).
 */
final class MaximoRecordIdentity implements RecordIdentity {

    private final String modifiedAttribute;

    MaximoRecordIdentity(String modifiedAttribute) {
        this.modifiedAttribute = modifiedAttribute;
    }

    static String resourceId(String href) {
        if (href == null) {
            return null;
        }
        int query = href.indexOf('?');
        String path = query >= 0 ? href.substring(0, query) : href;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String remoteId(JsonNode record) {
        JsonNode href = record.get("href");
        return href == null || href.isNull() ? null : resourceId(href.asText());
    }

    @Override
    public String version(JsonNode record) {
        JsonNode rowstamp = record.get("_rowstamp");
        return rowstamp == null || rowstamp.isNull() ? null : rowstamp.asText();
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        JsonNode changed = record.get(modifiedAttribute);
        if (changed == null || changed.isNull()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(changed.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
