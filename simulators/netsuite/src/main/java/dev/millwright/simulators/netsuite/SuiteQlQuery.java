package dev.millwright.simulators.netsuite;

import java.util.List;

/**
 * A parsed SuiteQL query of the subset the simulator runs: {@code SELECT} columns, {@code *}, {@code TO_CHAR(col,
 * 'fmt')} and {@code BUILTIN.DF(col)} with optional aliases, {@code FROM} one table (optionally aliased),
 * {@code WHERE} comparisons, {@code IN}, {@code IS [NOT] NULL}, {@code AND}, {@code OR}, {@code NOT} and parentheses
 * over columns, string and number literals, {@code TO_TIMESTAMP} and {@code TO_DATE}, and {@code ORDER BY}.
 */
record SuiteQlQuery(List<SelectItem> select, String table, Expr where, List<Order> orderBy) {

    /** One item of the select list. */
    record SelectItem(Kind kind, String column, String format, String alias) {
        enum Kind { STAR, COLUMN, TO_CHAR, DISPLAY }
    }

    record Order(String column, boolean descending) {
    }

    /** A WHERE expression. */
    sealed interface Expr permits Column, Literal, DateLiteral, Compare, In, IsNull, And, Or, Not {
    }

    record Column(String name) implements Expr {
    }

    /** A string (String) or number (java.math.BigDecimal) literal. */
    record Literal(Object value) implements Expr {
    }

    /** TO_TIMESTAMP('text', 'format') or TO_DATE('text', 'format'). */
    record DateLiteral(String text, String format) implements Expr {
    }

    record Compare(Expr left, String operator, Expr right) implements Expr {
    }

    record In(Column column, List<Expr> values, boolean negated) implements Expr {
    }

    record IsNull(Column column, boolean negated) implements Expr {
    }

    record And(List<Expr> terms) implements Expr {
    }

    record Or(List<Expr> terms) implements Expr {
    }

    record Not(Expr term) implements Expr {
    }
}
