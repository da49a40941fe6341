package dev.millwright.component.expressmaintenance.profile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a profile's table (or lines table) as the database describes them, keyed by source field, with
 * the key, change and version columns. What the client builds its SQL and conversions from.
 */
public record TableSchema(String table, Map<String, Column> fields, List<Column> key, Column modified,
                          Column version) {

    /** The column behind a source field, or null. */
    public Column column(String field) {
        return fields.get(field);
    }

    /** The columns in select order. */
    public List<Column> columns() {
        return List.copyOf(fields.values());
    }

    /** The source field of a database column name (any case), or null. */
    public String fieldOfColumn(String columnName) {
        String upper = columnName.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Column> entry : fields.entrySet()) {
            if (entry.getValue().label().toUpperCase(Locale.ROOT).equals(upper)
                    || unquoted(entry.getValue().name()).toUpperCase(Locale.ROOT).equals(upper)) {
                return entry.getKey();
            }
        }
        return null;
    }

    public static String unquoted(String name) {
        return name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    static Map<String, Column> ordered(Map<String, Column> fields) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
