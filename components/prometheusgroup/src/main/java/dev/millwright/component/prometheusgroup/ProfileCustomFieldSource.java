package dev.millwright.component.prometheusgroup;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.millwright.component.prometheusgroup.profile.CollectionProfile;
import dev.millwright.component.prometheusgroup.profile.RestProfile;
import dev.millwright.core.connection.ConnectionRegistry;
import dev.millwright.core.connection.ConnectionSettings;
import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.model.Entity;

/**
 * The custom fields a REST profile names ({@code collections.<name>.custom_fields}) for the connections of its
 * system, so that the canonical mapping fills {@code custom_fields} with them (the scheduling fields a canonical
 * work order has no field for: schedule week, crew, planner). Bind it in the Camel registry as the
 * {@link CustomFieldSource} of the {@code canonical} component. Custom fields a connection declares itself (the
 * {@code declared} source, e.g. the runtime's) are added, and win where both name a field.
 */
public final class ProfileCustomFieldSource implements CustomFieldSource {

    private final PrometheusGroupComponent component;
    private final ConnectionRegistry connections;
    private final CustomFieldSource declared;

    /**
     * @param component   the component whose connections' profiles name the fields
     * @param connections where the connections are registered
     * @param declared    the connections' own custom fields, or null
     */
    public ProfileCustomFieldSource(PrometheusGroupComponent component, ConnectionRegistry connections,
            CustomFieldSource declared) {
        this.component = component;
        this.connections = connections;
        this.declared = declared;
    }

    @Override
    public Map<String, String> customFields(String connectionId, Entity entity) {
        Map<String, String> fields = new LinkedHashMap<>();
        ConnectionSettings settings = connections.find(connectionId).orElse(null);
        if (settings != null && settings.system().equals(component.system())) {
            RestProfile profile = component.profile(settings.options().get("profile"));
            CollectionProfile collection = profile.collections().get(entity.collection());
            if (collection != null) {
                fields.putAll(collection.customFields());
            }
        }
        if (declared != null) {
            Map<String, String> own = declared.customFields(connectionId, entity);
            if (own != null) {
                fields.putAll(own);
            }
        }
        return fields;
    }
}
