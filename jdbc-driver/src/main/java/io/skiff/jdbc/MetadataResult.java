package io.skiff.jdbc;

import io.skiff.sql.api.ColumnInfo;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows built in memory for a {@code DatabaseMetaData} answer, read through the ordinary
 * {@link SkiffResultSet}, so metadata results convert values like query results do.
 */
final class MetadataResult {

    private final List<ColumnInfo> columns;
    private final List<Object[]> rows = new ArrayList<>();

    MetadataResult(List<ColumnInfo> columns) {
        this.columns = columns;
    }

    /**
     * Columns from a compact spec such as {@code "TABLE_NAME DATA_TYPE:int KEY_SEQ:short"}: a bare
     * name is VARCHAR; {@code :int}, {@code :short}, {@code :long} and {@code :bool} give INTEGER,
     * SMALLINT, BIGINT and BOOLEAN. SMALLINT values are Integers, as JDBC's getObject returns them.
     */
    static List<ColumnInfo> columns(String spec) {
        List<ColumnInfo> result = new ArrayList<>();
        for (String column : spec.trim().split("\\s+")) {
            int colon = column.indexOf(':');
            String name = colon < 0 ? column : column.substring(0, colon);
            String type = colon < 0 ? "" : column.substring(colon + 1);
            result.add(switch (type) {
                case "" -> column(name, Types.VARCHAR, "VARCHAR");
                case "int" -> column(name, Types.INTEGER, "INTEGER");
                case "short" -> column(name, Types.SMALLINT, "SMALLINT");
                case "long" -> column(name, Types.BIGINT, "BIGINT");
                case "bool" -> column(name, Types.BOOLEAN, "BOOLEAN");
                default -> throw new IllegalArgumentException("Unknown column type '" + type + "' in " + column);
            });
        }
        return List.copyOf(result);
    }

    private static ColumnInfo column(String name, int jdbcType, String typeName) {
        return new ColumnInfo(name, jdbcType, typeName, true, 0, 0, "");
    }

    /** Adds a row: one value per column, in order. */
    MetadataResult add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("A row of " + values.length + " values for " + columns.size()
                    + " columns");
        }
        rows.add(values);
        return this;
    }

    ResultSet toResultSet() {
        return new SkiffResultSet(null, columns, new ListCursor(rows), 0, 0);
    }
}
