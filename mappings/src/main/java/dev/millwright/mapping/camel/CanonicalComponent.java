package dev.millwright.mapping.camel;

import dev.millwright.mapping.CustomFieldSource;
import dev.millwright.mapping.MappingRegistry;
import dev.millwright.mapping.model.Entity;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code canonical} component: maps source records of a system to canonical records and back with the
 * compiled mapping files of {@code millwright-mappings}.
 */
@Component("canonical")
public class CanonicalComponent extends DefaultComponent {

    @Metadata(autowired = true, label = "advanced")
    private MappingRegistry mappingRegistry;
    @Metadata(autowired = true, label = "advanced")
    private CustomFieldSource customFieldSource;
    @Metadata
    private String mappingDirectory;

    /** Registries this component built, by mapping directory ("" for the class path alone). */
    private final Map<String, MappingRegistry> builtRegistries = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("A canonical endpoint is canonical:<system>/<collection>, e.g. "
                    + "canonical:maximo/work-orders, not canonical:" + remaining);
        }
        Entity.fromCollection(parts[1]);
        CanonicalEndpoint endpoint = new CanonicalEndpoint(uri, this);
        endpoint.setSystem(parts[0]);
        endpoint.setCollection(parts[1]);
        endpoint.setMappingDirectory(mappingDirectory);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * The registry for endpoints reading mapping files from {@code directory} (null: the class path alone):
     * the configured or bound registry when there is no directory, else one built once and kept.
     */
    MappingRegistry registryFor(String directory) {
        if (directory == null || directory.isBlank()) {
            if (mappingRegistry != null) {
                return mappingRegistry;
            }
            MappingRegistry bound = getCamelContext().getRegistry().findSingleByType(MappingRegistry.class);
            if (bound != null) {
                return bound;
            }
        }
        String key = directory == null ? "" : directory.trim();
        return builtRegistries.computeIfAbsent(key, this::buildRegistry);
    }

    /** The configured or bound custom field source, or null. */
    CustomFieldSource customFieldSource() {
        if (customFieldSource != null) {
            return customFieldSource;
        }
        return getCamelContext().getRegistry().findSingleByType(CustomFieldSource.class);
    }

    private MappingRegistry buildRegistry(String directory) {
        MappingRegistry.Builder builder = MappingRegistry.builder();
        ClassLoader classLoader = getCamelContext().getApplicationContextClassLoader();
        if (classLoader != null) {
            builder.classLoader(classLoader);
        }
        if (!directory.isEmpty()) {
            builder.overrideDirectory(Path.of(directory));
        }
        return builder.build();
    }

    public MappingRegistry getMappingRegistry() {
        return mappingRegistry;
    }

    /**
     * The mapping registry to use. By default the single MappingRegistry bean of the registry, else one
     * built once from the mapping files on the class path.
     */
    public void setMappingRegistry(MappingRegistry mappingRegistry) {
        this.mappingRegistry = mappingRegistry;
    }

    public CustomFieldSource getCustomFieldSource() {
        return customFieldSource;
    }

    /**
     * Where the custom fields of a connection come from when neither header nor endpoint option declares
     * any. By default the single CustomFieldSource bean of the registry, if there is one.
     */
    public void setCustomFieldSource(CustomFieldSource customFieldSource) {
        this.customFieldSource = customFieldSource;
    }

    public String getMappingDirectory() {
        return mappingDirectory;
    }

    /**
     * A directory of mapping files (system/collection.yaml) that win over those on the class path, for
     * every endpoint that does not set its own.
     */
    public void setMappingDirectory(String mappingDirectory) {
        this.mappingDirectory = mappingDirectory;
    }
}
