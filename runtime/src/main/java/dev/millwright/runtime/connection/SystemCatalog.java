package dev.millwright.runtime.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.millwright.core.capability.CapabilityDescriptor;
import dev.millwright.core.capability.CapabilityFile;
import dev.millwright.core.component.SourceComponent;
import dev.millwright.mapping.MappingRegistry;

/**
 * What the runtime knows of each system component on the class path, from the component itself: its options
 * (from the generated JSON descriptor, so which are secret is the component's own word) and its capability
 * matrix. Nothing here names a particular system.
 */
@ApplicationScoped
public class SystemCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One option of a component: its name, Java type, whether it is secret, its documentation. */
    public record Option(String name, String type, boolean secret, String description) {
    }

    /** A system component: its options by name and its capability matrix. */
    public record SystemDescription(String system, Map<String, Option> options, CapabilityDescriptor capabilities) {
    }

    private final CamelContext camel;
    private final Map<String, SystemDescription> descriptions = new ConcurrentHashMap<>();

    @Inject
    public SystemCatalog(CamelContext camel) {
        this.camel = camel;
    }

    /** The systems whose components are on the class path. */
    public List<String> systems() {
        List<String> systems = new ArrayList<>();
        for (String candidate : MappingRegistry.KNOWN_SYSTEMS) {
            if (describe(candidate).isPresent()) {
                systems.add(candidate);
            }
        }
        return systems;
    }

    public Optional<SystemDescription> describe(String system) {
        if (system == null || system.isBlank()) {
            return Optional.empty();
        }
        SystemDescription known = descriptions.get(system);
        if (known != null) {
            return Optional.of(known);
        }
        Component component;
        try {
            component = camel.getComponent(system);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!(component instanceof SourceComponent)) {
            return Optional.empty();
        }
        SystemDescription description = new SystemDescription(system, options(component, system),
                CapabilityFile.forSystem(component.getClass(), system));
        descriptions.put(system, description);
        return Optional.of(description);
    }

    private static Map<String, Option> options(Component component, String system) {
        String resource = "META-INF/" + component.getClass().getPackageName().replace('.', '/') + "/" + system + ".json";
        try (InputStream in = component.getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + system + " component has no descriptor at " + resource);
            }
            Map<String, Option> options = new LinkedHashMap<>();
            JSON.readTree(in).path("properties").fields().forEachRemaining(property -> {
                JsonNode option = property.getValue();
                if ("parameter".equals(option.path("kind").asText())
                        && !"consumer (advanced)".equals(option.path("label").asText())) {
                    options.put(property.getKey(), new Option(property.getKey(), option.path("javaType").asText(),
                            option.path("secret").asBoolean(false), option.path("description").asText("")));
                }
            });
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
