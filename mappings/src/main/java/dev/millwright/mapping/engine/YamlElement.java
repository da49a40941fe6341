package dev.millwright.mapping.engine;

import dev.millwright.mapping.MappingDefinitionException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * A node of a mapping file with its line, so that every definition error can say where it is. Scalars
 * are kept as written: {@code false:} is the text "false", {@code NOT READY:} the text "NOT READY".
 */
final class YamlElement {

    private final String source;
    private final Node node;

    private YamlElement(String source, Node node) {
        this.source = source;
        this.node = node;
    }

    static YamlElement parse(String source, String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new MappingDefinitionException(source, line, null, "malformed YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new MappingDefinitionException(source, 0, null, "malformed YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            throw new MappingDefinitionException(source, 1, null, "the mapping file is empty");
        }
        return new YamlElement(source, root);
    }

    String source() {
        return source;
    }

    int line() {
        return node.getStartMark().getLine() + 1;
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** The text of a scalar. */
    String text(String field) {
        if (!isScalar()) {
            throw error(field, "expected a single value, not " + kind());
        }
        return ((ScalarNode) node).getValue();
    }

    /** The entries of a mapping, in file order. */
    Map<String, YamlEntry> entries(String field) {
        if (!isMapping()) {
            throw error(field, "expected a mapping of keys to values, not " + kind());
        }
        Map<String, YamlEntry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            YamlElement key = new YamlElement(source, tuple.getKeyNode());
            String name = key.text(field);
            if (entries.containsKey(name)) {
                throw key.error(qualify(field, name), "duplicate key (first on line " + entries.get(name).line() + ")");
            }
            entries.put(name, new YamlEntry(name, key.line(), new YamlElement(source, tuple.getValueNode())));
        }
        return Collections.unmodifiableMap(entries);
    }

    /** The items of a sequence, or this scalar as the only item. */
    List<YamlElement> items(String field) {
        if (isScalar()) {
            return List.of(this);
        }
        if (!isSequence()) {
            throw error(field, "expected a value or a list of values, not " + kind());
        }
        List<YamlElement> items = new ArrayList<>();
        for (Node item : ((SequenceNode) node).getValue()) {
            items.add(new YamlElement(source, item));
        }
        return items;
    }

    MappingDefinitionException error(String field, String problem) {
        return new MappingDefinitionException(source, line(), field, problem);
    }

    MappingDefinitionException error(String field, String problem, Throwable cause) {
        return new MappingDefinitionException(source, line(), field, problem, cause);
    }

    static String qualify(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    private String kind() {
        if (isNull()) {
            return "nothing";
        }
        return isMapping() ? "a mapping" : isSequence() ? "a list" : "a value";
    }

    /** A key of a mapping, its line, and its value. */
    record YamlEntry(String key, int line, YamlElement value) {

        MappingDefinitionException error(String field, String problem) {
            return new MappingDefinitionException(value.source(), line, field, problem);
        }
    }
}
