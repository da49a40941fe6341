package dev.millwright.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.millwright.mapping.Converter;
import java.util.Set;

/**
 * {@code identity.deleted}: the record is deleted when the source value is one of the listed codes
 * ({@code in: [DELETED]}), or, without a list, when the value reads as true (a soft-delete flag).
 */
final class DeletedRule {

    private final JsonPath[] paths;
    private final Converter converter;
    private final Set<String> codes;

    DeletedRule(JsonPath[] paths, Converter converter, Set<String> codes) {
        this.paths = paths;
        this.converter = converter;
        this.codes = codes;
    }

    boolean read(JsonNode source, ReadScope scope) {
        for (JsonPath path : paths) {
            JsonNode raw = path.read(source);
            if (raw != null) {
                try {
                    Object value = converter.read(raw);
                    if (codes != null) {
                        return codes.contains((String) Coercions.coerce(value, String.class));
                    }
                    return (Boolean) Coercions.coerce(value, Boolean.class);
                } catch (RuntimeException e) {
                    throw scope.failure("deleted", path, raw, e);
                }
            }
        }
        return false;
    }
}
