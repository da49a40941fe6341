package dev.millwright.component.expressmaintenance.profile;

import java.sql.Types;

/** How a column's values are read into a raw record and bound from one. */
public enum ColumnType {
    TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_WITH_ZONE, TIME, OTHER;

    /** The type of a JDBC type code. */
    public static ColumnType of(int sqlType) {
        return switch (sqlType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> TEXT;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> DECIMAL;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.DATE -> DATE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_ZONE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> TIME;
            default -> OTHER;
        };
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_WITH_ZONE;
    }
}
