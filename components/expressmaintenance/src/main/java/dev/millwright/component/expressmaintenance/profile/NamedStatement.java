package dev.millwright.component.expressmaintenance.profile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An SQL statement of a profile with named parameters ({@code :description}), turned into JDBC's positional form.
 * Names are read outside string literals, quoted identifiers and comments; PostgreSQL casts ({@code ::date}) are
 * left alone. Values are only ever bound as parameters: no SQL is built from record data.
 *
 * @param text       the statement as the profile wrote it
 * @param jdbc       the statement with {@code ?} in place of each parameter
 * @param parameters the parameter names in the order of the {@code ?}
 * @param where      where the profile defines it
 */
public record NamedStatement(String text, String jdbc, List<String> parameters, Where where) {

    public static NamedStatement parse(String text, Where where) {
        StringBuilder jdbc = new StringBuilder(text.length());
        List<String> names = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closing(text, i, c, where);
                jdbc.append(text, i, end + 1);
                i = end + 1;
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? length : end;
                jdbc.append(text, i, end);
                i = end;
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                if (end < 0) {
                    throw where.error("unterminated comment in the statement");
                }
                jdbc.append(text, i, end + 2);
                i = end + 2;
            } else if (c == ':' && i + 1 < length && text.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < length && isNameStart(text.charAt(i + 1))) {
                int end = i + 1;
                while (end < length && isNamePart(text.charAt(end))) {
                    end++;
                }
                names.add(text.substring(i + 1, end));
                jdbc.append('?');
                i = end;
            } else if (c == '?') {
                throw where.error("positional parameters (?) are not allowed: name each parameter (:field)");
            } else {
                jdbc.append(c);
                i++;
            }
        }
        String statement = jdbc.toString().strip();
        if (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        if (statement.contains(";")) {
            throw where.error("one statement only: remove the ';' inside it");
        }
        return new NamedStatement(text, statement, List.copyOf(names), where);
    }

    private static int closing(String text, int start, char quote, Where where) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        throw where.error("unterminated " + (quote == '\'' ? "string literal" : "quoted identifier")
                + " in the statement");
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** The distinct parameter names. */
    public Set<String> names() {
        return new LinkedHashSet<>(parameters);
    }
}
