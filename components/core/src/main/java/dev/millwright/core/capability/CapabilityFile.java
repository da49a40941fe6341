package dev.millwright.core.capability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a capability matrix from YAML, the form each system component ships in
 * {@code millwright/capabilities/<system>.yaml}:
 *
 * <pre>
 * system: maximo
 * entities:
 *   work_order:
 *     operations: [read, create, update, delete]
 *     updatable_fields: [title, status, priority]
 *     delete_behaviour: hard
 *     rules:
 *       - id: closed-work-order-is-final
 *         description: A closed work order cannot be changed
 *         when: { field: status, in: [closed] }
 *         forbids: [update, delete]
 * </pre>
 */
public final class CapabilityFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CapabilityFile() {
    }

    /** Loads {@code millwright/capabilities/<system>.yaml} from the class path of {@code anchor}. */
    public static CapabilityDescriptor forSystem(Class<?> anchor, String system) {
        String resource = "millwright/capabilities/" + system + ".yaml";
        try (InputStream in = anchor.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no capability matrix at classpath:" + resource);
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static CapabilityDescriptor read(InputStream yaml, String sourceName) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
        String system = required(root, "system", sourceName).asText();
        Map<String, EntityCapabilities> entities = new LinkedHashMap<>();
        required(root, "entities", sourceName).fields().forEachRemaining(entry -> {
            String where = sourceName + ": entities." + entry.getKey();
            JsonNode body = entry.getValue();
            entities.put(entry.getKey(), new EntityCapabilities(
                    entry.getKey(),
                    operations(required(body, "operations", where), where + ".operations"),
                    texts(body.path("updatable_fields")),
                    body.path("delete_behaviour").asText("none"),
                    rules(body.path("rules"), where + ".rules")));
        });
        return new CapabilityDescriptor(system, entities);
    }

    private static List<CapabilityRule> rules(JsonNode list, String where) {
        List<CapabilityRule> rules = new ArrayList<>();
        for (JsonNode rule : list) {
            String id = required(rule, "id", where).asText();
            JsonNode when = required(rule, "when", where + "." + id);
            rules.add(new CapabilityRule(id, rule.path("description").asText(id),
                    required(when, "field", where + "." + id + ".when").asText(),
                    texts(required(when, "in", where + "." + id + ".when")),
                    operations(required(rule, "forbids", where + "." + id), where + "." + id + ".forbids")));
        }
        return rules;
    }

    private static Set<Operation> operations(JsonNode list, String where) {
        Set<Operation> operations = new LinkedHashSet<>();
        for (JsonNode name : list) {
            try {
                operations.add(Operation.fromName(name.asText()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return operations;
    }

    private static Set<String> texts(JsonNode list) {
        Set<String> texts = new LinkedHashSet<>();
        list.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static JsonNode required(JsonNode node, String name, String where) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": '" + name + "' is required");
        }
        return value;
    }
}
