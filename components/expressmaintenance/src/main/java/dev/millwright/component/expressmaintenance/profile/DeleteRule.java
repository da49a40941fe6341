package dev.millwright.component.expressmaintenance.profile;

/**
 * What a delete does: run a statement (a hard delete, or any update the installation prefers), or set a source
 * field to a value through the collection's update statement (a soft delete, e.g. {@code status = CANCELLED}).
 */
public sealed interface DeleteRule {

    Where where();

    /** Runs {@code statement} with the record's key fields and {@code :_version}. */
    record Statement(NamedStatement statement, Where where) implements DeleteRule {
    }

    /** Updates the record with {@code field} set to {@code value}. */
    record Soft(String field, String value, Where where) implements DeleteRule {
    }
}
