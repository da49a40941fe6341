package dev.millwright.component.expressmaintenance.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a profile file and checks everything that can be checked without the database: required entries, known
 * keys, identifiers, that key, change and version columns are mapped to source fields, and that every statement
 * parameter names a source field or a reserved parameter ({@code _now}: the write's time; {@code _version}: the
 * version the record must still have, in update and delete statements). Errors name the file, line and entry.
 */
public final class ProfileParser {

    /** The write's time, as the column type needs it. */
    public static final String NOW = "_now";
    /** The version the record must still have (what the caller expects, else what the write read). */
    public static final String VERSION = "_version";

    private static final Pattern IDENTIFIER = Pattern.compile("\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$#]*");
    private static final Pattern TABLE = Pattern.compile("(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$#]*)"
            + "(?:\\.(?:\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_$#]*))*");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Set<String> ROOT_KEYS = Set.of("name", "description", "time_zone", "collections");
    private static final Set<String> COLLECTION_KEYS = Set.of("table", "key", "modified", "version", "fields",
            "constraints", "insert", "update", "delete", "lines");
    private static final Set<String> LINES_KEYS = Set.of("field", "table", "foreign_key", "order", "fields", "insert",
            "delete");
    private static final Set<String> DELETE_KEYS = Set.of("statement", "soft");
    private static final Set<String> SOFT_KEYS = Set.of("field", "value");

    private ProfileParser() {
    }

    /** Reads {@code classpath:path}, {@code file:path} or a plain file path. */
    public static Profile load(String location) {
        return parse(location, read(location));
    }

    static String read(String location) {
        if (location == null || location.isBlank()) {
            throw new ProfileDefinitionException(String.valueOf(location), 0, null, "no profile location given");
        }
        try {
            if (location.startsWith("classpath:")) {
                String resource = location.substring("classpath:".length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
                if (in == null) {
                    in = ProfileParser.class.getClassLoader().getResourceAsStream(resource);
                }
                if (in == null) {
                    throw new ProfileDefinitionException(location, 0, null, "no such profile on the class path");
                }
                try (InputStream stream = in) {
                    return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ProfileDefinitionException(location, 0, null, "no such profile file");
        } catch (IOException e) {
            throw new ProfileDefinitionException(location, 0, null, "cannot read the profile: " + e.getMessage(), e);
        }
    }

    public static Profile parse(String source, String text) {
        ProfileNode root = ProfileNode.parse(source, text);
        Map<String, ProfileNode> entries = root.entries(ROOT_KEYS);
        String name = entries.containsKey("name") ? entries.get("name").text() : defaultName(source);
        ZoneId zone = ZoneOffset.UTC;
        if (entries.containsKey("time_zone")) {
            ProfileNode zoneNode = entries.get("time_zone");
            try {
                zone = ZoneId.of(zoneNode.text());
            } catch (DateTimeException e) {
                throw zoneNode.where().error("'" + zoneNode.text() + "' is not a time zone (UTC, Europe/Berlin,"
                        + " America/Chicago)");
            }
        }
        ProfileNode collectionsNode = required(entries, "collections", root.where());
        Map<String, CollectionProfile> collections = new LinkedHashMap<>();
        collectionsNode.entries(null).forEach((collection, node) -> collections.put(collection, collection(collection, node)));
        if (collections.isEmpty()) {
            throw collectionsNode.where().error("the profile defines no collection");
        }
        return new Profile(source, name, zone, Collections.unmodifiableMap(collections));
    }

    private static String defaultName(String source) {
        String file = source.substring(Math.max(source.lastIndexOf('/'), source.lastIndexOf(':')) + 1);
        return file.replaceFirst("\\.ya?ml$", "");
    }

    private static CollectionProfile collection(String name, ProfileNode node) {
        Map<String, ProfileNode> entries = node.entries(COLLECTION_KEYS);
        Where where = node.where();
        Located table = table(required(entries, "table", where));
        List<Located> key = columns(required(entries, "key", where));
        Located modified = column(required(entries, "modified", where));
        Located version = entries.containsKey("version") ? column(entries.get("version")) : null;
        Map<String, Located> columns = fields(required(entries, "fields", where));
        for (Located column : key) {
            requireMapped(column, columns, "key column");
        }
        requireMapped(modified, columns, "last-modified column");
        if (version != null) {
            requireMapped(version, columns, "version column");
        }
        Set<String> fields = fieldNames(columns);
        Set<String> keyFields = new LinkedHashSet<>();
        key.forEach(column -> keyFields.add(fieldOf(column, columns)));
        NamedStatement insert = statement(entries.get("insert"), fields, Set.of(NOW));
        NamedStatement update = statement(entries.get("update"), fields, Set.of(NOW, VERSION));
        if (update != null) {
            for (String keyField : keyFields) {
                if (!update.names().contains(keyField)) {
                    throw update.where().error("the update statement must select the record by its key: :"
                            + keyField + " is not used");
                }
            }
        }
        DeleteRule delete = entries.containsKey("delete") ? delete(entries.get("delete"), fields, update) : null;
        LinesProfile lines = entries.containsKey("lines") ? lines(entries.get("lines"), key, fields, keyFields) : null;
        Map<String, Located> constraints = new LinkedHashMap<>();
        if (entries.containsKey("constraints")) {
            entries.get("constraints").entries(null).forEach((constraint, value) -> {
                Located column = column(value);
                if (fieldOfOrNull(column, columns) == null
                        && (lines == null || fieldOfOrNull(column, lines.columns()) == null)) {
                    throw column.where().error("the constraint column " + column.name() + " must be mapped to a"
                            + " source field under fields (of the record or of its lines)");
                }
                constraints.put(constraint.toUpperCase(Locale.ROOT), column);
            });
        }
        return new CollectionProfile(name, table, key, modified, version, Collections.unmodifiableMap(columns),
                Collections.unmodifiableMap(constraints), insert, update, delete, lines, where);
    }

    private static DeleteRule delete(ProfileNode node, Set<String> fields, NamedStatement update) {
        Map<String, ProfileNode> entries = node.entries(DELETE_KEYS);
        if (entries.size() != 1) {
            throw node.where().error("give either statement (a hard delete) or soft (a field and the value that"
                    + " marks a record deleted)");
        }
        if (entries.containsKey("statement")) {
            return new DeleteRule.Statement(statement(entries.get("statement"), fields, Set.of(NOW, VERSION)),
                    node.where());
        }
        ProfileNode soft = entries.get("soft");
        Map<String, ProfileNode> softEntries = soft.entries(SOFT_KEYS);
        ProfileNode field = required(softEntries, "field", soft.where());
        ProfileNode value = required(softEntries, "value", soft.where());
        if (!fields.contains(field.text())) {
            throw field.where().error("'" + field.text() + "' is not a source field of this collection; fields: "
                    + fields);
        }
        if (update == null) {
            throw soft.where().error("a soft delete runs the update statement, and this collection has none");
        }
        return new DeleteRule.Soft(field.text(), value.text(), soft.where());
    }

    private static LinesProfile lines(ProfileNode node, List<Located> parentKey, Set<String> parentFields,
            Set<String> parentKeyFields) {
        Map<String, ProfileNode> entries = node.entries(LINES_KEYS);
        Where where = node.where();
        ProfileNode fieldNode = required(entries, "field", where);
        String field = fieldNode.text();
        if (!FIELD.matcher(field).matches()) {
            throw fieldNode.where().error("'" + field + "' is not a source field name (letters, digits, _)");
        }
        if (parentFields.contains(field)) {
            throw fieldNode.where().error("'" + field + "' is already the source field of a column of the record");
        }
        Located table = table(required(entries, "table", where));
        ProfileNode foreignKeyNode = required(entries, "foreign_key", where);
        List<Located> foreignKey = columns(foreignKeyNode);
        if (foreignKey.size() != parentKey.size()) {
            throw foreignKeyNode.where().error("the parent has " + parentKey.size() + " key column(s) " + parentKey
                    + ", the foreign key " + foreignKey.size());
        }
        List<Located> order = columns(required(entries, "order", where));
        Map<String, Located> columns = fields(required(entries, "fields", where));
        Set<String> lineFields = fieldNames(columns);
        Set<String> insertNames = new HashSet<>(lineFields);
        insertNames.addAll(parentKeyFields);
        NamedStatement insert = statement(entries.get("insert"), insertNames, Set.of(NOW));
        NamedStatement delete = statement(entries.get("delete"), parentKeyFields, Set.of(NOW));
        if ((insert == null) != (delete == null)) {
            throw where.error("lines are written by replacing them: give both insert and delete, or neither");
        }
        return new LinesProfile(field, table, foreignKey, order, Collections.unmodifiableMap(columns), insert, delete,
                where);
    }

    private static NamedStatement statement(ProfileNode node, Set<String> fields, Set<String> reserved) {
        if (node == null) {
            return null;
        }
        NamedStatement statement = NamedStatement.parse(node.text(), node.where());
        if (statement.jdbc().isBlank()) {
            throw node.where().error("the statement is empty");
        }
        for (String parameter : statement.names()) {
            if (!fields.contains(parameter) && !reserved.contains(parameter)) {
                List<String> known = new ArrayList<>(fields);
                known.addAll(reserved);
                throw node.where().error("unknown parameter :" + parameter + "; parameters are source fields or"
                        + " reserved names: " + known);
            }
        }
        return statement;
    }

    private static Map<String, Located> fields(ProfileNode node) {
        Map<String, Located> columns = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        Map<String, ProfileNode> entries = node.entries(null);
        if (entries.isEmpty()) {
            throw node.where().error("map at least one column to a source field");
        }
        entries.forEach((column, value) -> {
            if (!IDENTIFIER.matcher(column).matches()) {
                throw value.where().error("'" + column + "' is not a column name");
            }
            String field = value.text();
            if (!FIELD.matcher(field).matches()) {
                throw value.where().error("'" + field + "' is not a source field name (a letter, then letters,"
                        + " digits or _)");
            }
            String upper = column.toUpperCase(Locale.ROOT);
            if (seen.containsKey(field)) {
                throw value.where().error("source field '" + field + "' is already the field of column "
                        + seen.get(field));
            }
            for (String other : columns.keySet()) {
                if (other.toUpperCase(Locale.ROOT).equals(upper)) {
                    throw value.where().error("column " + column + " is mapped twice");
                }
            }
            seen.put(field, column);
            columns.put(column, new Located(field, value.where()));
        });
        return columns;
    }

    private static Set<String> fieldNames(Map<String, Located> columns) {
        Set<String> names = new LinkedHashSet<>();
        columns.values().forEach(field -> names.add(field.name()));
        return names;
    }

    private static void requireMapped(Located column, Map<String, Located> columns, String what) {
        if (fieldOfOrNull(column, columns) == null) {
            throw column.where().error("the " + what + " " + column.name() + " must be mapped to a source field under"
                    + " fields");
        }
    }

    private static String fieldOf(Located column, Map<String, Located> columns) {
        return fieldOfOrNull(column, columns);
    }

    private static String fieldOfOrNull(Located column, Map<String, Located> columns) {
        for (Map.Entry<String, Located> entry : columns.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column.name())) {
                return entry.getValue().name();
            }
        }
        return null;
    }

    private static Located table(ProfileNode node) {
        String name = node.text().strip();
        if (!TABLE.matcher(name).matches()) {
            throw node.where().error("'" + name + "' is not a table or view name");
        }
        return new Located(name, node.where());
    }

    private static Located column(ProfileNode node) {
        String name = node.text().strip();
        if (!IDENTIFIER.matcher(name).matches()) {
            throw node.where().error("'" + name + "' is not a column name");
        }
        return new Located(name, node.where());
    }

    private static List<Located> columns(ProfileNode node) {
        List<Located> columns = new ArrayList<>();
        for (String name : node.texts()) {
            if (!IDENTIFIER.matcher(name.strip()).matches()) {
                throw node.where().error("'" + name + "' is not a column name");
            }
            columns.add(new Located(name.strip(), node.where()));
        }
        return columns;
    }

    private static ProfileNode required(Map<String, ProfileNode> entries, String key, Where where) {
        ProfileNode node = entries.get(key);
        if (node == null || node.isNull()) {
            throw where.child(key, where.line()).error("missing: '" + key + "' is required");
        }
        return node;
    }
}
