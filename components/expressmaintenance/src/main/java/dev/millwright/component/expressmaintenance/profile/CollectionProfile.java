package dev.millwright.component.expressmaintenance.profile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one collection lives in the database.
 *
 * @param name        the collection ({@code work-orders}, or a custom name)
 * @param table       table or view read from
 * @param key         key columns; the record's remote id is made of their values
 * @param modified    the last-modified column incremental reads filter and order on
 * @param version     the version column, or null: then the last-modified value is the version
 * @param columns     column to source field, in file order (the raw record's field names)
 * @param constraints constraint name (upper case) to column, for errors that name only the constraint
 * @param insert      the create statement, or null (create not supported)
 * @param update      the update statement, or null (update not supported)
 * @param delete      the delete rule, or null (delete not supported)
 * @param lines       child rows, or null
 */
public record CollectionProfile(String name, Located table, List<Located> key, Located modified, Located version,
                                Map<String, Located> columns, Map<String, Located> constraints,
                                NamedStatement insert, NamedStatement update, DeleteRule delete,
                                LinesProfile lines, Where where) {

    /** The source field of a column (matched without regard to case), if the profile maps it. */
    public Optional<String> fieldOf(String column) {
        for (Map.Entry<String, Located> entry : columns.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return Optional.of(entry.getValue().name());
            }
        }
        return Optional.empty();
    }

    /** The column behind a source field, or null. */
    public String columnOf(String field) {
        for (Map.Entry<String, Located> entry : columns.entrySet()) {
            if (entry.getValue().name().equals(field)) {
                return entry.getKey();
            }
        }
        return null;
    }

    public List<String> keyFields() {
        return key.stream().map(column -> fieldOf(column.name()).orElseThrow()).toList();
    }

    public String modifiedField() {
        return fieldOf(modified.name()).orElseThrow();
    }

    /** The field holding the version: the version column's, else the last-modified column's. */
    public String versionField() {
        return fieldOf((version != null ? version : modified).name()).orElseThrow();
    }
}
