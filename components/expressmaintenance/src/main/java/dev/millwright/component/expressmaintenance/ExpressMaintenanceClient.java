package dev.millwright.component.expressmaintenance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.millwright.component.expressmaintenance.profile.Column;
import dev.millwright.component.expressmaintenance.profile.CollectionProfile;
import dev.millwright.component.expressmaintenance.profile.DeleteRule;
import dev.millwright.component.expressmaintenance.profile.LinesProfile;
import dev.millwright.component.expressmaintenance.profile.NamedStatement;
import dev.millwright.component.expressmaintenance.profile.ProfileParser;
import dev.millwright.component.expressmaintenance.profile.ProfileSchema;
import dev.millwright.component.expressmaintenance.profile.TableSchema;
import dev.millwright.core.component.SourceClient;
import dev.millwright.core.component.WriteResult;
import dev.millwright.core.cursor.RecordIdentity;
import dev.millwright.core.error.ConflictException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.NotFoundException;
import dev.millwright.core.error.OperationNotSupportedException;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;
import dev.millwright.core.http.HttpSettings;
import dev.millwright.core.http.RateLimiter;
import dev.millwright.core.http.Sleeper;
import dev.millwright.core.paging.Page;
import dev.millwright.core.paging.PageIterator;

/**
 * One collection of the CMMS database, as its profile describes it. Incremental reads are keyset pages ordered by
 * (last modified, key): {@code WHERE modified >= ?} for the first page, then only rows after the last one read, so
 * no row is skipped or repeated between pages, whatever the ties, and no connection is held between pages. Writes
 * run the profile's statements in one transaction per call, binding record values as parameters; an update reads
 * the record, applies the changes to it and runs the update statement guarded by the version (0 rows: CONFLICT).
 */
final class ExpressMaintenanceClient implements SourceClient {

    private static final JsonNodeFactory JSON = JsonNodeFactory.withExactBigDecimals(true);
    private static final int LINES_PER_QUERY = 500;
    /** The field carrying the remote id of records keyed by several columns (mapping files read it). */
    static final String KEY_FIELD = "_key";

    private final DataSource dataSource;
    private final ProfileSchema.Collection schema;
    private final CollectionProfile profile;
    private final TableSchema table;
    private final String profileSource;
    private final SqlValues values;
    private final ExpressMaintenanceRecordIdentity identity;
    private final ExpressMaintenanceErrorDecoder errors;
    private final HttpSettings retries;
    private final RateLimiter rateLimiter;
    private final int fetchSize;
    private final int queryTimeoutSeconds;
    private final Clock clock;
    private final String selectList;
    private final String orderBy;

    ExpressMaintenanceClient(DataSource dataSource, ProfileSchema profileSchema, String collection,
            HttpSettings retries, RateLimiter rateLimiter, int fetchSize, Clock clock) {
        this.dataSource = dataSource;
        this.schema = profileSchema.collection(collection);
        this.profile = schema.profile();
        this.table = schema.record();
        this.profileSource = profileSchema.profile().source();
        this.values = new SqlValues(profileSchema.profile().timeZone());
        this.identity = new ExpressMaintenanceRecordIdentity(profile.keyFields(), profile.versionField(),
                profile.modifiedField(), values);
        this.errors = new ExpressMaintenanceErrorDecoder(schema);
        this.retries = retries;
        this.rateLimiter = rateLimiter;
        this.fetchSize = fetchSize;
        this.queryTimeoutSeconds = (int) Math.min(Integer.MAX_VALUE,
                (retries.readTimeout().toMillis() + 999) / 1000);
        this.clock = clock;
        this.selectList = String.join(", ", table.columns().stream().map(Column::name).toList());
        List<String> order = new ArrayList<>();
        order.add(table.modified().name());
        table.key().forEach(column -> order.add(column.name()));
        this.orderBy = String.join(", ", order);
    }

    @Override
    public RecordIdentity identity() {
        return identity;
    }

    @Override
    public Iterator<ObjectNode> readModifiedSince(Instant from, int pageSize, ErrorContext context) {
        KeysetPages pages = new KeysetPages(from, Math.max(1, pageSize), context);
        return new PageIterator<>(pages::fetch);
    }

    /** The pages of one read; remembers the last row read, where the next page starts. */
    private final class KeysetPages {
        private final Instant from;
        private final int pageSize;
        private final ErrorContext context;
        private List<JsonNode> after;

        KeysetPages(Instant from, int pageSize, ErrorContext context) {
            this.from = from;
            this.pageSize = pageSize;
            this.context = context;
        }

        Page<ObjectNode> fetch(String next) {
            List<ObjectNode> records = withRetries(true, context, "read a page of " + profile.name(),
                    connection -> page(connection));
            if (records.size() < pageSize) {
                return Page.last(records);
            }
            ObjectNode last = records.get(records.size() - 1);
            after = new ArrayList<>();
            after.add(last.get(profile.modifiedField()));
            profile.keyFields().forEach(field -> after.add(last.get(field)));
            return new Page<>(records, "after " + identity.modifiedAt(last) + " " + identity.remoteId(last));
        }

        private List<ObjectNode> page(Connection connection) throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT ").append(selectList).append(" FROM ").append(table.table())
                    .append(" WHERE ").append(table.modified().name()).append(" >= ?");
            if (after != null) {
                sql.append(" AND (").append(table.modified().name()).append(" > ? OR (")
                        .append(table.modified().name()).append(" = ? AND ").append(keysAfter(0)).append("))");
            }
            sql.append(" ORDER BY ").append(orderBy).append(" FETCH FIRST ").append(pageSize).append(" ROWS ONLY");
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                prepare(query, pageSize);
                int index = 1;
                // later pages start the index range at the last row read, not at the read's start
                if (after == null) {
                    query.setObject(index++, values.instantValue(from, table.modified()));
                } else {
                    bindInternal(query, index++, after.get(0), table.modified());
                    bindInternal(query, index++, after.get(0), table.modified());
                    bindInternal(query, index++, after.get(0), table.modified());
                    for (int k = 0; k < table.key().size(); k++) {
                        bindInternal(query, index++, after.get(k + 1), table.key().get(k));
                        if (k < table.key().size() - 1) {
                            bindInternal(query, index++, after.get(k + 1), table.key().get(k));
                        }
                    }
                }
                List<ObjectNode> records = readRecords(query);
                attachLines(connection, records);
                return records;
            }
        }
    }

    /** {@code K1 > ? OR (K1 = ? AND (K2 > ? ...))}: the rows after a key, in key order. */
    private String keysAfter(int k) {
        String column = table.key().get(k).name();
        if (k == table.key().size() - 1) {
            return column + " > ?";
        }
        return "(" + column + " > ? OR (" + column + " = ? AND " + keysAfter(k + 1) + "))";
    }

    private List<ObjectNode> readRecords(PreparedStatement query) throws SQLException {
        List<ObjectNode> records = new ArrayList<>();
        List<Map.Entry<String, Column>> fields = new ArrayList<>(table.fields().entrySet());
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                ObjectNode record = JSON.objectNode();
                for (int i = 0; i < fields.size(); i++) {
                    record.set(fields.get(i).getKey(), values.read(rows, i + 1, fields.get(i).getValue()));
                }
                if (table.key().size() > 1) {
                    record.put(KEY_FIELD, identity.remoteId(record));
                }
                records.add(record);
            }
        }
        return records;
    }

    /** Reads the lines of the given records into each record's lines field, a few queries for a whole page. */
    private void attachLines(Connection connection, List<ObjectNode> records) throws SQLException {
        LinesProfile lines = profile.lines();
        if (lines == null || records.isEmpty()) {
            return;
        }
        TableSchema lineTable = schema.lines();
        Map<String, ArrayNode> byParent = new HashMap<>();
        for (ObjectNode record : records) {
            byParent.put(identity.remoteId(record), record.putArray(lines.field()));
        }
        List<Column> foreignKey = schema.linesForeignKey();
        List<Map.Entry<String, Column>> fields = new ArrayList<>(lineTable.fields().entrySet());
        List<String> select = new ArrayList<>(fields.stream().map(field -> field.getValue().name()).toList());
        foreignKey.forEach(column -> select.add(column.name()));
        List<String> order = new ArrayList<>(foreignKey.stream().map(Column::name).toList());
        schema.linesOrder().forEach(column -> order.add(column.name()));
        for (int start = 0; start < records.size(); start += LINES_PER_QUERY) {
            List<ObjectNode> chunk = records.subList(start, Math.min(records.size(), start + LINES_PER_QUERY));
            String sql = "SELECT " + String.join(", ", select) + " FROM " + lineTable.table() + " WHERE "
                    + parentCondition(foreignKey, chunk.size()) + " ORDER BY " + String.join(", ", order);
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                prepare(query, LINES_PER_QUERY * 4);
                int index = 1;
                for (ObjectNode record : chunk) {
                    List<String> keyFields = profile.keyFields();
                    for (int k = 0; k < keyFields.size(); k++) {
                        bindInternal(query, index++, record.get(keyFields.get(k)), foreignKey.get(k));
                    }
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ObjectNode line = JSON.objectNode();
                        for (int i = 0; i < fields.size(); i++) {
                            line.set(fields.get(i).getKey(), values.read(rows, i + 1, fields.get(i).getValue()));
                        }
                        List<String> parentKey = new ArrayList<>();
                        for (int k = 0; k < foreignKey.size(); k++) {
                            parentKey.add(values.read(rows, fields.size() + k + 1, foreignKey.get(k)).asText());
                        }
                        ArrayNode target = byParent.get(ExpressMaintenanceRecordIdentity.join(parentKey));
                        if (target != null) {
                            target.add(line);
                        }
                    }
                }
            }
        }
    }

    private static String parentCondition(List<Column> foreignKey, int parents) {
        if (foreignKey.size() == 1) {
            return foreignKey.get(0).name() + " IN (" + "?, ".repeat(parents - 1) + "?)";
        }
        String one = "(" + String.join(" AND ", foreignKey.stream().map(column -> column.name() + " = ?").toList())
                + ")";
        return String.join(" OR ", java.util.Collections.nCopies(parents, one));
    }

    /** Health check: {@code SELECT 1} on a connection of the data source (the login is the credential check). */
    @Override
    public void checkConnection(ErrorContext context) {
        withRetries(true, context, "check the connection", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1")) {
                select.setQueryTimeout(queryTimeoutSeconds);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    @Override
    public ObjectNode get(String remoteId, ErrorContext context) {
        List<JsonNode> key = key(remoteId, context);
        return withRetries(true, context, "read " + profile.name() + " record", connection -> {
            ObjectNode record = select(connection, key);
            if (record == null) {
                throw notFound(remoteId, context);
            }
            return record;
        });
    }

    @Override
    public WriteResult create(ObjectNode record, ErrorContext context) {
        NamedStatement insert = required(profile.insert(), "insert", "create", context);
        checkFields(record, context);
        return inTransaction(context, "create a " + profile.name() + " record", connection -> {
            Instant now = now();
            List<String> keyFields = profile.keyFields();
            boolean keyGiven = keyFields.stream().allMatch(field -> record.hasNonNull(field));
            String[] generated = table.key().stream().map(Column::label).toArray(String[]::new);
            List<JsonNode> key = new ArrayList<>();
            try (PreparedStatement statement = keyGiven ? connection.prepareStatement(insert.jdbc())
                    : connection.prepareStatement(insert.jdbc(), generated)) {
                prepare(statement, 0);
                bind(statement, insert, record::get, table.fields()::get, now, null, context);
                statement.executeUpdate();
                if (keyGiven) {
                    keyFields.forEach(field -> key.add(record.get(field)));
                } else {
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        if (!keys.next()) {
                            throw new RemoteErrorException(null, "the insert statement of " + profileSource + " for "
                                    + profile.name() + " gave no key: give the key fields, or let the table generate"
                                    + " them", context);
                        }
                        for (int k = 0; k < table.key().size(); k++) {
                            key.add(values.read(keys, k + 1, table.key().get(k)));
                        }
                    }
                }
            }
            if (profile.lines() != null && record.has(profile.lines().field())) {
                replaceLines(connection, key, record.get(profile.lines().field()), now, false, context);
            }
            return written(connection, key, context);
        });
    }

    @Override
    public WriteResult update(String remoteId, String expectedVersion, ObjectNode changes, ErrorContext context) {
        NamedStatement update = required(profile.update(), "update", "update", context);
        checkFields(changes, context);
        List<JsonNode> key = key(remoteId, context);
        return inTransaction(context, "update " + profile.name() + " record", connection -> {
            ObjectNode current = current(connection, key, remoteId, expectedVersion, context);
            ObjectNode merged = current.deepCopy();
            LinesProfile lines = profile.lines();
            if (lines != null) {
                merged.remove(lines.field());
            }
            List<FieldError> keyChanges = new ArrayList<>();
            changes.fields().forEachRemaining(change -> {
                if (lines != null && change.getKey().equals(lines.field()) || change.getKey().equals(KEY_FIELD)) {
                    return;
                }
                if (profile.keyFields().contains(change.getKey())
                        && !change.getValue().asText().equals(current.path(change.getKey()).asText())) {
                    keyChanges.add(new FieldError(change.getKey(), "is part of the key and cannot change"));
                }
                merged.set(change.getKey(), change.getValue());
            });
            if (!keyChanges.isEmpty()) {
                throw new ValidationFailedException("the key of a record cannot change", keyChanges, context);
            }
            Instant now = now();
            String version = expectedVersion != null ? expectedVersion : identity.version(current);
            runGuarded(connection, update, merged, now, version, remoteId, context);
            if (lines != null && changes.has(lines.field())) {
                replaceLines(connection, key, changes.get(lines.field()), now, true, context);
            }
            return written(connection, key, context);
        });
    }

    @Override
    public void delete(String remoteId, String expectedVersion, ErrorContext context) {
        DeleteRule rule = profile.delete();
        if (rule == null) {
            throw new OperationNotSupportedException("the profile " + profileSource + " has no delete for "
                    + profile.name(), context);
        }
        if (rule instanceof DeleteRule.Soft soft) {
            update(remoteId, expectedVersion, JSON.objectNode().put(soft.field(), soft.value()), context);
            return;
        }
        NamedStatement statement = ((DeleteRule.Statement) rule).statement();
        List<JsonNode> key = key(remoteId, context);
        inTransaction(context, "delete " + profile.name() + " record", connection -> {
            ObjectNode current = current(connection, key, remoteId, expectedVersion, context);
            Instant now = now();
            if (profile.lines() != null && profile.lines().delete() != null) {
                replaceLines(connection, key, null, now, true, context);
            }
            runGuarded(connection, statement, current, now,
                    expectedVersion != null ? expectedVersion : identity.version(current), remoteId, context);
            return null;
        });
    }

    /** The record to change, checked against the version the caller expects. */
    private ObjectNode current(Connection connection, List<JsonNode> key, String remoteId, String expectedVersion,
            ErrorContext context) throws SQLException {
        ObjectNode current = select(connection, key);
        if (current == null) {
            throw notFound(remoteId, context);
        }
        String version = identity.version(current);
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new ConflictException("the record changed since version " + expectedVersion + ": it is at version "
                    + version + " now", context);
        }
        return current;
    }

    /** Runs an update or delete that selects one record by key and version: 0 rows means it changed meanwhile. */
    private void runGuarded(Connection connection, NamedStatement statement, ObjectNode record, Instant now,
            String version, String remoteId, ErrorContext context) throws SQLException {
        try (PreparedStatement prepared = connection.prepareStatement(statement.jdbc())) {
            prepare(prepared, 0);
            bind(prepared, statement, record::get, table.fields()::get, now, version, context);
            int rows = prepared.executeUpdate();
            if (rows == 0) {
                throw new ConflictException("the record changed while it was written (version " + version
                        + " is no longer current)", context);
            }
            if (rows > 1) {
                throw new RemoteErrorException(null, "the statement at " + statement.where().source() + ":"
                        + statement.where().line() + " changed " + rows + " rows for record '" + remoteId
                        + "': it must select one record by its key; rolled back", context);
            }
        }
    }

    private void replaceLines(Connection connection, List<JsonNode> key, JsonNode newLines, Instant now,
            boolean deleteOld, ErrorContext context) throws SQLException {
        LinesProfile lines = profile.lines();
        if (newLines != null && lines.insert() == null) {
            throw new OperationNotSupportedException("the profile " + profileSource + " has no insert statement for"
                    + " the " + lines.field() + " of " + profile.name(), context);
        }
        if (newLines != null && !newLines.isArray() && !newLines.isNull()) {
            throw new ValidationFailedException("the lines must be a list",
                    List.of(new FieldError(lines.field(), "expected a list")), context);
        }
        Map<String, JsonNode> parentKey = new HashMap<>();
        Map<String, Column> parentKeyColumns = new HashMap<>();
        for (int k = 0; k < profile.keyFields().size(); k++) {
            parentKey.put(profile.keyFields().get(k), key.get(k));
            parentKeyColumns.put(profile.keyFields().get(k), table.key().get(k));
        }
        TableSchema lineTable = schema.lines();
        Function<String, Column> columns = name -> parentKeyColumns.containsKey(name) ? parentKeyColumns.get(name)
                : lineTable.column(name);
        if (deleteOld) {
            try (PreparedStatement delete = connection.prepareStatement(lines.delete().jdbc())) {
                prepare(delete, 0);
                bind(delete, lines.delete(), parentKey::get, columns, now, null, context);
                delete.executeUpdate();
            }
        }
        if (newLines == null || newLines.isNull() || newLines.isEmpty()) {
            return;
        }
        String orderField = schema.linesOrder().size() == 1
                ? lineTable.fieldOfColumn(schema.linesOrder().get(0).label()) : null;
        try (PreparedStatement insert = connection.prepareStatement(lines.insert().jdbc())) {
            prepare(insert, 0);
            int position = 0;
            for (JsonNode element : newLines) {
                position++;
                if (!(element instanceof ObjectNode line)) {
                    throw new ValidationFailedException("each line must be an object", List.of(
                            new FieldError(lines.field() + "[" + (position - 1) + "]", "expected an object")), context);
                }
                checkLineFields(line, position - 1, context);
                ObjectNode bound = line.deepCopy();
                if (orderField != null && !bound.hasNonNull(orderField)) {
                    bound.put(orderField, position);
                }
                bind(insert, lines.insert(), name -> parentKey.containsKey(name) ? parentKey.get(name) : bound.get(name),
                        columns, now, null, context);
                insert.executeUpdate();
            }
        }
    }

    /** Binds a statement's named parameters: record fields, {@code _now} and {@code _version}. */
    private void bind(PreparedStatement statement, NamedStatement named, Function<String, JsonNode> source,
            Function<String, Column> columns, Instant now, String version, ErrorContext context) throws SQLException {
        List<FieldError> invalid = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        List<String> parameters = named.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            try {
                if (name.equals(ProfileParser.NOW)) {
                    statement.setObject(i + 1, values.instantValue(now, table.modified()));
                } else if (name.equals(ProfileParser.VERSION)) {
                    Column versionColumn = table.version() != null ? table.version() : table.modified();
                    values.bindText(statement, i + 1, version, versionColumn);
                } else {
                    values.bind(statement, i + 1, source.apply(name), columns.apply(name));
                }
            } catch (SqlValues.InvalidValue e) {
                if (reported.add(name)) {
                    invalid.add(new FieldError(name, e.getMessage()));
                }
            }
        }
        if (!invalid.isEmpty()) {
            throw new ValidationFailedException("values the database cannot store", invalid, context);
        }
    }

    private WriteResult written(Connection connection, List<JsonNode> key, ErrorContext context) throws SQLException {
        ObjectNode record = select(connection, key);
        if (record == null) {
            throw new RemoteErrorException(null, "the record written is not found by its key in "
                    + table.table() + " (does the profile read a view that hides it?)", context);
        }
        return new WriteResult(identity.remoteId(record), identity.version(record), record);
    }

    private ObjectNode select(Connection connection, List<JsonNode> key) throws SQLException {
        String sql = "SELECT " + selectList + " FROM " + table.table() + " WHERE "
                + String.join(" AND ", table.key().stream().map(column -> column.name() + " = ?").toList());
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            prepare(query, 1);
            for (int k = 0; k < key.size(); k++) {
                bindInternal(query, k + 1, key.get(k), table.key().get(k));
            }
            List<ObjectNode> records = readRecords(query);
            attachLines(connection, records);
            return records.isEmpty() ? null : records.get(0);
        }
    }

    /** The key values of a remote id; an id that cannot be a key of this table is not found. */
    private List<JsonNode> key(String remoteId, ErrorContext context) {
        List<String> parts = ExpressMaintenanceRecordIdentity.split(remoteId, table.key().size());
        if (parts == null) {
            throw notFound(remoteId, context);
        }
        List<JsonNode> key = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Column column = table.key().get(k);
            if (column.type() == dev.millwright.component.expressmaintenance.profile.ColumnType.INTEGER
                    && !parts.get(k).matches("-?\\d{1,18}")) {
                throw notFound(remoteId, context);
            }
            key.add(TextNode.valueOf(parts.get(k)));
        }
        return key;
    }

    private NotFoundException notFound(String remoteId, ErrorContext context) {
        return new NotFoundException("no " + profile.name() + " record '" + remoteId + "' in " + table.table(),
                context);
    }

    private NamedStatement required(NamedStatement statement, String what, String operation, ErrorContext context) {
        if (statement == null) {
            throw new OperationNotSupportedException("the profile " + profileSource + " has no " + what
                    + " statement for " + profile.name() + ": " + operation + " is not supported", context);
        }
        return statement;
    }

    /** Refuses fields the profile does not know, rather than dropping them silently. */
    private void checkFields(ObjectNode record, ErrorContext context) {
        List<FieldError> unknown = new ArrayList<>();
        record.fieldNames().forEachRemaining(field -> {
            boolean isLines = profile.lines() != null && field.equals(profile.lines().field());
            if (!isLines && !field.equals(KEY_FIELD) && table.column(field) == null) {
                unknown.add(new FieldError(field, "not a field of " + profile.name() + " in profile " + profileSource));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationFailedException("unknown fields", unknown, context);
        }
    }

    private void checkLineFields(ObjectNode line, int index, ErrorContext context) {
        List<FieldError> unknown = new ArrayList<>();
        line.fieldNames().forEachRemaining(field -> {
            if (schema.lines().column(field) == null && !profile.keyFields().contains(field)) {
                unknown.add(new FieldError(profile.lines().field() + "[" + index + "]." + field,
                        "not a field of the lines in profile " + profileSource));
            }
        });
        if (!unknown.isEmpty()) {
            throw new ValidationFailedException("unknown fields", unknown, context);
        }
    }

    private void bindInternal(PreparedStatement statement, int index, JsonNode value, Column column)
            throws SQLException {
        try {
            values.bind(statement, index, value, column);
        } catch (SqlValues.InvalidValue e) {
            throw new IllegalStateException(column.label() + ": " + e.getMessage(), e);
        }
    }

    private void prepare(PreparedStatement statement, int rows) throws SQLException {
        if (rows > 0) {
            statement.setFetchSize(fetchSize > 0 ? fetchSize : rows);
        }
        if (queryTimeoutSeconds > 0) {
            statement.setQueryTimeout(queryTimeoutSeconds);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T inTransaction(ErrorContext context, String what, SqlWork<T> work) {
        return withRetries(false, context, what, connection -> {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            } finally {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException ignored) {
                    // the connection is closed next anyway
                }
            }
        });
    }

    /** Runs work on a connection of its own, again (with backoff) when the database says a retry may succeed. */
    private <T> T withRetries(boolean idempotent, ErrorContext context, String what, SqlWork<T> work) {
        int attempt = 1;
        while (true) {
            try {
                rateLimiter.acquire();
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                }
            } catch (SQLException e) {
                if (attempt >= retries.maxAttempts() || !ExpressMaintenanceErrorDecoder.isTransient(e, idempotent)) {
                    throw errors.decode(e, context);
                }
                pause(retries.backoff(attempt, ThreadLocalRandom.current().nextDouble()), context, e);
                attempt++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted while waiting to " + what, context, e);
            } catch (ConnectorException e) {
                throw e;
            }
        }
    }

    private static void pause(Duration delay, ErrorContext context, SQLException cause) {
        try {
            Sleeper.SYSTEM.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting to retry: "
                    + ExpressMaintenanceErrorDecoder.firstLine(cause), context, e);
        }
    }
}
