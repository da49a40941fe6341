package dev.millwright.simulators.maximo;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The subset of Maximo's {@code oslc.where} the simulator understands: clauses {@code attr op value} joined
 * by {@code and}, with {@code = != > >= < <=} and {@code in [v1,v2]}. Strings and dates are quoted (double
 * or single quotes), numbers bare; {@code attr="*"} means "has a value" and {@code attr!="*"} "has none".
 * Strings compare case-sensitively; a {@code %} in an {@code =} string is a LIKE wildcard. Date attributes
 * compare as instants whatever offset the literal carries. As in SQL, a null value matches no comparison.
 */
final class MaximoWhereClause {
    /** The clause of a request without {@code oslc.where}. */
    static final MaximoWhereClause ALL = new MaximoWhereClause("", List.of());

    private final String text;
    private final List<Clause> clauses;

    private MaximoWhereClause(String text, List<Clause> clauses) {
        this.text = text;
        this.clauses = clauses;
    }

    /**
     * @throws MaximoException 400 naming the problem when the clause cannot be parsed
     */
    static MaximoWhereClause parse(String text, ObjectStructure structure, MaximoDates dates) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        return new Parser(text, structure, dates).parse();
    }

    /** The clause as the client sent it. */
    String text() {
        return text;
    }

    boolean test(MaximoRecord record) {
        Row row = record.row;
        for (Clause clause : clauses) {
            if (!clause.test.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** The smallest epoch second a date attribute may have to match, Long.MIN_VALUE when unbounded. */
    long lowerBound(Attribute attribute) {
        long bound = Long.MIN_VALUE;
        for (Clause clause : clauses) {
            if (clause.attribute == attribute) {
                bound = Math.max(bound, clause.lower);
            }
        }
        return bound;
    }

    /** The largest epoch second a date attribute may have to match, Long.MAX_VALUE when unbounded. */
    long upperBound(Attribute attribute) {
        long bound = Long.MAX_VALUE;
        for (Clause clause : clauses) {
            if (clause.attribute == attribute) {
                bound = Math.min(bound, clause.upper);
            }
        }
        return bound;
    }

    /** One compiled clause; date clauses also carry the inclusive range they allow, for index lookups. */
    private record Clause(Attribute attribute, Predicate<Row> test, long lower, long upper) {
        static Clause of(Attribute attribute, Predicate<Row> test) {
            return new Clause(attribute, test, Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    private enum Op {
        EQ("="), NE("!="), GT(">"), GE(">="), LT("<"), LE("<="), IN("in");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    private enum Kind { WORD, QUOTED, NUMBER }

    private record Literal(Kind kind, String text) {
        boolean isStar() {
            return kind == Kind.QUOTED && text.equals("*");
        }
    }

    /** A hand-written recursive descent parser; small enough that a grammar library would be overkill. */
    private static final class Parser {
        private final String text;
        private final ObjectStructure structure;
        private final MaximoDates dates;
        private int pos;

        Parser(String text, ObjectStructure structure, MaximoDates dates) {
            this.text = text;
            this.structure = structure;
            this.dates = dates;
        }

        MaximoWhereClause parse() {
            List<Clause> clauses = new ArrayList<>();
            clauses.add(clause());
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    break;
                }
                String keyword = word();
                if (keyword.equalsIgnoreCase("and")) {
                    clauses.add(clause());
                } else if (keyword.equalsIgnoreCase("or")) {
                    throw error("'or' is not supported, only clauses joined by 'and'");
                } else {
                    throw error("expected 'and' but found '" + (keyword.isEmpty() ? rest() : keyword) + "'");
                }
            }
            return new MaximoWhereClause(text, List.copyOf(clauses));
        }

        private Clause clause() {
            skipSpaces();
            String name = word();
            if (name.isEmpty()) {
                throw error("expected an attribute name but found '" + rest() + "'");
            }
            Attribute attribute = structure.schema().find(name);
            if (attribute == null) {
                throw error("the attribute " + name + " does not exist in " + structure.name());
            }
            Op op = operator();
            if (op == Op.IN) {
                return inClause(attribute, list());
            }
            return comparison(attribute, op, literal());
        }

        private Op operator() {
            skipSpaces();
            if (startsWith(">=")) {
                pos += 2;
                return Op.GE;
            }
            if (startsWith("<=")) {
                pos += 2;
                return Op.LE;
            }
            if (startsWith("!=") || startsWith("<>")) {
                pos += 2;
                return Op.NE;
            }
            if (startsWith("=")) {
                pos++;
                return Op.EQ;
            }
            if (startsWith(">")) {
                pos++;
                return Op.GT;
            }
            if (startsWith("<")) {
                pos++;
                return Op.LT;
            }
            int start = pos;
            String keyword = word();
            if (keyword.equalsIgnoreCase("in")) {
                return Op.IN;
            }
            pos = start;
            throw error("expected an operator (=, !=, >, >=, <, <=, in) but found '" + rest() + "'");
        }

        private List<Literal> list() {
            skipSpaces();
            expect('[');
            List<Literal> values = new ArrayList<>();
            skipSpaces();
            if (startsWith("]")) {
                throw error("the 'in' list is empty");
            }
            while (true) {
                values.add(literal());
                skipSpaces();
                if (startsWith(",")) {
                    pos++;
                } else {
                    expect(']');
                    return values;
                }
            }
        }

        private Literal literal() {
            skipSpaces();
            if (pos >= text.length()) {
                throw error("a value is missing at the end");
            }
            char c = text.charAt(pos);
            if (c == '"' || c == '\'') {
                return new Literal(Kind.QUOTED, quoted(c));
            }
            if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                int start = pos++;
                while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
                    pos++;
                }
                String number = text.substring(start, pos);
                try {
                    Double.parseDouble(number);
                } catch (NumberFormatException e) {
                    pos = start;
                    throw error("'" + number + "' is not a number");
                }
                return new Literal(Kind.NUMBER, number);
            }
            String word = word();
            if (word.isEmpty()) {
                throw error("expected a value but found '" + rest() + "'");
            }
            return new Literal(Kind.WORD, word);
        }

        private String quoted(char quote) {
            int start = pos++;
            StringBuilder value = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '\\' && pos < text.length()) {
                    value.append(text.charAt(pos++));
                } else if (c == quote) {
                    return value.toString();
                } else {
                    value.append(c);
                }
            }
            pos = start;
            throw error("the string starting at " + text.substring(start) + " is not closed");
        }

        private String word() {
            int start = pos;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':') {
                    pos++;
                } else {
                    break;
                }
            }
            return text.substring(start, pos);
        }

        private void expect(char c) {
            skipSpaces();
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "' but found '" + rest() + "'");
            }
            pos++;
        }

        private boolean startsWith(String s) {
            return text.startsWith(s, pos);
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private String rest() {
            return pos >= text.length() ? "end of clause" : text.substring(pos);
        }

        private MaximoException error(String problem) {
            return MaximoErrors.invalidQuery("oslc.where", problem + " (in: " + text + ")");
        }

        // ---- compiling clauses into predicates ----

        private Clause comparison(Attribute attribute, Op op, Literal literal) {
            if (literal.isStar()) {
                if (op == Op.EQ) {
                    return Clause.of(attribute, row -> hasValue(attribute.read(row)));
                }
                if (op == Op.NE) {
                    return Clause.of(attribute, row -> !hasValue(attribute.read(row)));
                }
                throw error("\"*\" can only be used with = and !=");
            }
            return switch (attribute.type()) {
                case STRING -> Clause.of(attribute, stringTest(attribute, op, text(attribute, literal)));
                case INTEGER, DECIMAL -> Clause.of(attribute, numberTest(attribute, op, number(attribute, literal)));
                case BOOLEAN -> Clause.of(attribute, booleanTest(attribute, op, bool(attribute, literal)));
                case DATETIME -> dateClause(attribute, op, date(attribute, literal));
            };
        }

        private Clause inClause(Attribute attribute, List<Literal> literals) {
            switch (attribute.type()) {
                case STRING -> {
                    Set<String> values = new HashSet<>();
                    literals.forEach(l -> values.add(text(attribute, l)));
                    return Clause.of(attribute, row -> values.contains(attribute.read(row)));
                }
                case INTEGER, DECIMAL -> {
                    Set<Double> values = new HashSet<>();
                    literals.forEach(l -> values.add(number(attribute, l)));
                    return Clause.of(attribute, row -> {
                        Object v = attribute.read(row);
                        return v != null && values.contains(((Number) v).doubleValue());
                    });
                }
                case BOOLEAN -> {
                    Set<Boolean> values = new HashSet<>();
                    literals.forEach(l -> values.add(bool(attribute, l)));
                    return Clause.of(attribute, row -> values.contains(attribute.read(row)));
                }
                default -> {
                    Set<Long> values = new HashSet<>();
                    literals.forEach(l -> values.add(date(attribute, l)));
                    return Clause.of(attribute, row -> values.contains(attribute.readDate(row)));
                }
            }
        }

        private Predicate<Row> stringTest(Attribute attribute, Op op, String value) {
            if (op == Op.EQ && value.indexOf('%') >= 0) {
                Pattern like = likePattern(value);
                return row -> {
                    Object v = attribute.read(row);
                    return v != null && like.matcher((String) v).matches();
                };
            }
            return row -> {
                Object v = attribute.read(row);
                return v != null && holds(op, ((String) v).compareTo(value));
            };
        }

        private Predicate<Row> numberTest(Attribute attribute, Op op, double value) {
            return row -> {
                Object v = attribute.read(row);
                return v != null && holds(op, Double.compare(((Number) v).doubleValue(), value));
            };
        }

        private Predicate<Row> booleanTest(Attribute attribute, Op op, boolean value) {
            if (op != Op.EQ && op != Op.NE) {
                throw error("boolean attribute " + attribute.name() + " can only be compared with = and !=");
            }
            return row -> {
                Object v = attribute.read(row);
                return v != null && holds(op, ((Boolean) v).compareTo(value));
            };
        }

        private Clause dateClause(Attribute attribute, Op op, long value) {
            Predicate<Row> test = row -> {
                long v = attribute.readDate(row);
                return v != Row.NO_DATE && holds(op, Long.compare(v, value));
            };
            return switch (op) {
                case EQ -> new Clause(attribute, test, value, value);
                case GT -> new Clause(attribute, test, value + 1, Long.MAX_VALUE);
                case GE -> new Clause(attribute, test, value, Long.MAX_VALUE);
                case LT -> new Clause(attribute, test, Long.MIN_VALUE, value - 1);
                case LE -> new Clause(attribute, test, Long.MIN_VALUE, value);
                default -> Clause.of(attribute, test);
            };
        }

        private static boolean holds(Op op, int comparison) {
            return switch (op) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case IN -> throw new IllegalStateException("in is compiled separately");
            };
        }

        private static boolean hasValue(Object value) {
            return value != null && !(value instanceof String s && s.isEmpty());
        }

        private static Pattern likePattern(String value) {
            String[] parts = value.split("%", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    regex.append(".*");
                }
                if (!parts[i].isEmpty()) {
                    regex.append(Pattern.quote(parts[i]));
                }
            }
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        }

        // ---- literal conversion by attribute type ----

        private String text(Attribute attribute, Literal literal) {
            if (literal.kind == Kind.WORD) {
                throw error("the value " + literal.text + " for " + attribute.name() + " must be in double quotes");
            }
            return literal.text;
        }

        private double number(Attribute attribute, Literal literal) {
            try {
                if (literal.kind != Kind.WORD) {
                    return Double.parseDouble(literal.text.trim());
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error("'" + literal.text + "' is not a number, as " + attribute.name() + " requires");
        }

        private boolean bool(Attribute attribute, Literal literal) {
            switch (literal.text.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "y":
                    return true;
                case "false", "0", "n":
                    return false;
                default:
                    throw error("'" + literal.text + "' is not a boolean, as " + attribute.name() + " requires");
            }
        }

        private long date(Attribute attribute, Literal literal) {
            if (literal.kind != Kind.QUOTED) {
                throw error("the date for " + attribute.name() + " must be quoted, e.g. \"2024-01-01T00:00:00-00:00\"");
            }
            try {
                return dates.parse(literal.text);
            } catch (DateTimeException e) {
                throw error("'" + literal.text + "' is not an ISO-8601 date-time, as " + attribute.name() + " requires");
            }
        }
    }
}
