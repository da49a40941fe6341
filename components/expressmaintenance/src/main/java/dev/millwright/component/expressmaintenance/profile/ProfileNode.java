package dev.millwright.component.expressmaintenance.profile;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/** A node of a profile file with where it is; scalars are kept as written ({@code N} stays the text "N"). */
final class ProfileNode {

    private final Where where;
    private final Node node;

    private ProfileNode(Where where, Node node) {
        this.where = where;
        this.node = node;
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
        return new ProfileNode(new Where(source, "", root.getStartMark().getLine() + 1), root);
    }

    Where where() {
        return where;
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    String text() {
        if (!(node instanceof ScalarNode scalar) || isNull()) {
            throw where.error("expected a single value, not " + kind());
        }
        return scalar.getValue();
    }

    /** The entries of a mapping in file order; keys outside {@code allowed} (when given) are refused. */
    Map<String, ProfileNode> entries(Set<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw where.error("expected a mapping of keys to values, not " + kind());
        }
        Map<String, ProfileNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            ProfileNode key = new ProfileNode(where, tuple.getKeyNode());
            String name = key.text();
            int line = tuple.getKeyNode().getStartMark().getLine() + 1;
            Where child = where.child(name, line);
            if (entries.containsKey(name)) {
                throw child.error("duplicate key (first on line " + entries.get(name).where.line() + ")");
            }
            if (allowed != null && !allowed.contains(name)) {
                throw child.error("unknown key; expected one of " + allowed);
            }
            entries.put(name, new ProfileNode(child, tuple.getValueNode()));
        }
        return entries;
    }

    /** The items of a list, or this value as the only item. */
    List<String> texts() {
        if (node instanceof SequenceNode sequence) {
            List<String> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(new ProfileNode(where, item).text());
            }
            if (items.isEmpty()) {
                throw where.error("expected at least one value");
            }
            return items;
        }
        return List.of(text());
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a value";
    }
}
