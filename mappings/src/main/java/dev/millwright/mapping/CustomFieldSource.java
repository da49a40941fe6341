package dev.millwright.mapping;

import dev.millwright.mapping.model.Entity;
import java.util.Map;

/**
 * Where the custom fields of a connection come from (for the runtime: the connection's settings). The
 * {@code canonical} component uses a bean of this type when neither header nor option declares any.
 */
@FunctionalInterface
public interface CustomFieldSource {

    /**
     * The custom fields declared for {@code connectionId} and {@code entity}: canonical name → source path.
     * Empty when there are none; never null.
     */
    Map<String, String> customFields(String connectionId, Entity entity);
}
