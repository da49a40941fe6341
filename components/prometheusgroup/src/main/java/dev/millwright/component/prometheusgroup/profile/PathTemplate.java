package dev.millwright.component.prometheusgroup.profile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A path (or parameter value) with {@code {name}} variables, e.g. {@code /api/{apiVersion}/workorders/{id}}. Values
 * are percent-encoded when expanded into a path, so that an id holding a slash stays one segment.
 */
public final class PathTemplate {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    /** Literal text and variable names alternating, starting with literal text (maybe empty). */
    private final List<String> parts;
    private final Set<String> variables;

    private PathTemplate(String text, List<String> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
        Set<String> names = new LinkedHashSet<>();
        for (int i = 1; i < parts.size(); i += 2) {
            names.add(parts.get(i));
        }
        this.variables = Collections.unmodifiableSet(names);
    }

    /** @throws IllegalArgumentException for an unclosed brace or a variable that is not a plain name */
    public static PathTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = text.indexOf('{', at);
            int strayClose = text.indexOf('}', at);
            if (strayClose >= 0 && (open < 0 || strayClose < open)) {
                throw new IllegalArgumentException("'}' without '{' at position " + strayClose + " of '" + text + "'");
            }
            if (open < 0) {
                parts.add(text.substring(at));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("'{' without '}' at position " + open + " of '" + text + "'");
            }
            String name = text.substring(open + 1, close);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'{" + name + "}' is not a variable name (letters, digits, _)");
            }
            parts.add(text.substring(at, open));
            parts.add(name);
            at = close + 1;
        }
        return new PathTemplate(text, parts);
    }

    public Set<String> variables() {
        return variables;
    }

    /**
     * The text with every variable replaced.
     *
     * @param encode percent-encode the values as path segments (paths); false for parameter values, which are
     *               encoded when the query is built
     * @throws IllegalArgumentException naming a variable without a value
     */
    public String expand(Map<String, String> values, boolean encode) {
        StringBuilder expanded = new StringBuilder(text.length() + 16);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                expanded.append(parts.get(i));
                continue;
            }
            String value = values.get(parts.get(i));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + parts.get(i) + "} of '" + text + "'");
            }
            expanded.append(encode ? URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20") : value);
        }
        return expanded.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
