package dev.millwright.simulators.dynamics;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A compiled {@code $filter}: the subset of OData v4 expressions Business Central clients use, checked against
 * the entity's properties when compiled. Comparisons ({@code eq ne gt ge lt le}) of a property with a literal,
 * {@code and}, {@code or}, {@code not}, parentheses, and {@code contains}, {@code startswith}, {@code endswith}.
 * Literals are typed as in OData v4: {@code 'text'} (quotes doubled inside), numbers, {@code true}/{@code false},
 * unquoted GUIDs, dates {@code 2024-01-15} and date-times {@code 2024-01-15T10:00:00Z}. A quoted date-time is text,
 * and comparing it with a date-time property fails as BC does. Text compares case-insensitively, as BC's SQL
 * collation does.
 */
final class ODataFilter {
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,7})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A compiled expression. */
    interface Node {
        boolean test(BcRecord record);

        /** The lowest value {@code property} may have in a matching record (Long.MIN_VALUE when unbounded). */
        default long lowerBound(Property property) {
            return Long.MIN_VALUE;
        }

        default long upperBound(Property property) {
            return Long.MAX_VALUE;
        }
    }

    private final Node root;
    private final String text;

    private ODataFilter(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /** A filter that lets every record through. */
    static ODataFilter all() {
        return new ODataFilter(record -> true, "");
    }

    /**
     * @throws BcException 400 for a syntax error, an unknown property or operand types that do not match
     */
    static ODataFilter compile(String text, EntitySchema schema) {
        if (text == null || text.isBlank()) {
            return all();
        }
        Parser parser = new Parser(tokenize(text), schema);
        Node root = parser.expression();
        if (!parser.atEnd()) {
            throw BcErrors.querySyntax("Syntax error at position " + parser.position() + " in '" + text + "'.");
        }
        return new ODataFilter(root, text);
    }

    boolean test(BcRecord record) {
        return root.test(record);
    }

    long lowerBound(Property property) {
        return root.lowerBound(property);
    }

    long upperBound(Property property) {
        return root.upperBound(property);
    }

    @Override
    public String toString() {
        return text;
    }

    // ---- tokens ----

    private enum Kind { WORD, STRING, OPEN, CLOSE, COMMA }

    private record Token(Kind kind, String text, int position) {
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == ',') {
                tokens.add(new Token(Kind.COMMA, ",", i++));
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                int start = i++;
                while (true) {
                    if (i >= text.length()) {
                        throw BcErrors.querySyntax("Unterminated string literal at position " + start + " in '"
                                + text + "'.");
                    }
                    char d = text.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                            value.append('\'');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    value.append(d);
                    i++;
                }
                tokens.add(new Token(Kind.STRING, value.toString(), start));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "(),'".indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, i), start));
            }
        }
        return tokens;
    }

    // ---- parser ----

    private static final class Parser {
        private final List<Token> tokens;
        private final EntitySchema schema;
        private int next;

        Parser(List<Token> tokens, EntitySchema schema) {
            this.tokens = tokens;
            this.schema = schema;
        }

        boolean atEnd() {
            return next >= tokens.size();
        }

        int position() {
            return atEnd() ? -1 : tokens.get(next).position();
        }

        Node expression() {
            Node left = conjunction();
            while (keyword("or")) {
                Node right = conjunction();
                Node a = left;
                left = new Node() {
                    @Override
                    public boolean test(BcRecord record) {
                        return a.test(record) || right.test(record);
                    }

                    @Override
                    public long lowerBound(Property property) {
                        return Math.min(a.lowerBound(property), right.lowerBound(property));
                    }

                    @Override
                    public long upperBound(Property property) {
                        return Math.max(a.upperBound(property), right.upperBound(property));
                    }
                };
            }
            return left;
        }

        private Node conjunction() {
            Node left = negation();
            while (keyword("and")) {
                Node right = negation();
                Node a = left;
                left = new Node() {
                    @Override
                    public boolean test(BcRecord record) {
                        return a.test(record) && right.test(record);
                    }

                    @Override
                    public long lowerBound(Property property) {
                        return Math.max(a.lowerBound(property), right.lowerBound(property));
                    }

                    @Override
                    public long upperBound(Property property) {
                        return Math.min(a.upperBound(property), right.upperBound(property));
                    }
                };
            }
            return left;
        }

        private Node negation() {
            if (keyword("not")) {
                Node inner = negation();
                return record -> !inner.test(record);
            }
            return primary();
        }

        private Node primary() {
            Token token = take("an expression");
            if (token.kind() == Kind.OPEN) {
                Node inner = expression();
                expect(Kind.CLOSE);
                return inner;
            }
            String lower = token.text().toLowerCase(Locale.ROOT);
            if (token.kind() == Kind.WORD && peek(Kind.OPEN)
                    && (lower.equals("contains") || lower.equals("startswith") || lower.equals("endswith"))) {
                return function(lower);
            }
            Token operator = take("a comparison operator");
            Token right = take("an operand");
            return comparison(token, operator, right);
        }

        private Node function(String name) {
            expect(Kind.OPEN);
            Token first = take("a property");
            expect(Kind.COMMA);
            Token second = take("a text literal");
            expect(Kind.CLOSE);
            Property property = property(first);
            if (second.kind() != Kind.STRING || (property.type() != PropertyType.TEXT
                    && property.type() != PropertyType.OPTION)) {
                throw BcErrors.badRequest("No function signature for the function with name '" + name
                        + "' matches the specified arguments.");
            }
            String needle = second.text().toLowerCase(Locale.ROOT);
            return record -> {
                String value = ((String) record.get(property)).toLowerCase(Locale.ROOT);
                return switch (name) {
                    case "contains" -> value.contains(needle);
                    case "startswith" -> value.startsWith(needle);
                    default -> value.endsWith(needle);
                };
            };
        }

        private Node comparison(Token left, Token operatorToken, Token right) {
            String operator = operatorToken.text().toLowerCase(Locale.ROOT);
            if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(operator)) {
                throw BcErrors.querySyntax("Syntax error: '" + operatorToken.text() + "' at position "
                        + operatorToken.position() + " is not a comparison operator.");
            }
            boolean leftIsProperty = isIdentifier(left);
            if (!leftIsProperty && isIdentifier(right)) {
                return comparison(right, new Token(Kind.WORD, mirror(operator), operatorToken.position()), left);
            }
            if (!leftIsProperty) {
                throw BcErrors.badRequest("A comparison needs a property on one side: '" + left.text() + " "
                        + operator + " " + right.text() + "'.");
            }
            Property property = property(left);
            Object literal = literal(right, property, operator);
            return new Comparison(property, operator, literal);
        }

        private static String mirror(String operator) {
            return switch (operator) {
                case "gt" -> "lt";
                case "ge" -> "le";
                case "lt" -> "gt";
                case "le" -> "ge";
                default -> operator;
            };
        }

        private boolean isIdentifier(Token token) {
            String lower = token.text().toLowerCase(Locale.ROOT);
            return token.kind() == Kind.WORD && IDENTIFIER.matcher(token.text()).matches()
                    && !lower.equals("true") && !lower.equals("false") && !lower.equals("null");
        }

        private Property property(Token token) {
            Property property = schema.property(token.text());
            if (property == null) {
                throw BcErrors.unknownProperty(token.text(), schema);
            }
            return property;
        }

        /** The literal in the stored form of the property, or an error naming both operand types. */
        private Object literal(Token token, Property property, String operator) {
            String text = token.text();
            String literalType;
            if (token.kind() == Kind.STRING) {
                literalType = "Edm.String";
            } else if (DATE_TIME.matcher(text).matches()) {
                literalType = "Edm.DateTimeOffset";
            } else if (DATE.matcher(text).matches()) {
                literalType = "Edm.Date";
            } else if (GUID.matcher(text).matches()) {
                literalType = "Edm.Guid";
            } else if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                literalType = "Edm.Boolean";
            } else if (NUMBER.matcher(text).matches()) {
                literalType = text.contains(".") || text.contains("e") || text.contains("E") ? "Edm.Decimal"
                        : "Edm.Int32";
            } else if (text.equalsIgnoreCase("null")) {
                literalType = "null";
            } else {
                throw BcErrors.querySyntax("Unrecognized literal '" + text + "' at position " + token.position() + ".");
            }
            PropertyType type = property.type();
            try {
                switch (type) {
                    case TEXT, OPTION -> {
                        if (literalType.equals("Edm.String")) {
                            return text;
                        }
                    }
                    case GUID -> {
                        if (literalType.equals("Edm.Guid")) {
                            return UUID.fromString(text);
                        }
                    }
                    case BOOLEAN -> {
                        if (literalType.equals("Edm.Boolean")) {
                            return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
                        }
                    }
                    case DECIMAL -> {
                        if (literalType.equals("Edm.Decimal") || literalType.equals("Edm.Int32")) {
                            return Decimals.scale(new BigDecimal(text));
                        }
                    }
                    case INTEGER -> {
                        if (literalType.equals("Edm.Int32")) {
                            return Long.parseLong(text);
                        }
                    }
                    case DATE -> {
                        if (literalType.equals("Edm.Date")) {
                            return LocalDate.parse(text).toEpochDay();
                        }
                    }
                    case DATETIME -> {
                        if (literalType.equals("Edm.DateTimeOffset")) {
                            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
                        }
                        if (literalType.equals("Edm.Date")) {
                            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC)
                                    .toEpochMilli();
                        }
                    }
                    default -> throw new IllegalStateException("unknown type " + type);
                }
            } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
                throw BcErrors.querySyntax("The literal '" + text + "' is not a valid " + literalType + ".");
            }
            throw BcErrors.badRequest("A binary operator with incompatible types was detected. Found operand types '"
                    + type.edmName() + "' and '" + literalType + "' for operator kind '" + operatorName(operator)
                    + "'.");
        }

        private static String operatorName(String operator) {
            return switch (operator) {
                case "eq" -> "Equal";
                case "ne" -> "NotEqual";
                case "gt" -> "GreaterThan";
                case "ge" -> "GreaterThanOrEqual";
                case "lt" -> "LessThan";
                default -> "LessThanOrEqual";
            };
        }

        private boolean keyword(String word) {
            if (!atEnd() && tokens.get(next).kind() == Kind.WORD && tokens.get(next).text().equalsIgnoreCase(word)) {
                next++;
                return true;
            }
            return false;
        }

        private boolean peek(Kind kind) {
            return !atEnd() && tokens.get(next).kind() == kind;
        }

        private Token take(String expected) {
            if (atEnd()) {
                throw BcErrors.querySyntax("Expected " + expected + " at the end of the filter.");
            }
            return tokens.get(next++);
        }

        private void expect(Kind kind) {
            Token token = take("'" + (kind == Kind.CLOSE ? ")" : kind == Kind.OPEN ? "(" : ",") + "'");
            if (token.kind() != kind) {
                throw BcErrors.querySyntax("Unexpected '" + token.text() + "' at position " + token.position() + ".");
            }
        }
    }

    /** {@code property operator literal}, on stored values. */
    private record Comparison(Property property, String operator, Object literal) implements Node {
        @Override
        public boolean test(BcRecord record) {
            Object value = record.get(property);
            int order = compare(value, literal);
            return switch (operator) {
                case "eq" -> order == 0;
                case "ne" -> order != 0;
                case "gt" -> order > 0;
                case "ge" -> order >= 0;
                case "lt" -> order < 0;
                default -> order <= 0;
            };
        }

        @Override
        public long lowerBound(Property bounded) {
            if (!bounded.equals(property) || !(literal instanceof Long value)) {
                return Long.MIN_VALUE;
            }
            return switch (operator) {
                case "eq", "ge" -> value;
                case "gt" -> value + 1;
                default -> Long.MIN_VALUE;
            };
        }

        @Override
        public long upperBound(Property bounded) {
            if (!bounded.equals(property) || !(literal instanceof Long value)) {
                return Long.MAX_VALUE;
            }
            return switch (operator) {
                case "eq", "le" -> value;
                case "lt" -> value - 1;
                default -> Long.MAX_VALUE;
            };
        }

        private static int compare(Object value, Object literal) {
            if (value instanceof String text) {
                return text.compareToIgnoreCase((String) literal);
            }
            if (value instanceof Long number) {
                return Long.compare(number, (Long) literal);
            }
            if (value instanceof UUID id) {
                return id.compareTo((UUID) literal);
            }
            if (value instanceof Boolean flag) {
                return Boolean.compare(flag, (Boolean) literal);
            }
            throw new IllegalStateException("cannot compare " + value);
        }
    }
}
