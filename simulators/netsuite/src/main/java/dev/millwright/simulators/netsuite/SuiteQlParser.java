package dev.millwright.simulators.netsuite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.millwright.simulators.netsuite.SuiteQlQuery.And;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Column;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Compare;
import dev.millwright.simulators.netsuite.SuiteQlQuery.DateLiteral;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Expr;
import dev.millwright.simulators.netsuite.SuiteQlQuery.In;
import dev.millwright.simulators.netsuite.SuiteQlQuery.IsNull;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Literal;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Not;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Or;
import dev.millwright.simulators.netsuite.SuiteQlQuery.Order;
import dev.millwright.simulators.netsuite.SuiteQlQuery.SelectItem;

/** Parses the SuiteQL subset of {@link SuiteQlQuery}; anything else is a 400 answer, as NetSuite gives. */
final class SuiteQlParser {

    private enum TokenType { WORD, STRING, NUMBER, SYMBOL, END }

    private record Token(TokenType type, String text) {
        boolean is(String keyword) {
            return (type == TokenType.WORD || type == TokenType.SYMBOL) && text.equalsIgnoreCase(keyword);
        }
    }

    private final List<Token> tokens;
    private int position;
    private String tableAlias;
    private String table;

    private SuiteQlParser(String text) {
        this.tokens = tokenize(text);
    }

    static SuiteQlQuery parse(String text) {
        if (text == null || text.isBlank()) {
            throw NetSuiteErrors.badQuery("The query is empty.");
        }
        return new SuiteQlParser(text).query();
    }

    private SuiteQlQuery query() {
        expect("SELECT");
        List<SelectItem> select = new ArrayList<>();
        // the table is named after the select list: resolve qualifiers once it is known
        int selectStart = position;
        skipUntilKeyword("FROM");
        expect("FROM");
        table = word("a table name").toLowerCase(Locale.ROOT);
        if (peek().type == TokenType.WORD && !isKeyword(peek())) {
            tableAlias = next().text.toLowerCase(Locale.ROOT);
        }
        int afterFrom = position;
        position = selectStart;
        do {
            select.add(selectItem(select.size() + 1));
        } while (accept(","));
        expect("FROM");
        position = afterFrom;
        Expr where = null;
        if (accept("WHERE")) {
            where = or();
        }
        List<Order> orderBy = new ArrayList<>();
        if (accept("ORDER")) {
            expect("BY");
            do {
                String column = columnName();
                boolean descending = false;
                if (accept("DESC")) {
                    descending = true;
                } else {
                    accept("ASC");
                }
                orderBy.add(new Order(column, descending));
            } while (accept(","));
        }
        if (peek().type != TokenType.END) {
            throw NetSuiteErrors.badQuery("Unexpected '" + peek().text + "'.");
        }
        return new SuiteQlQuery(select, table, where, orderBy);
    }

    private SelectItem selectItem(int number) {
        if (accept("*")) {
            return new SelectItem(SelectItem.Kind.STAR, null, null, null);
        }
        Token first = peek();
        if (first.type == TokenType.WORD && peekAt(1).is(".") && peekAt(2).is("*")) {
            qualifier(next().text);
            next();
            next();
            return new SelectItem(SelectItem.Kind.STAR, null, null, null);
        }
        SelectItem item;
        if (first.is("TO_CHAR") && peekAt(1).is("(")) {
            next();
            expect("(");
            String column = columnName();
            expect(",");
            String format = string("a date format");
            expect(")");
            item = new SelectItem(SelectItem.Kind.TO_CHAR, column, format, alias("expr" + number));
        } else if (first.is("BUILTIN") && peekAt(1).is(".") && peekAt(2).is("DF")) {
            next();
            next();
            next();
            expect("(");
            String column = columnName();
            expect(")");
            item = new SelectItem(SelectItem.Kind.DISPLAY, column, null, alias("expr" + number));
        } else {
            String column = columnName();
            item = new SelectItem(SelectItem.Kind.COLUMN, column, null, alias(column));
        }
        return item;
    }

    private String alias(String otherwise) {
        if (accept("AS")) {
            return word("an alias").toLowerCase(Locale.ROOT);
        }
        if (peek().type == TokenType.WORD && !isKeyword(peek())) {
            return next().text.toLowerCase(Locale.ROOT);
        }
        return otherwise;
    }

    private Expr or() {
        List<Expr> terms = new ArrayList<>();
        terms.add(and());
        while (accept("OR")) {
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Or(terms);
    }

    private Expr and() {
        List<Expr> terms = new ArrayList<>();
        terms.add(not());
        while (accept("AND")) {
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new And(terms);
    }

    private Expr not() {
        if (accept("NOT")) {
            return new Not(not());
        }
        if (accept("(")) {
            Expr inner = or();
            expect(")");
            return inner;
        }
        return predicate();
    }

    private Expr predicate() {
        Expr left = operand();
        if (left instanceof Column column) {
            if (accept("IS")) {
                boolean negated = accept("NOT");
                expect("NULL");
                return new IsNull(column, negated);
            }
            boolean negated = false;
            if (peek().is("NOT") && peekAt(1).is("IN")) {
                next();
                negated = true;
            }
            if (accept("IN")) {
                expect("(");
                List<Expr> values = new ArrayList<>();
                do {
                    values.add(operand());
                } while (accept(","));
                expect(")");
                return new In(column, values, negated);
            }
        }
        Token operator = next();
        if (operator.type != TokenType.SYMBOL
                || !List.of("=", "!=", "<>", "<", "<=", ">", ">=").contains(operator.text)) {
            throw NetSuiteErrors.badQuery("Expected a comparison operator, found '" + operator.text + "'.");
        }
        Expr right = operand();
        return new Compare(left, operator.text.equals("<>") ? "!=" : operator.text, right);
    }

    private Expr operand() {
        Token token = peek();
        if (token.type == TokenType.STRING) {
            next();
            return new Literal(token.text);
        }
        if (token.type == TokenType.NUMBER) {
            next();
            return new Literal(new BigDecimal(token.text));
        }
        if (token.is("-") && peekAt(1).type == TokenType.NUMBER) {
            next();
            return new Literal(new BigDecimal(next().text).negate());
        }
        if ((token.is("TO_TIMESTAMP") || token.is("TO_DATE")) && peekAt(1).is("(")) {
            next();
            expect("(");
            String text = string("a date literal");
            expect(",");
            String format = string("a date format");
            expect(")");
            return new DateLiteral(text, format);
        }
        return new Column(columnName());
    }

    private String columnName() {
        String name = word("a column name");
        if (accept(".")) {
            qualifier(name);
            name = word("a column name");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private void qualifier(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(table) && !lower.equals(tableAlias)) {
            throw NetSuiteErrors.badQuery("Unknown table or alias '" + name + "'; only one table is supported.");
        }
    }

    // ---- tokens ----

    private static boolean isKeyword(Token token) {
        return token.type == TokenType.WORD && List.of("WHERE", "ORDER", "FROM", "AS", "AND", "OR", "NOT", "IN",
                "IS", "NULL", "ASC", "DESC", "BY", "SELECT").contains(token.text.toUpperCase(Locale.ROOT));
    }

    private void skipUntilKeyword(String keyword) {
        int depth = 0;
        while (peek().type != TokenType.END) {
            Token token = peek();
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (depth == 0 && token.is(keyword)) {
                return;
            }
            next();
        }
        throw NetSuiteErrors.badQuery("Expected " + keyword + ".");
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(position);
        if (token.type != TokenType.END) {
            position++;
        }
        return token;
    }

    private boolean accept(String text) {
        if (peek().is(text)) {
            next();
            return true;
        }
        return false;
    }

    private void expect(String text) {
        if (!accept(text)) {
            throw NetSuiteErrors.badQuery("Expected '" + text + "', found '" + peek().text + "'.");
        }
    }

    private String word(String what) {
        Token token = next();
        if (token.type != TokenType.WORD) {
            throw NetSuiteErrors.badQuery("Expected " + what + ", found '" + token.text + "'.");
        }
        return token.text;
    }

    private String string(String what) {
        Token token = next();
        if (token.type != TokenType.STRING) {
            throw NetSuiteErrors.badQuery("Expected " + what + " in quotes, found '" + token.text + "'.");
        }
        return token.text;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw NetSuiteErrors.badQuery("Unterminated string literal.");
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
                tokens.add(new Token(TokenType.STRING, value.toString()));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(TokenType.NUMBER, text.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(TokenType.WORD, text.substring(start, i)));
            } else if ((c == '<' || c == '>' || c == '!') && i + 1 < text.length()
                    && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'))) {
                tokens.add(new Token(TokenType.SYMBOL, text.substring(i, i + 2)));
                i += 2;
            } else if ("=<>(),.*-".indexOf(c) >= 0) {
                tokens.add(new Token(TokenType.SYMBOL, String.valueOf(c)));
                i++;
            } else {
                throw NetSuiteErrors.badQuery("Unexpected character '" + c + "'.");
            }
        }
        tokens.add(new Token(TokenType.END, "end of query"));
        return tokens;
    }
}
