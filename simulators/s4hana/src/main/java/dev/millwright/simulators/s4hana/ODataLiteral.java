package dev.millwright.simulators.s4hana;

import java.math.BigDecimal;

/** Literals of OData V2 URIs: {@code 'text'}, {@code datetime'...'}, {@code datetimeoffset'...'}, numbers, booleans. */
final class ODataLiteral {

    private ODataLiteral() {
    }

    /**
     * Parses a literal for a property of {@code type}; a typed literal must fit it.
     *
     * @throws IllegalArgumentException saying why it does not
     */
    static Object parse(String literal, EdmType type) {
        String text = literal.trim();
        if (text.equals("null")) {
            return null;
        }
        switch (type) {
            case STRING -> {
                return unquote(text);
            }
            case DATETIME, DATETIMEOFFSET -> {
                String prefix = type == EdmType.DATETIME ? "datetime" : "datetimeoffset";
                if (!text.regionMatches(true, 0, prefix + "'", 0, prefix.length() + 1)) {
                    throw new IllegalArgumentException("expected " + prefix + "'...' for " + type.edmName
                            + ", found " + text);
                }
                return EdmType.parseDate(unquote(text.substring(prefix.length())));
            }
            case DECIMAL -> {
                String number = text.endsWith("M") || text.endsWith("m") ? text.substring(0, text.length() - 1) : text;
                if (number.startsWith("'")) {
                    number = unquote(number);
                }
                return new BigDecimal(number);
            }
            case BOOLEAN -> {
                if (text.equals("true") || text.equals("false")) {
                    return Boolean.parseBoolean(text);
                }
                throw new IllegalArgumentException("expected true or false, found " + text);
            }
            case TIME -> {
                if (!text.startsWith("time'")) {
                    throw new IllegalArgumentException("expected time'PT..' for Edm.Time");
                }
                return EdmType.TIME.read(com.fasterxml.jackson.databind.node.TextNode.valueOf(unquote(text.substring(4))));
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    static String unquote(String text) {
        if (text.length() < 2 || !text.startsWith("'") || !text.endsWith("'")) {
            throw new IllegalArgumentException("expected a quoted literal, found " + text);
        }
        return text.substring(1, text.length() - 1).replace("''", "'");
    }
}
