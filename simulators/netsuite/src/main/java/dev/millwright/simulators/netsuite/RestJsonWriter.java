package dev.millwright.simulators.netsuite;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Streams record API JSON with Jackson's {@link JsonGenerator} straight from stored records: a record as
 * {@code GET /record/v1/<type>/<id>} answers it (references as {@code {"links", "id", "refName"}}, dates ISO,
 * date-times UTC, empty fields left out, sublists as links or, with {@code expandSubResources=true}, inline), and
 * collection pages of ids and links.
 */
final class RestJsonWriter {

    static final String RECORD_PATH = "/services/rest/record/v1/";

    /** One page of a record collection. */
    record CollectionPage(List<Long> ids, String type, String self, String first, String previous, String next,
                          String last, int offset, int totalResults, boolean hasMore) {
    }

    private final JsonFactory json;
    private final AccountData data;
    /** Values served as given for some fields of some records, keyed by lower-case type and id. */
    private final Map<String, Map<String, String>> garbled = new ConcurrentHashMap<>();

    RestJsonWriter(JsonFactory json, AccountData data) {
        this.json = json;
        this.data = data;
        json.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    byte[] record(NsRecord record, String base, boolean expand) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator gen = json.createGenerator(out)) {
            writeRecord(gen, record, base, expand);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] collection(CollectionPage page, String base) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.ids().size() * 120 + 512);
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("links");
            link(gen, "previous", page.previous());
            link(gen, "first", page.first());
            link(gen, "next", page.next());
            link(gen, "last", page.last());
            link(gen, "self", page.self());
            gen.writeEndArray();
            gen.writeNumberField("count", page.ids().size());
            gen.writeBooleanField("hasMore", page.hasMore());
            gen.writeArrayFieldStart("items");
            for (long id : page.ids()) {
                gen.writeStartObject();
                gen.writeArrayFieldStart("links");
                link(gen, "self", base + RECORD_PATH + page.type() + "/" + id);
                gen.writeEndArray();
                gen.writeStringField("id", Long.toString(id));
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeNumberField("offset", page.offset());
            gen.writeNumberField("totalResults", page.totalResults());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void writeRecord(JsonGenerator gen, NsRecord record, String base, boolean expand) throws IOException {
        RecordTypeDef type = record.type;
        String self = base + RECORD_PATH + type.name + "/" + record.id;
        Map<String, String> overrides = garbled.isEmpty() ? null : garbled.get(key(type.name, record.id));
        gen.writeStartObject();
        gen.writeArrayFieldStart("links");
        link(gen, "self", self);
        gen.writeEndArray();
        gen.writeStringField("id", Long.toString(record.id));
        for (int i = 0; i < type.fields.size(); i++) {
            FieldDef field = type.fields.get(i);
            if (field.placement() == FieldDef.Placement.ADDRESS) {
                continue;
            }
            String override = overrides == null ? null : overrides.get(field.rest());
            if (override != null) {
                gen.writeStringField(field.rest(), override);
            } else {
                writeValue(gen, field, record.values[i], base);
            }
        }
        if (type.hasLines()) {
            gen.writeObjectFieldStart("item");
            gen.writeArrayFieldStart("links");
            link(gen, "self", self + "/item");
            gen.writeEndArray();
            if (expand) {
                gen.writeNumberField("count", record.lines.length);
                gen.writeBooleanField("hasMore", false);
                gen.writeArrayFieldStart("items");
                int lineNumber = type.lineIndex("line");
                for (Object[] line : record.lines) {
                    gen.writeStartObject();
                    gen.writeArrayFieldStart("links");
                    link(gen, "self", self + "/item/" + line[lineNumber]);
                    gen.writeEndArray();
                    for (int i = 0; i < type.lineFields.size(); i++) {
                        writeValue(gen, type.lineFields.get(i), line[i], base);
                    }
                    gen.writeEndObject();
                }
                gen.writeEndArray();
                gen.writeNumberField("offset", 0);
                gen.writeNumberField("totalResults", record.lines.length);
            }
            gen.writeEndObject();
        }
        if (type.hasAddress()) {
            writeAddress(gen, record, self, expand);
        }
        gen.writeEndObject();
    }

    private void writeAddress(JsonGenerator gen, NsRecord record, String self, boolean expand) throws IOException {
        String addr1 = (String) record.value("addr1");
        String country = (String) record.value("country");
        if (addr1 == null && record.value("city") == null) {
            return;
        }
        String countryName = country == null ? null : RefLists.statusName(RefLists.COUNTRY, country);
        StringBuilder text = new StringBuilder();
        appendLine(text, (String) record.value("companyName"));
        appendLine(text, addr1);
        appendLine(text, (String) record.value("addr2"));
        appendLine(text, join((String) record.value("city"), (String) record.value("state"),
                (String) record.value("zip")));
        appendLine(text, countryName == null ? country : countryName);
        gen.writeStringField("defaultAddress", text.toString());
        gen.writeObjectFieldStart("addressBook");
        gen.writeArrayFieldStart("links");
        link(gen, "self", self + "/addressBook");
        gen.writeEndArray();
        if (expand) {
            gen.writeNumberField("count", 1);
            gen.writeBooleanField("hasMore", false);
            gen.writeArrayFieldStart("items");
            gen.writeStartObject();
            gen.writeArrayFieldStart("links");
            gen.writeEndArray();
            gen.writeObjectFieldStart("addressBookAddress");
            gen.writeArrayFieldStart("links");
            gen.writeEndArray();
            for (String part : List.of("addr1", "addr2", "city", "state", "zip")) {
                Object value = record.value(part);
                if (value != null) {
                    gen.writeStringField(part, value.toString());
                }
            }
            if (country != null) {
                gen.writeObjectFieldStart("country");
                gen.writeStringField("id", country);
                if (countryName != null) {
                    gen.writeStringField("refName", countryName);
                }
                gen.writeEndObject();
            }
            gen.writeStringField("addrText", text.toString());
            gen.writeEndObject();
            gen.writeBooleanField("defaultBilling", true);
            gen.writeBooleanField("defaultShipping", true);
            gen.writeStringField("label", addr1 == null ? "Address" : addr1);
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeNumberField("offset", 0);
            gen.writeNumberField("totalResults", 1);
        }
        gen.writeEndObject();
    }

    private static void appendLine(StringBuilder text, String line) {
        if (line != null && !line.isBlank()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
        }
    }

    private static String join(String city, String state, String zip) {
        StringBuilder line = new StringBuilder();
        for (String part : new String[] {city, state, zip}) {
            if (part != null) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(part);
            }
        }
        return line.toString();
    }

    private void writeValue(JsonGenerator gen, FieldDef field, Object value, String base) throws IOException {
        if (value == null) {
            return;
        }
        gen.writeFieldName(field.rest());
        switch (field.kind()) {
            case TEXT -> gen.writeString((String) value);
            case INTEGER -> gen.writeNumber((Long) value);
            case DECIMAL -> gen.writeNumber((BigDecimal) value);
            case BOOLEAN -> gen.writeBoolean((Boolean) value);
            case DATE -> gen.writeString(data.dates().restDate((Long) value));
            case DATETIME -> gen.writeString(data.dates().restDateTime((Long) value));
            case STATUS -> {
                gen.writeStartObject();
                gen.writeStringField("id", (String) value);
                gen.writeStringField("refName", RefLists.statusName(field.refList(), (String) value));
                gen.writeEndObject();
            }
            case REF -> {
                long id = (Long) value;
                gen.writeStartObject();
                gen.writeArrayFieldStart("links");
                if (!field.refList().startsWith("customlist")) {
                    link(gen, "self", base + RECORD_PATH + field.refList().toLowerCase(Locale.ROOT) + "/" + id);
                }
                gen.writeEndArray();
                gen.writeStringField("id", Long.toString(id));
                String name = data.refName(field.refList(), id);
                if (name != null) {
                    gen.writeStringField("refName", name);
                }
                gen.writeEndObject();
            }
        }
    }

    private static void link(JsonGenerator gen, String rel, String href) throws IOException {
        if (href == null) {
            return;
        }
        gen.writeStartObject();
        gen.writeStringField("rel", rel);
        gen.writeStringField("href", href);
        gen.writeEndObject();
    }

    // ---- garbling ----

    void garble(String type, long id, String field, String text) {
        garbled.computeIfAbsent(key(type, id), k -> new ConcurrentHashMap<>()).put(field, text);
    }

    void ungarble(String type, long id) {
        garbled.remove(key(type, id));
    }

    /** The garbled fields of a record, or null. */
    Map<String, String> garbled(String type, long id) {
        return garbled.isEmpty() ? null : garbled.get(key(type, id));
    }

    private static String key(String type, long id) {
        return type.toLowerCase(Locale.ROOT) + "/" + id;
    }
}
