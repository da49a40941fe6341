package dev.millwright.mapping.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one Jackson configuration of the canonical model: snake_case names, nulls included, instants as
 * ISO-8601 UTC text ({@code 2024-01-15T15:30:00Z}), dates as {@code 2024-01-15}, decimals as JSON numbers
 * (read back as {@link java.math.BigDecimal}), unknown fields rejected.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 1277.50 stays 1277.50: trailing zeros of amounts carry the currency's precision
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            // 1E+3 is a valid JSON number, but plain digits are what every consumer expects of amounts
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    private CanonicalJson() {
    }

    /** The configured mapper; share it, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical JSON object of a record. */
    public static ObjectNode toJson(CanonicalRecord record) {
        return MAPPER.valueToTree(record);
    }

    /** The canonical JSON text of a record. */
    public static String toJsonString(CanonicalRecord record) {
        try {
            return MAPPER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + record.entity() + " " + record.id() + " as JSON", e);
        }
    }

    /** Reads a canonical JSON object into the record type of {@code entity}. */
    public static CanonicalRecord read(Entity entity, JsonNode json) {
        return read(json, entity.recordType());
    }

    /** Reads canonical JSON text into the record type of {@code entity}. */
    public static CanonicalRecord read(Entity entity, String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CanonicalJsonException(null, CanonicalJsonException.Reason.INVALID_VALUE,
                    "Malformed canonical " + entity.entityName() + " JSON: " + e.getOriginalMessage(), e);
        }
        return read(entity, tree);
    }

    /**
     * Reads a canonical JSON object into {@code type} (also {@link PurchaseOrderLine} or {@link Address}).
     *
     * @throws CanonicalJsonException naming the unknown or invalid field
     */
    public static <T> T read(JsonNode json, Class<T> type) {
        if (json == null || !json.isObject()) {
            throw new CanonicalJsonException(null, CanonicalJsonException.Reason.INVALID_VALUE,
                    "Canonical " + type.getSimpleName() + " JSON must be an object, not " + describe(json), null);
        }
        return type.cast(readValue(json, type));
    }

    /**
     * Reads a canonical JSON value into a canonical field type ({@code List<PurchaseOrderLine>},
     * {@code WorkOrderStatus}, {@code Instant}, ...).
     *
     * @throws CanonicalJsonException naming the unknown or invalid field relative to {@code json}
     *     ({@code [0].quantity} for a list), or an empty field when {@code json} itself is invalid
     */
    public static Object readValue(JsonNode json, Type type) {
        String what = type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
        try {
            return MAPPER.treeToValue(json, MAPPER.constructType(type));
        } catch (UnrecognizedPropertyException e) {
            String field = path(e.getPath());
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new CanonicalJsonException(field, CanonicalJsonException.Reason.UNKNOWN_FIELD,
                    "Unknown field '" + field + "' in canonical " + what + " JSON; known fields: " + known, e);
        } catch (JsonMappingException e) {
            String field = path(e.getPath());
            throw new CanonicalJsonException(field, CanonicalJsonException.Reason.INVALID_VALUE,
                    "Invalid value " + (field.isEmpty() ? "" : "of field '" + field + "' ") + "in canonical " + what
                            + " JSON: " + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw new CanonicalJsonException(null, CanonicalJsonException.Reason.INVALID_VALUE,
                    "Invalid canonical " + what + " JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static String describe(JsonNode json) {
        return json == null ? "nothing" : json.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
