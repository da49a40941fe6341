package dev.millwright.simulators.dynamics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Streams OData v4 JSON (odata.metadata=minimal) with Jackson's generator, straight from the stored records: a
 * collection is {@code {"@odata.context", "value": [...], "@odata.nextLink"}}, an entity carries its
 * {@code @odata.etag} first. Decimals are plain numbers without trailing zeros, dates {@code 2024-01-15},
 * date-times ISO-8601 UTC with milliseconds when they have some, empty GUIDs all zeros, as BC writes them.
 */
final class ODataJsonWriter {

    /** What a collection response holds besides its records. */
    record CollectionPage(String context, List<BcRecord> records, Set<Property> select, boolean expandLines,
                          long count, String nextLink) {
    }

    private final JsonFactory json;
    /** Values served as given for some properties of some records, keyed by entity set and id. */
    private final Map<String, Map<String, String>> garbled = new ConcurrentHashMap<>();

    ODataJsonWriter(JsonFactory json) {
        this.json = json;
        json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    byte[] collection(CollectionPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.records().size() * 900 + 512);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("@odata.context", page.context());
            if (page.count() >= 0) {
                gen.writeNumberField("@odata.count", page.count());
            }
            gen.writeArrayFieldStart("value");
            for (BcRecord record : page.records()) {
                writeRecord(gen, record, page.select(), page.expandLines());
            }
            gen.writeEndArray();
            if (page.nextLink() != null) {
                gen.writeStringField("@odata.nextLink", page.nextLink());
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] entity(String context, BcRecord record, Set<Property> select, boolean expandLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("@odata.context", context);
            writeBody(gen, record, select, expandLines);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A record without context, as the data access methods hand it out. */
    byte[] record(BcRecord record, boolean expandLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator gen = json.createGenerator(out)) {
            writeRecord(gen, record, null, expandLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRecord(JsonGenerator gen, BcRecord record, Set<Property> select, boolean expandLines)
            throws IOException {
        gen.writeStartObject();
        writeBody(gen, record, select, expandLines);
        gen.writeEndObject();
    }

    private void writeBody(JsonGenerator gen, BcRecord record, Set<Property> select, boolean expandLines)
            throws IOException {
        gen.writeStringField("@odata.etag", record.etag());
        Map<String, String> overrides = garbled.isEmpty() ? null
                : garbled.get(key(record.schema.entitySet(), record.id));
        for (Property property : record.schema.properties()) {
            if (select != null && !select.contains(property)) {
                continue;
            }
            gen.writeFieldName(property.name());
            String override = overrides == null ? null : overrides.get(property.name());
            if (override != null) {
                gen.writeString(override);
            } else {
                writeValue(gen, property, record.get(property));
            }
        }
        if (expandLines && record.lines != null) {
            gen.writeArrayFieldStart(record.schema.linesProperty());
            for (BcRecord line : record.lines) {
                writeRecord(gen, line, null, false);
            }
            gen.writeEndArray();
        }
    }

    private static void writeValue(JsonGenerator gen, Property property, Object value) throws IOException {
        switch (property.type()) {
            case TEXT, OPTION -> gen.writeString((String) value);
            case GUID -> gen.writeString(((UUID) value).toString());
            case BOOLEAN -> gen.writeBoolean((Boolean) value);
            case DECIMAL -> gen.writeNumber(Decimals.unscale((Long) value));
            case INTEGER -> gen.writeNumber((Long) value);
            case DATE -> gen.writeString(LocalDate.ofEpochDay((Long) value).toString());
            case DATETIME -> gen.writeString(Instant.ofEpochMilli((Long) value).toString());
            default -> throw new IllegalStateException("unknown type " + property.type());
        }
    }

    void garble(String entitySet, UUID id, String property, String text) {
        garbled.computeIfAbsent(key(entitySet, id), k -> new ConcurrentHashMap<>()).put(property, text);
    }

    void ungarble(String entitySet, UUID id) {
        garbled.remove(key(entitySet, id));
    }

    private static String key(String entitySet, UUID id) {
        return entitySet + "/" + id;
    }
}
