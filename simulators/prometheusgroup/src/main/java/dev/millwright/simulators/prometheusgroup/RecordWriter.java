package dev.millwright.simulators.prometheusgroup;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes rows as JSON: the id first, the data fields in schema order (nulls written as null), then the server's
 * times and the version. A garbled field is served as the text a test asked for, whatever the row holds.
 */
final class RecordWriter {

    private final Map<String, Map<String, String>> garbled = new ConcurrentHashMap<>();

    void garble(Schema schema, long id, String field, String text) {
        garbled.computeIfAbsent(schema.resource + "/" + id, key -> new ConcurrentHashMap<>()).put(field, text);
    }

    void ungarble(Schema schema, long id) {
        garbled.remove(schema.resource + "/" + id);
    }

    void write(JsonGenerator json, Schema schema, Row row) throws IOException {
        Map<String, String> garbles = garbled.isEmpty() ? null : garbled.get(schema.resource + "/" + row.id);
        json.writeStartObject();
        json.writeFieldName(schema.idName);
        if (schema.style == Schema.Style.PLANNING) {
            json.writeString(Long.toString(row.id));
        } else {
            json.writeNumber(row.id);
        }
        for (int i = 0; i < schema.fields.size(); i++) {
            Field field = schema.field(i);
            json.writeFieldName(field.name());
            String garble = garbles == null ? null : garbles.get(field.name());
            if (garble != null) {
                json.writeString(garble);
            } else {
                writeValue(json, field.type(), row.value(i));
            }
        }
        if (schema.createdName != null) {
            writeTime(json, schema, schema.createdName, row.created, garbles);
        }
        writeTime(json, schema, schema.modifiedName, row.modified, garbles);
        json.writeNumberField(schema.versionName, row.version);
        json.writeEndObject();
    }

    private static void writeTime(JsonGenerator json, Schema schema, String name, long millis,
            Map<String, String> garbles) throws IOException {
        json.writeFieldName(name);
        String garble = garbles == null ? null : garbles.get(name);
        if (garble != null) {
            json.writeString(garble);
        } else if (schema.style == Schema.Style.PLANNING) {
            json.writeString(Dates.instant(millis));
        } else {
            json.writeNumber(millis);
        }
    }

    private static void writeValue(JsonGenerator json, FieldType type, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (type) {
            case TEXT -> json.writeString((String) value);
            case INTEGER -> json.writeNumber((Long) value);
            case DECIMAL -> json.writeNumber((BigDecimal) value);
            case DATETIME -> json.writeString(Dates.instant((Long) value));
            case DATE -> json.writeString(((LocalDate) value).toString());
            case BOOLEAN -> json.writeBoolean((Boolean) value);
            default -> throw new IllegalStateException("unknown type " + type);
        }
    }
}
