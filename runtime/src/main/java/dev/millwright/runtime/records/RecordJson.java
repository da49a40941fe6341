package dev.millwright.runtime.records;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Writes a stored record into a response by streaming its stored JSON, with {@code deleted} taken from the store
 * (a full resync may have marked it since) and {@code remote_data} present only when asked for. No tree is built.
 */
public final class RecordJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RecordJson() {
    }

    public static void write(JsonGenerator out, StoredRow row, boolean withRaw) throws IOException {
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
}
