package dev.millwright.simulators.s4hana;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code $filter} subset the simulator understands: comparisons of a property with a literal
 * ({@code eq ne gt ge lt le}), {@code and}, {@code or}, {@code not}, parentheses, and the functions
 * {@code substringof('x',Prop)} and {@code startswith(Prop,'x')}. Parsed once per request and evaluated per
 * entity; it can also tell the lowest value of a property any match can have, so that change-time queries
 * walk only the matching range of the store's index.
 */
abstract class ODataFilter {

    static final ODataFilter ALL = new ODataFilter() {
        @Override
        boolean test(Entity entity) {
            return true;
        }

        @Override
        long lowerBound(String property) {
            return Long.MIN_VALUE;
        }
    };

    abstract boolean test(Entity entity);

    /** The lowest epoch-millisecond value of a date property that any matching entity has (MIN_VALUE if unknown). */
    abstract long lowerBound(String property);

    /**
     * @throws SapException 400 naming what is wrong with the expression
     */
    static ODataFilter parse(String text, EntitySetDef set) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Parser parser = new Parser(tokenize(text, set), set, text);
        ODataFilter filter = parser.or();
        if (parser.position < parser.tokens.size()) {
            throw SapErrors.badFilter(text, "unexpected '" + parser.tokens.get(parser.position) + "'");
        }
        return filter;
    }

    private static List<String> tokenize(String text, EntitySetDef set) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '('
                        && text.charAt(i) != ')' && text.charAt(i) != ',' && text.charAt(i) != '\'') {
                    i++;
                }
                if (i < text.length() && text.charAt(i) == '\'') {
                    i++;
                    while (i < text.length()) {
                        if (text.charAt(i) == '\'') {
                            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                                i += 2;
                                continue;
                            }
                            break;
                        }
                        i++;
                    }
                    if (i >= text.length()) {
                        throw SapErrors.badFilter(text, "unterminated literal");
                    }
                    i++;
                }
                tokens.add(text.substring(start, i));
            }
        }
        return tokens;
    }

    private static final class Parser {
        final List<String> tokens;
        final EntitySetDef set;
        final String text;
        int position;

        Parser(List<String> tokens, EntitySetDef set, String text) {
            this.tokens = tokens;
            this.set = set;
            this.text = text;
        }

        ODataFilter or() {
            ODataFilter left = and();
            while (peekIs("or")) {
                position++;
                ODataFilter a = left;
                ODataFilter b = and();
                left = new ODataFilter() {
                    @Override
                    boolean test(Entity entity) {
                        return a.test(entity) || b.test(entity);
                    }

                    @Override
                    long lowerBound(String property) {
                        return Math.min(a.lowerBound(property), b.lowerBound(property));
                    }
                };
            }
            return left;
        }

        ODataFilter and() {
            ODataFilter left = unary();
            while (peekIs("and")) {
                position++;
                ODataFilter a = left;
                ODataFilter b = unary();
                left = new ODataFilter() {
                    @Override
                    boolean test(Entity entity) {
                        return a.test(entity) && b.test(entity);
                    }

                    @Override
                    long lowerBound(String property) {
                        return Math.max(a.lowerBound(property), b.lowerBound(property));
                    }
                };
            }
            return left;
        }

        ODataFilter unary() {
            if (peekIs("not")) {
                position++;
                ODataFilter inner = unary();
                return new ODataFilter() {
                    @Override
                    boolean test(Entity entity) {
                        return !inner.test(entity);
                    }

                    @Override
                    long lowerBound(String property) {
                        return Long.MIN_VALUE;
                    }
                };
            }
            String token = next();
            if (token.equals("(")) {
                ODataFilter inner = or();
                expect(")");
                return inner;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.equals("substringof") || lower.equals("startswith")) {
                expect("(");
                String first = next();
                expect(",");
                String second = next();
                expect(")");
                boolean substring = lower.equals("substringof");
                Property property = property(substring ? second : first);
                String value = unquote(substring ? first : second);
                return new ODataFilter() {
                    @Override
                    boolean test(Entity entity) {
                        String actual = entity.text(property.name());
                        return substring ? actual.contains(value) : actual.startsWith(value);
                    }

                    @Override
                    long lowerBound(String name) {
                        return Long.MIN_VALUE;
                    }
                };
            }
            Property property = property(token);
            String operator = next().toLowerCase(Locale.ROOT);
            if (!List.of("eq", "ne", "gt", "ge", "lt", "le").contains(operator)) {
                throw SapErrors.badFilter(text, "unknown operator '" + operator + "'");
            }
            String literal = next();
            Object value;
            try {
                value = ODataLiteral.parse(literal, property.type());
            } catch (IllegalArgumentException e) {
                throw SapErrors.badFilter(text, "invalid literal " + literal + " for " + property.name() + " ("
                        + property.type().edmName + "): " + e.getMessage());
            }
            return new Comparison(property, operator, value);
        }

        private Property property(String name) {
            Property property = set.property(name);
            if (property == null) {
                throw SapErrors.unknownProperty(set, name);
            }
            return property;
        }

        private String unquote(String literal) {
            try {
                return ODataLiteral.unquote(literal);
            } catch (IllegalArgumentException e) {
                throw SapErrors.badFilter(text, e.getMessage());
            }
        }

        private boolean peekIs(String word) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(word);
        }

        private String next() {
            if (position >= tokens.size()) {
                throw SapErrors.badFilter(text, "unexpected end of expression");
            }
            return tokens.get(position++);
        }

        private void expect(String token) {
            String found = next();
            if (!found.equals(token)) {
                throw SapErrors.badFilter(text, "expected '" + token + "' but found '" + found + "'");
            }
        }
    }

    private static final class Comparison extends ODataFilter {
        private final Property property;
        private final String operator;
        private final Object value;

        Comparison(Property property, String operator, Object value) {
            this.property = property;
            this.operator = operator;
            this.value = value;
        }

        @Override
        boolean test(Entity entity) {
            Object actual = entity.get(property.name());
            if (property.type() == EdmType.STRING && actual == null) {
                actual = "";
            }
            if (actual == null || value == null) {
                boolean equal = actual == value;
                return switch (operator) {
                    case "eq" -> equal;
                    case "ne" -> !equal;
                    default -> false;
                };
            }
            int order = compare(actual, value);
            return switch (operator) {
                case "eq" -> order == 0;
                case "ne" -> order != 0;
                case "gt" -> order > 0;
                case "ge" -> order >= 0;
                case "lt" -> order < 0;
                default -> order <= 0;
            };
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static int compare(Object actual, Object value) {
            return ((Comparable) actual).compareTo(value);
        }

        @Override
        long lowerBound(String name) {
            if (!name.equals(property.name()) || !(value instanceof Long bound)) {
                return Long.MIN_VALUE;
            }
            return switch (operator) {
                case "eq", "ge" -> bound;
                case "gt" -> bound + 1;
                default -> Long.MIN_VALUE;
            };
        }
    }
}
