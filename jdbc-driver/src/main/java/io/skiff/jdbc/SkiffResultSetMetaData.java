package io.skiff.jdbc;

import io.skiff.sql.api.ColumnInfo;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The columns of a result, as the SQL engine describes them in {@link ColumnInfo}. */
final class SkiffResultSetMetaData implements ResultSetMetaData {

    private final List<ColumnInfo> columns;

    SkiffResultSetMetaData(List<ColumnInfo> columns) {
        this.columns = List.copyOf(columns);
    }

    private ColumnInfo column(int column) throws SQLException {
        DriverErrors.checkColumnIndex(column, columns.size());
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        ColumnInfo info = column(column);
        return JdbcTypes.className(info.jdbcType(), info.typeName());
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable() ? columnNullable : columnNoNulls;
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return JdbcTypes.displaySize(column(column));
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return column(column).tableName();
    }

    /** Every table lives in the one schema; computed columns belong to none. */
    @Override
    public String getSchemaName(int column) throws SQLException {
        return column(column).tableName().isEmpty() ? "" : SkiffDatabaseMetaData.SCHEMA;
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    /** Strings compare by code point, so case matters. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int type = column(column).jdbcType();
        return type == Types.VARCHAR || type == Types.CHAR || type == Types.LONGVARCHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return JdbcTypes.isNumeric(column(column).jdbcType());
    }

    /** Result sets are read-only: rows change through UPDATE statements. */
    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, type);
    }
}
