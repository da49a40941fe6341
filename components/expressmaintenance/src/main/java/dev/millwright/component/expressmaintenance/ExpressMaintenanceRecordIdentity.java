package dev.millwright.component.expressmaintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.millwright.core.cursor.RecordIdentity;

/**
 * A raw record's id is its key fields' values (several joined with {@code |}, a {@code |} or {@code \} inside a
 * value escaped with {@code \}), its version the version field (else the last-modified field), its change time the
 * last-modified field.
 */
final class ExpressMaintenanceRecordIdentity implements RecordIdentity {

    private final List<String> keyFields;
    private final String versionField;
    private final String modifiedField;
    private final SqlValues values;

    ExpressMaintenanceRecordIdentity(List<String> keyFields, String versionField, String modifiedField,
            SqlValues values) {
        this.keyFields = keyFields;
        this.versionField = versionField;
        this.modifiedField = modifiedField;
        this.values = values;
    }

    @Override
    public String remoteId(JsonNode record) {
        List<String> parts = new ArrayList<>(keyFields.size());
        for (String field : keyFields) {
            JsonNode value = record.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            parts.add(value.asText());
        }
        return join(parts);
    }

    @Override
    public String version(JsonNode record) {
        JsonNode value = record.get(versionField);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public Instant modifiedAt(JsonNode record) {
        JsonNode value = record.get(modifiedField);
        return value == null || value.isNull() ? null : values.instant(value.asText());
    }

    static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
            if (!id.isEmpty()) {
                id.append('|');
            }
            id.append(part.replace("\\", "\\\\").replace("|", "\\|"));
        }
        return id.toString();
    }

    /** The key values of a remote id; null when it has not {@code count} parts. */
    static List<String> split(String remoteId, int count) {
        if (count == 1) {
            return List.of(remoteId);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < remoteId.length(); i++) {
            char c = remoteId.charAt(i);
            if (c == '\\' && i + 1 < remoteId.length()) {
                current.append(remoteId.charAt(++i));
            } else if (c == '|') {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.size() == count ? parts : null;
    }
}
