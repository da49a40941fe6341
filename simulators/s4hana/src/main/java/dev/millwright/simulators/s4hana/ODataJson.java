package dev.millwright.simulators.s4hana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes entities in SAP Gateway's OData V2 JSON: each with {@code __metadata {id, uri, type, etag}}, navigation
 * properties as {@code {"__deferred":{"uri":...}}} unless expanded ({@code {"results":[...]}}), collections as
 * {@code {"d":{"results":[...],"__count":"700","__next":"..."}}}. Streams with a JsonGenerator.
 */
final class ODataJson {

    /** What to write of an entity: the selected properties (null = all) and the expanded navigations. */
    record Shape(Set<String> select, Map<String, Shape> expand) {
        static final Shape ALL = new Shape(null, Map.of());

        boolean selects(String name) {
            return select == null || select.contains(name);
        }
    }

    private final JsonFactory factory;
    /** Garbled values by entity set, key predicate and property: served instead of the stored value. */
    private final Map<String, Map<String, String>> garbled = new ConcurrentHashMap<>();

    ODataJson(JsonFactory factory) {
        this.factory = factory;
    }

    void garble(EntitySetDef set, String key, String property, String text) {
        garbled.computeIfAbsent(set.name + "(" + key + ")", k -> new ConcurrentHashMap<>()).put(property, text);
    }

    void ungarble(EntitySetDef set, String key) {
        garbled.remove(set.name + "(" + key + ")");
    }

    /** The ETag of an entity: from its change time where it has one (100 ns precision), else from its version. */
    static String etag(Entity entity) {
        String changeProperty = entity.set.changeProperty;
        if (changeProperty != null && entity.get(changeProperty) != null) {
            String instant = Instant.ofEpochMilli(entity.millis(changeProperty)).toString();
            String base = instant.substring(0, 19);
            String millis = String.format("%03d", entity.millis(changeProperty) % 1000);
            String ticks = String.format("%04d", entity.version % 10_000);
            return "W/\"datetimeoffset'" + base.replace(":", "%3A") + "." + millis + ticks + "Z'\"";
        }
        return "W/\"'" + Long.toHexString(0x5000_0000L + entity.version).toUpperCase() + "'\"";
    }

    static String uri(String serviceRoot, Entity entity) {
        return serviceRoot + "/" + entity.set.name + "(" + KeyPredicate.encoded(entity.key()) + ")";
    }

    byte[] collection(String serviceRoot, List<Entity> entities, Shape shape, Integer count, String next) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("d");
            json.writeArrayFieldStart("results");
            for (Entity entity : entities) {
                entity(json, serviceRoot, entity, shape);
            }
            json.writeEndArray();
            if (count != null) {
                json.writeStringField("__count", Integer.toString(count));
            }
            if (next != null) {
                json.writeStringField("__next", next);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] single(String serviceRoot, Entity entity, Shape shape) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = factory.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("d");
            entity(json, serviceRoot, entity, shape);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void entity(JsonGenerator json, String serviceRoot, Entity entity, Shape shape) throws IOException {
        String uri = uri(serviceRoot, entity);
        json.writeStartObject();
        json.writeObjectFieldStart("__metadata");
        json.writeStringField("id", uri);
        json.writeStringField("uri", uri);
        json.writeStringField("type", entity.set.qualifiedType());
        if (entity.set.hasEtag) {
            json.writeStringField("etag", etag(entity));
        }
        json.writeEndObject();
        Map<String, String> garbles = garbled.isEmpty() ? null : garbled.get(entity.set.name + "(" + entity.key() + ")");
        for (int i = 0; i < entity.set.properties.size(); i++) {
            Property property = entity.set.properties.get(i);
            if (!shape.selects(property.name()) && !entity.set.isKey(property.name())) {
                continue;
            }
            json.writeFieldName(property.name());
            String garble = garbles == null ? null : garbles.get(property.name());
            if (garble != null) {
                json.writeString(garble);
            } else {
                property.type().write(json, entity.values[i], property.scale());
            }
        }
        for (EntitySetDef.Navigation navigation : entity.set.navigations()) {
            Shape expanded = shape.expand().get(navigation.name());
            if (expanded == null && !shape.selects(navigation.name())) {
                continue;
            }
            json.writeObjectFieldStart(navigation.name());
            if (expanded != null) {
                json.writeArrayFieldStart("results");
                for (Entity child : entity.children.getOrDefault(navigation.name(), List.of())) {
                    entity(json, serviceRoot, child, expanded);
                }
                json.writeEndArray();
            } else {
                json.writeObjectFieldStart("__deferred");
                json.writeStringField("uri", uri + "/" + navigation.name());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
