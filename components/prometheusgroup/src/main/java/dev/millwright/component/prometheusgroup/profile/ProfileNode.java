package dev.millwright.component.prometheusgroup.profile;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a profile file with its line and its dotted field path, so that every problem names where it is.
 * Scalars are kept as written.
 */
final class ProfileNode {

    private final String source;
    private final String field;
    private final Node node;
    private final int line;

    private ProfileNode(String source, String field, Node node, int line) {
        this.source = source;
        this.field = field;
        this.node = node;
        this.line = line;
    }

    static ProfileNode parse(String source, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new ProfileDefinitionException(source, line, null, "malformed YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ProfileDefinitionException(source, 0, null, "malformed YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new ProfileDefinitionException(source, 1, null, "the profile is empty");
        }
        ProfileNode node = new ProfileNode(source, "", root, root.getStartMark().getLine() + 1);
        node.requireMapping();
        return node;
    }

    String field() {
        return field;
    }

    int line() {
        return line;
    }

    ProfileDefinitionException error(String problem) {
        return new ProfileDefinitionException(source, line, field, problem);
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !Tag.NULL.equals(node.getTag());
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    ProfileNode requireMapping() {
        if (!isMapping()) {
            throw error("expected a mapping of names to values, not " + kind());
        }
        return this;
    }

    /** The text of a scalar. */
    String text() {
        if (!isScalar()) {
            throw error("expected a single value, not " + kind());
        }
        return ((ScalarNode) node).getValue();
    }

    int integer() {
        try {
            return Integer.parseInt(text().trim());
        } catch (NumberFormatException e) {
            throw error("expected a whole number, not '" + text() + "'");
        }
    }

    boolean bool() {
        return switch (text().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("expected true or false, not '" + text() + "'");
        };
    }

    /** The entries of a mapping, in file order. */
    Map<String, ProfileNode> entries() {
        requireMapping();
        Map<String, ProfileNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw new ProfileDefinitionException(source, tuple.getKeyNode().getStartMark().getLine() + 1, field,
                        "a key must be a plain name");
            }
            String name = key.getValue();
            if (entries.containsKey(name)) {
                throw new ProfileDefinitionException(source, key.getStartMark().getLine() + 1, path(name),
                        "given twice");
            }
            Node value = tuple.getValueNode();
            // a value's line is where its key is, which is where a reader looks
            entries.put(name, new ProfileNode(source, path(name), value, key.getStartMark().getLine() + 1));
        }
        return entries;
    }

    List<ProfileNode> items() {
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list, not " + kind());
        }
        List<ProfileNode> items = new ArrayList<>();
        int index = 0;
        for (Node item : sequence.getValue()) {
            items.add(new ProfileNode(source, field + "[" + index++ + "]", item, item.getStartMark().getLine() + 1));
        }
        return items;
    }

    /** Refuses keys other than these, so that a misspelt key is found rather than silently ignored. */
    ProfileNode allowOnly(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (Map.Entry<String, ProfileNode> entry : entries().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw entry.getValue().error("unknown field; valid fields here: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    /** The child, or null when absent or written as null. */
    ProfileNode get(String key) {
        ProfileNode child = entries().get(key);
        return child == null || child.isNull() ? null : child;
    }

    /** The child; a missing one is an error at this node's line, naming the child's field. */
    ProfileNode required(String key) {
        ProfileNode child = get(key);
        if (child == null) {
            throw new ProfileDefinitionException(source, line, path(key), "is required");
        }
        return child;
    }

    String text(String key, String otherwise) {
        ProfileNode child = get(key);
        return child == null ? otherwise : child.text();
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private String path(String key) {
        return field.isEmpty() ? key : field + "." + key;
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
