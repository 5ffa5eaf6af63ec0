package io.skiff.jdbc;

import io.skiff.core.value.AttributeType;
import io.skiff.sql.api.ColumnInfo;
import java.sql.Types;

/** What the driver says about SQL types: Java classes, display sizes, the types of stored attributes. */
final class JdbcTypes {

    /** Display width of a column whose type has no length: wide enough for most values, not absurd for tools. */
    private static final int DEFAULT_DISPLAY_SIZE = 40;

    private JdbcTypes() {
    }

    /** The class {@code getObject} returns for a column, as {@link ColumnInfo} documents. */
    static String className(int jdbcType, String typeName) {
        switch (jdbcType) {
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR:
            case Types.NCHAR: case Types.NVARCHAR: case Types.LONGNVARCHAR:
                return String.class.getName();
            case Types.DECIMAL: case Types.NUMERIC:
                return java.math.BigDecimal.class.getName();
            case Types.BIGINT:
                return Long.class.getName();
            case Types.INTEGER: case Types.SMALLINT: case Types.TINYINT:
                return Integer.class.getName();
            case Types.DOUBLE: case Types.FLOAT: case Types.REAL:
                return Double.class.getName();
            case Types.BOOLEAN: case Types.BIT:
                return Boolean.class.getName();
            case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY:
                return byte[].class.getName();
            case Types.ARRAY:
                return java.util.List.class.getName();
            default:
                return "MAP".equalsIgnoreCase(typeName) ? java.util.Map.class.getName() : Object.class.getName();
        }
    }

    static boolean isNumeric(int jdbcType) {
        switch (jdbcType) {
            case Types.DECIMAL: case Types.NUMERIC: case Types.BIGINT: case Types.INTEGER: case Types.SMALLINT:
            case Types.TINYINT: case Types.DOUBLE: case Types.FLOAT: case Types.REAL:
                return true;
            default:
                return false;
        }
    }

    static int displaySize(ColumnInfo column) {
        if (column.jdbcType() == Types.BOOLEAN) {
            return "false".length();
        }
        if (column.precision() <= 0) {
            return DEFAULT_DISPLAY_SIZE;
        }
        // A sign and a decimal point come on top of the digits.
        return isNumeric(column.jdbcType()) ? column.precision() + 2 : column.precision();
    }

    /** The {@link Types} constant for a declared attribute type: S, N, B and BOOL map to SQL types. */
    static int jdbcTypeOf(AttributeType type) {
        switch (type) {
            case S:
                return Types.VARCHAR;
            case N:
                return Types.DECIMAL;
            case B:
                return Types.VARBINARY;
            case BOOL:
                return Types.BOOLEAN;
            default:
                return Types.OTHER;
        }
    }

    /** The SQL type name matching {@link #jdbcTypeOf}. */
    static String typeNameOf(AttributeType type) {
        int jdbcType = jdbcTypeOf(type);
        return jdbcType == Types.OTHER ? "OTHER" : java.sql.JDBCType.valueOf(jdbcType).getName();
    }
}
