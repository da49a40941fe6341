package dev.millwright.component.expressmaintenance.profile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile checked against a database: every table and view exists, every column the profile names exists (a
 * typo fails here with the profile's file, line and entry, not in the middle of a sync), the change column holds
 * times, and every statement prepares. Keeps the column types the client converts values with.
 */
public final class ProfileSchema {

    /** One collection with its tables' columns. */
    public record Collection(CollectionProfile profile, TableSchema record, TableSchema lines,
                             List<Column> linesForeignKey, List<Column> linesOrder) {
    }

    private final Profile profile;
    private final Map<String, Collection> collections;

    private ProfileSchema(Profile profile, Map<String, Collection> collections) {
        this.profile = profile;
        this.collections = collections;
    }

    public Profile profile() {
        return profile;
    }

    public Collection collection(String name) {
        return collections.get(name);
    }

    /**
     * Checks the whole profile on one connection of the database.
     *
     * @throws ProfileDefinitionException when the profile does not fit the database
     * @throws SQLException when the database cannot be asked (no connection, credentials refused)
     */
    public static ProfileSchema check(Profile profile, Connection connection) throws SQLException {
        Map<String, Collection> collections = new LinkedHashMap<>();
        for (CollectionProfile collection : profile.collections().values()) {
            collections.put(collection.name(), collection(collection, connection));
        }
        return new ProfileSchema(profile, collections);
    }

    private static Collection collection(CollectionProfile profile, Connection connection) throws SQLException {
        Map<String, Column> available = columnsOf(profile.table(), connection);
        Map<String, Column> fields = new LinkedHashMap<>();
        profile.columns().forEach((column, field) ->
                fields.put(field.name(), resolve(new Located(column, field.where()), profile.table(), available)));
        List<Column> key = new ArrayList<>();
        for (Located column : profile.key()) {
            key.add(resolve(column, profile.table(), available));
        }
        Column modified = resolve(profile.modified(), profile.table(), available);
        if (!modified.type().isTemporal()) {
            throw profile.modified().where().error("the last-modified column " + profile.modified().name()
                    + " must hold dates or times, not " + modified.type());
        }
        Column version = profile.version() == null ? null : resolve(profile.version(), profile.table(), available);
        prepare(profile.insert(), connection);
        prepare(profile.update(), connection);
        if (profile.delete() instanceof DeleteRule.Statement statement) {
            prepare(statement.statement(), connection);
        }
        TableSchema record = new TableSchema(profile.table().name(), TableSchema.ordered(fields), List.copyOf(key),
                modified, version);
        LinesProfile linesProfile = profile.lines();
        if (linesProfile == null) {
            for (Located column : profile.constraints().values()) {
                resolve(column, profile.table(), available);
            }
            return new Collection(profile, record, null, List.of(), List.of());
        }
        Map<String, Column> lineColumns = columnsOf(linesProfile.table(), connection);
        Map<String, Column> lineFields = new LinkedHashMap<>();
        linesProfile.columns().forEach((column, field) -> lineFields.put(field.name(),
                resolve(new Located(column, field.where()), linesProfile.table(), lineColumns)));
        List<Column> foreignKey = new ArrayList<>();
        for (Located column : linesProfile.foreignKey()) {
            foreignKey.add(resolve(column, linesProfile.table(), lineColumns));
        }
        List<Column> order = new ArrayList<>();
        for (Located column : linesProfile.order()) {
            order.add(resolve(column, linesProfile.table(), lineColumns));
        }
        prepare(linesProfile.insert(), connection);
        prepare(linesProfile.delete(), connection);
        TableSchema lines = new TableSchema(linesProfile.table().name(), TableSchema.ordered(lineFields), List.of(),
                null, null);
        for (Located column : profile.constraints().values()) {
            if (record.fieldOfColumn(TableSchema.unquoted(column.name())) == null) {
                resolve(column, linesProfile.table(), lineColumns);
            }
        }
        return new Collection(profile, record, lines, List.copyOf(foreignKey), List.copyOf(order));
    }

    /** The columns of a table or view, by upper-case name, as its (empty) result set describes them. */
    private static Map<String, Column> columnsOf(Located table, Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet empty = statement.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            Map<String, Column> columns = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String label = meta.getColumnLabel(i);
                ColumnType type = ColumnType.of(meta.getColumnType(i));
                int precision = meta.getPrecision(i);
                int maxLength = type == ColumnType.TEXT && precision > 0 && precision < 1_000_000 ? precision : 0;
                columns.put(label.toUpperCase(Locale.ROOT), new Column(label, label, type, meta.getColumnType(i),
                        maxLength));
            }
            return columns;
        } catch (SQLException e) {
            if (isAccessProblem(e)) {
                throw e;
            }
            throw table.where().error("no table or view " + table.name() + " can be read: " + firstLine(e), e);
        }
    }

    private static Column resolve(Located column, Located table, Map<String, Column> available) {
        String name = column.name();
        boolean quoted = name.startsWith("\"");
        String wanted = TableSchema.unquoted(name);
        for (Column candidate : available.values()) {
            if (quoted ? candidate.label().equals(wanted) : candidate.label().equalsIgnoreCase(wanted)) {
                return new Column(name, candidate.label(), candidate.type(), candidate.sqlType(),
                        candidate.maxLength());
            }
        }
        List<String> names = available.values().stream().map(Column::label).toList();
        throw column.where().error("no column " + name + " in " + table.name() + "; its columns: " + names);
    }

    private static void prepare(NamedStatement statement, Connection connection) throws SQLException {
        if (statement == null) {
            return;
        }
        try (PreparedStatement prepared = connection.prepareStatement(statement.jdbc())) {
            // PostgreSQL parses on the server only when asked about the parameters
            int count = prepared.getParameterMetaData().getParameterCount();
            if (count != statement.parameters().size()) {
                throw statement.where().error("the database sees " + count + " parameters in the statement, the"
                        + " profile " + statement.parameters().size());
            }
        } catch (SQLException e) {
            if (isAccessProblem(e)) {
                throw e;
            }
            throw statement.where().error("the statement does not prepare: " + firstLine(e), e);
        }
    }

    /** Not the profile's fault: the database cannot be reached or refuses the user. */
    static boolean isAccessProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("42501")
                || state.equals("90096"));
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).strip();
    }
}
