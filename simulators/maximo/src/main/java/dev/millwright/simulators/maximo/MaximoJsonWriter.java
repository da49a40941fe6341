package dev.millwright.simulators.maximo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Streams lean JSON with Jackson's {@link JsonGenerator}, straight from the compact stored rows: no tree of
 * nodes is built per record. Attributes without a value are left out, as Maximo drops nulls by default;
 * {@code _dropnulls=0} writes them as JSON nulls instead.
 */
final class MaximoJsonWriter {

    /** Everything a collection response shows besides its members. */
    record CollectionPage(ObjectStructure structure, List<MaximoRecord> records, MaximoSelection selection,
                          Hrefs hrefs, String selfHref, String nextPageHref, String previousPageHref,
                          int pageNumber, int totalCount, int totalPages, boolean dropNulls) {
    }

    private final JsonFactory json;
    private final MaximoDates dates;
    /** Values served as given for some attributes of some records, keyed by object structure and rest id. */
    private final Map<String, Map<String, String>> garbled = new ConcurrentHashMap<>();

    MaximoJsonWriter(JsonFactory json, MaximoDates dates) {
        this.json = json;
        this.dates = dates;
        // Large amounts (a total cost of 10,000,000) stay plain numbers rather than 1.0E7.
        json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    byte[] collection(CollectionPage page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.records().size() * 800 + 512);
        try (JsonGenerator gen = json.createGenerator(out)) {
            char[] dateBuffer = new char[MaximoDates.LENGTH];
            gen.writeStartObject();
            gen.writeArrayFieldStart("member");
            for (MaximoRecord record : page.records()) {
                writeRecord(gen, record, page.selection(), page.hrefs(), page.dropNulls(), dateBuffer);
            }
            gen.writeEndArray();
            gen.writeStringField("href", page.hrefs().collection());
            gen.writeObjectFieldStart("responseInfo");
            gen.writeStringField("href", page.selfHref());
            if (page.nextPageHref() != null) {
                gen.writeObjectFieldStart("nextPage");
                gen.writeStringField("href", page.nextPageHref());
                gen.writeEndObject();
            }
            if (page.previousPageHref() != null) {
                gen.writeObjectFieldStart("previousPage");
                gen.writeStringField("href", page.previousPageHref());
                gen.writeEndObject();
            }
            gen.writeNumberField("pagenum", page.pageNumber());
            if (page.totalCount() >= 0) {
                gen.writeNumberField("totalCount", page.totalCount());
                gen.writeNumberField("totalPages", page.totalPages());
            }
            gen.writeEndObject();
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] member(MaximoRecord record, MaximoSelection selection, Hrefs hrefs, boolean dropNulls) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = json.createGenerator(out)) {
            writeRecord(gen, record, selection, hrefs, dropNulls, new char[MaximoDates.LENGTH]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRecord(JsonGenerator gen, MaximoRecord record, MaximoSelection selection, Hrefs hrefs,
                             boolean dropNulls, char[] dateBuffer) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("href", hrefs.member(record));
        if (!selection.isHrefOnly()) {
            gen.writeStringField("_rowstamp", Long.toString(record.rowstamp));
            Map<String, String> overrides = garbled.isEmpty() ? null
                    : garbled.get(garbleKey(record.structure.name(), record.restId()));
            writeAttributes(gen, record.row, selection.attributes(), dropNulls, dateBuffer, overrides);
            ChildCollection child = record.structure.child();
            if (child != null && selection.child() != null) {
                gen.writeFieldName(child.jsonName());
                gen.writeStartArray();
                for (Row line : record.children) {
                    gen.writeStartObject();
                    writeAttributes(gen, line, selection.child().attributes(), dropNulls, dateBuffer, null);
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
        }
        gen.writeEndObject();
    }

    private void writeAttributes(JsonGenerator gen, Row row, List<Attribute> attributes, boolean dropNulls,
                                 char[] dateBuffer, Map<String, String> overrides) throws IOException {
        for (Attribute attribute : attributes) {
            String garbledValue = overrides == null ? null : overrides.get(attribute.jsonName().getValue());
            if (garbledValue != null) {
                gen.writeFieldName(attribute.jsonName());
                gen.writeString(garbledValue);
                continue;
            }
            if (attribute.type() == AttributeType.DATETIME) {
                long seconds = attribute.readDate(row);
                if (seconds != Row.NO_DATE) {
                    gen.writeFieldName(attribute.jsonName());
                    dates.format(seconds, dateBuffer);
                    gen.writeString(dateBuffer, 0, MaximoDates.LENGTH);
                } else if (!dropNulls) {
                    gen.writeFieldName(attribute.jsonName());
                    gen.writeNull();
                }
                continue;
            }
            Object value = attribute.read(row);
            if (value == null) {
                if (!dropNulls) {
                    gen.writeFieldName(attribute.jsonName());
                    gen.writeNull();
                }
                continue;
            }
            gen.writeFieldName(attribute.jsonName());
            if (value instanceof String text) {
                gen.writeString(text);
            } else if (value instanceof Integer number) {
                gen.writeNumber(number);
            } else if (value instanceof Double number) {
                writeDecimal(gen, number);
            } else if (value instanceof Boolean bool) {
                gen.writeBoolean(bool);
            } else {
                gen.writeString(value.toString());
            }
        }
    }

    private static void writeDecimal(JsonGenerator gen, double number) throws IOException {
        if (Math.abs(number) < 1e7) {
            gen.writeNumber(number);
        } else {
            gen.writeNumber(BigDecimal.valueOf(number));
        }
    }

    void garble(String objectStructure, String restId, String attribute, String text) {
        garbled.computeIfAbsent(garbleKey(objectStructure, restId), key -> new ConcurrentHashMap<>())
                .put(attribute, text);
    }

    void ungarble(String objectStructure, String restId) {
        garbled.remove(garbleKey(objectStructure, restId));
    }

    private static String garbleKey(String objectStructure, String restId) {
        return objectStructure.toUpperCase(java.util.Locale.ROOT) + "/" + restId;
    }
}
