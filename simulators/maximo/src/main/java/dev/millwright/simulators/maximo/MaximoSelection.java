package dev.millwright.simulators.maximo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code oslc.select} (or the {@code properties} header of a write) asks to see of each record:
 * {@code a,b,poline{polinenum,itemnum}}, {@code *} for everything, {@code poline{*}} for all line
 * attributes. Selecting a domain attribute also brings its {@code _description} and {@code _maxvalue}.
 * Unknown names and related-object paths ({@code rel.x}) are ignored, as they do not exist here.
 * {@code href} and {@code _rowstamp} are always rendered.
 */
final class MaximoSelection {
    private final List<Attribute> attributes;
    private final MaximoSelection child;
    private final boolean hrefOnly;

    private MaximoSelection(List<Attribute> attributes, MaximoSelection child, boolean hrefOnly) {
        this.attributes = attributes;
        this.child = child;
        this.hrefOnly = hrefOnly;
    }

    /**
     * Members of a collection queried without {@code oslc.select}: Maximo then renders only their href.
     */
    static MaximoSelection hrefOnly() {
        return new MaximoSelection(List.of(), null, true);
    }

    static MaximoSelection all(ObjectStructure structure) {
        return parse("*", structure);
    }

    static MaximoSelection parse(String text, ObjectStructure structure) {
        RecordSchema childSchema = structure.child() == null ? null : structure.child().schema();
        return parse(text, structure.schema(), structure.child() == null ? null : structure.child().name(),
                childSchema);
    }

    private static MaximoSelection parse(String text, RecordSchema schema, String childName, RecordSchema childSchema) {
        Set<Attribute> selected = new LinkedHashSet<>();
        MaximoSelection child = null;
        for (String item : splitTopLevel(text)) {
            String name = item.trim();
            String inner = null;
            int brace = name.indexOf('{');
            if (brace >= 0) {
                inner = name.substring(brace + 1, name.endsWith("}") ? name.length() - 1 : name.length());
                name = name.substring(0, brace).trim();
            }
            name = name.toLowerCase(Locale.ROOT);
            if (name.contains(":")) {
                name = name.substring(name.indexOf(':') + 1);
            }
            if (name.equals("*")) {
                selected.addAll(schema.attributes());
                if (childSchema != null && child == null) {
                    child = parse("*", childSchema, null, null);
                }
            } else if (childName != null && name.equals(childName)) {
                child = parse(inner == null ? "*" : inner, childSchema, null, null);
            } else {
                Attribute attribute = schema.find(name);
                if (attribute != null) {
                    selected.add(attribute);
                    if (attribute.domain() != null) {
                        // Lean JSON shows a domain value with its description and internal value.
                        for (Attribute companion : schema.attributes()) {
                            if (companion.base() == attribute) {
                                selected.add(companion);
                            }
                        }
                    }
                }
            }
        }
        List<Attribute> ordered = new ArrayList<>();
        for (Attribute attribute : schema.attributes()) {
            if (selected.contains(attribute)) {
                ordered.add(attribute);
            }
        }
        return new MaximoSelection(List.copyOf(ordered), child, false);
    }

    private static List<String> splitTopLevel(String text) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(text.substring(start, i));
                start = i + 1;
            }
        }
        items.add(text.substring(start));
        items.removeIf(String::isBlank);
        return items;
    }

    /** The selected attributes in the structure's order. */
    List<Attribute> attributes() {
        return attributes;
    }

    /** The selection inside the child array, or null when the child is not selected. */
    MaximoSelection child() {
        return child;
    }

    /** True for a collection queried without oslc.select: only the href of each member. */
    boolean isHrefOnly() {
        return hrefOnly;
    }
}
