package dev.millwright.runtime.records;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Writes a stored record into a response. Most are served as stored; otherwise the stored JSON is streamed with
 * {@code deleted} taken from the store (a full resync may have marked it since) and {@code remote_data} present
 * only when asked for. No tree is built.
 */
public final class RecordJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String DELETED = "\"deleted\":";

    private RecordJson() {
    }

    public static void write(JsonGenerator out, StoredRow row, boolean withRaw) throws IOException {
        if (!withRaw && storedAsServed(row)) {
            out.writeRawValue(row.json());
            return;
        }
        try (JsonParser in = JSON.createParser(row.json())) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("record " + row.id() + " is not stored as a JSON object");
            }
            out.writeStartObject();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String name = in.currentName();
                in.nextToken();
                switch (name) {
                    case "deleted" -> out.writeBooleanField("deleted", row.deleted());
                    case "remote_data" -> {
                        out.writeFieldName("remote_data");
                        if (withRaw && row.remoteData() != null) {
                            out.writeRawValue(row.remoteData());
                        } else {
                            out.writeNull();
                        }
                    }
                    default -> {
                        out.writeFieldName(name);
                        out.copyCurrentStructure(in);
                        continue;
                    }
                }
                in.skipChildren();
            }
            out.writeEndObject();
        }
    }

    /**
     * Whether the stored JSON is already what is served: stored records carry {@code remote_data: null}, and their
     * top-level {@code deleted} (the first {@code "deleted":} in the text, since only plain scalars and escaped
     * strings come before it) matches the store's column unless a resync marked the record since.
     */
    private static boolean storedAsServed(StoredRow row) {
        String json = row.json();
        int at = json.indexOf(DELETED);
        return at >= 0 && json.startsWith(row.deleted() ? "true" : "false", at + DELETED.length());
    }
}
