package dev.millwright.component.expressmaintenance.profile;

import java.util.List;
import java.util.Map;

/**
 * The child rows of a collection's records (purchase order lines): read from {@code table} where the
 * {@code foreignKey} columns equal the parent's key columns, ordered by {@code order}, into the array
 * {@code field} of the parent's raw record. A write that carries the field replaces the lines: {@code delete}
 * removes the old ones, {@code insert} adds each new one.
 *
 * @param field      the source field of the parent holding the lines
 * @param table      table or view the lines are read from
 * @param foreignKey columns of the lines holding the parent's key, in the order of the parent's key columns
 * @param order      columns ordering the lines of one parent
 * @param columns    column to source field, in file order
 * @param insert     inserts one line (parameters: line fields, the parent's key fields, {@code _now}); may be null
 * @param delete     deletes every line of one parent (parameters: the parent's key fields); may be null
 */
public record LinesProfile(String field, Located table, List<Located> foreignKey, List<Located> order,
                           Map<String, Located> columns, NamedStatement insert, NamedStatement delete, Where where) {
}
