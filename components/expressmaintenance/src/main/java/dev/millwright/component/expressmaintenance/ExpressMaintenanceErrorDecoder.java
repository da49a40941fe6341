package dev.millwright.component.expressmaintenance;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.millwright.component.expressmaintenance.profile.Located;
import dev.millwright.component.expressmaintenance.profile.ProfileSchema;
import dev.millwright.component.expressmaintenance.profile.TableSchema;
import dev.millwright.core.error.AuthenticationRequiredException;
import dev.millwright.core.error.ConnectorException;
import dev.millwright.core.error.ErrorContext;
import dev.millwright.core.error.FieldError;
import dev.millwright.core.error.RemoteErrorException;
import dev.millwright.core.error.SourceUnavailableException;
import dev.millwright.core.error.ValidationFailedException;

/**
 * Reads the database's errors into typed errors that keep the SQLState as the remote code: refused log-ins and
 * missing rights are AUTH_REQUIRED, lost connections and timeouts SOURCE_UNAVAILABLE, constraint violations
 * (SQLState class 23) and refused values (class 22) VALIDATION_FAILED naming the source field of the column (read
 * from the driver's message, or from the constraint name through the profile's {@code constraints}), anything
 * else REMOTE_ERROR.
 */
final class ExpressMaintenanceErrorDecoder {

    private static final Pattern COLUMN = Pattern.compile("(?i)column \"([^\" ]+)");
    private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\(([^)]+)\\)=");
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)FOREIGN KEY\\s*\\(([^)]+)\\)");
    private static final Pattern INDEX_COLUMNS = Pattern.compile(" ON [A-Za-z0-9_$.\"]+\\(([^)]+)\\)");
    private static final Pattern QUOTED_CONSTRAINT = Pattern.compile("(?i)constraint \"([^\"]+)\"");
    private static final Pattern VIOLATION_NAME = Pattern.compile("(?i)violation: \"(?:[A-Za-z0-9_$]+\\.)?([A-Za-z0-9_$]+)");
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01", "57P01", "57P02", "57P03");

    private final ProfileSchema.Collection schema;

    /** A decoder for one collection; {@code schema} may be null before the profile is checked. */
    ExpressMaintenanceErrorDecoder(ProfileSchema.Collection schema) {
        this.schema = schema;
    }

    /** Whether running the same work again may succeed (a lost connection, a deadlock, a serialization failure). */
    static boolean isTransient(SQLException e, boolean idempotent) {
        String state = state(e);
        if (RETRYABLE_STATES.contains(state) || e instanceof SQLTransientException && !(e instanceof SQLTimeoutException)) {
            return true;
        }
        // a connection lost in the middle of a write may have committed it: only reads are repeated
        return idempotent && isConnectionProblem(e);
    }

    private static boolean isConnectionProblem(SQLException e) {
        String state = state(e);
        return state.startsWith("08") || e instanceof SQLTransientConnectionException
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                || state.equals("90067") || state.equals("90098");
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    ConnectorException decode(SQLException e, ErrorContext context) {
        String state = state(e);
        String message = firstLine(e);
        if (state.startsWith("28") || state.equals("42501") || state.equals("90096")) {
            return new AuthenticationRequiredException("the database refused the user: " + message + " [" + state
                    + "]", context);
        }
        if (isConnectionProblem(e) || state.startsWith("57") || e instanceof SQLTimeoutException) {
            return new SourceUnavailableException("the database cannot be reached or did not answer in time: "
                    + message + " [" + state + "]", context, e);
        }
        if (state.startsWith("23") || state.startsWith("22")) {
            return new ValidationFailedException("the database refused the record: " + message,
                    fieldErrors(e, state), context);
        }
        return new RemoteErrorException(state.isEmpty() ? null : state, message, context);
    }

    private List<FieldError> fieldErrors(SQLException e, String state) {
        String text = String.valueOf(e.getMessage());
        Set<String> columns = new LinkedHashSet<>();
        collect(COLUMN, text, columns);
        collect(KEY_COLUMNS, text, columns);
        collect(FOREIGN_KEY, text, columns);
        collect(INDEX_COLUMNS, text, columns);
        String constraint = constraint(text);
        if (schema == null) {
            return List.of(new FieldError(constraint != null ? constraint : "record", problem(state, constraint), state));
        }
        if (constraint != null) {
            Located mapped = constraintColumn(constraint);
            if (mapped != null) {
                columns.add(mapped.name());
            }
        }
        if (columns.isEmpty()) {
            // a check constraint's text names the columns it tests
            String head = text.split("; SQL statement|\n", 2)[0];
            for (String column : knownColumns()) {
                if (Pattern.compile("\\b" + Pattern.quote(column) + "\\b", Pattern.CASE_INSENSITIVE).matcher(head).find()) {
                    columns.add(column);
                }
            }
        }
        String problem = problem(state, constraint);
        List<FieldError> errors = new ArrayList<>();
        for (String column : columns) {
            errors.add(new FieldError(fieldOf(column), problem, state));
        }
        if (errors.isEmpty()) {
            errors.add(new FieldError(constraint != null ? constraint : "record", problem, state));
        }
        return errors;
    }

    private static void collect(Pattern pattern, String text, Set<String> columns) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (String part : matcher.group(1).split(",")) {
                String column = part.strip().split("\\s+")[0].replace("\"", "");
                if (!column.isEmpty()) {
                    columns.add(column);
                }
            }
        }
    }

    private static String constraint(String text) {
        Matcher quoted = QUOTED_CONSTRAINT.matcher(text);
        if (quoted.find()) {
            return quoted.group(1);
        }
        Matcher named = VIOLATION_NAME.matcher(text);
        return named.find() ? named.group(1) : null;
    }

    /** The profile's column of a constraint; H2 names a unique index after its constraint ({@code UQ_X_INDEX_A}). */
    private Located constraintColumn(String constraint) {
        Map<String, Located> constraints = schema.profile().constraints();
        String upper = constraint.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, Located> entry : constraints.entrySet()) {
            if (upper.equals(entry.getKey()) || upper.startsWith(entry.getKey() + "_INDEX")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private List<String> knownColumns() {
        List<String> names = new ArrayList<>();
        schema.record().fields().values().forEach(column -> names.add(column.label()));
        if (schema.lines() != null) {
            schema.lines().fields().values().forEach(column -> names.add(column.label()));
        }
        return names;
    }

    /** The source field of a column the database named (record first, then lines), else the column. */
    String fieldOf(String column) {
        String field = schema.record().fieldOfColumn(column);
        if (field != null) {
            return field;
        }
        TableSchema lines = schema.lines();
        if (lines != null) {
            String lineField = lines.fieldOfColumn(column);
            if (lineField != null) {
                return schema.profile().lines().field() + "[]." + lineField;
            }
        }
        return column;
    }

    private static String problem(String state, String constraint) {
        String rule = constraint == null ? "" : " (" + constraint + ")";
        return switch (state) {
            case "23502" -> "a value is required";
            case "23505" -> "already exists" + rule;
            case "23503", "23506" -> "does not reference an existing record, or is still referenced" + rule;
            case "23513", "23514" -> "violates the rule" + rule;
            case "22001" -> "is too long";
            case "22003" -> "is out of range";
            default -> state.startsWith("22") ? "is not a valid value" : "violates a constraint" + rule;
        };
    }

    static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return (newline > 0 ? message.substring(0, newline) : message).strip();
    }
}
