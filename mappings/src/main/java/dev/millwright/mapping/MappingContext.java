package dev.millwright.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millwright.mapping.engine.JsonPath;
import dev.millwright.mapping.engine.PlainJsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a read needs besides the raw record: the connection (for stable ids), the connection's custom
 * fields (canonical name → source path, compiled once here) and whether to keep the raw record.
 * Immutable; build one per connection and reuse it.
 */
public final class MappingContext {

    private final String connectionId;
    private final Map<String, String> customFields;
    private final boolean keepRaw;
    private final String[] customFieldNames;
    private final JsonPath[] customFieldPaths;

    /**
     * @param connectionId the connection the records are read through
     * @param customFields canonical name → source path ({@code cf_crew → crewid}); null for none
     * @param keepRaw whether records carry the raw source record in {@code remote_data}
     * @throws IllegalArgumentException naming a custom field whose name is blank or path is malformed
     */
    public MappingContext(String connectionId, Map<String, String> customFields, boolean keepRaw) {
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.customFields = customFields == null || customFields.isEmpty()
                ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
        this.keepRaw = keepRaw;
        this.customFieldNames = new String[this.customFields.size()];
        this.customFieldPaths = new JsonPath[this.customFields.size()];
        int i = 0;
        for (Map.Entry<String, String> field : this.customFields.entrySet()) {
            if (field.getKey() == null || field.getKey().isBlank()) {
                throw new IllegalArgumentException("A custom field needs a name (source path " + field.getValue() + ")");
            }
            try {
                customFieldPaths[i] = JsonPath.compile(field.getValue());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Custom field '" + field.getKey() + "': " + e.getMessage(), e);
            }
            customFieldNames[i++] = field.getKey();
        }
    }

    /** A context without custom fields that does not keep the raw record. */
    public static MappingContext of(String connectionId) {
        return new MappingContext(connectionId, Map.of(), false);
    }

    public MappingContext withCustomFields(Map<String, String> customFields) {
        return new MappingContext(connectionId, customFields, keepRaw);
    }

    public MappingContext withKeepRaw(boolean keepRaw) {
        return new MappingContext(connectionId, customFields, keepRaw);
    }

    public String connectionId() {
        return connectionId;
    }

    /** Canonical name → source path. */
    public Map<String, String> customFields() {
        return customFields;
    }

    public boolean keepRaw() {
        return keepRaw;
    }

    /**
     * The custom field values of a raw record as plain Java values (see {@link PlainJsonValues}); a declared
     * field the record lacks is present with a null value.
     */
    public Map<String, Object> customFieldValues(JsonNode raw) {
        if (customFieldNames.length == 0) {
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < customFieldNames.length; i++) {
            values.put(customFieldNames[i], PlainJsonValues.toJava(customFieldPaths[i].read(raw)));
        }
        return values;
    }

    @Override
    public String toString() {
        return "MappingContext[connection=" + connectionId + ", customFields=" + customFields + ", keepRaw=" + keepRaw
                + "]";
    }
}
