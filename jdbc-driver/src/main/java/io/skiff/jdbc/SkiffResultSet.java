package io.skiff.jdbc;

import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.RowCursor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Rows of a query, read forward once through a {@link RowCursor}; also the result of every
 * {@code DatabaseMetaData} call. Values convert through {@link ValueConversions}.
 */
final class SkiffResultSet extends ForwardOnlyResultSet {

    private final AbstractStatement statement;
    private final List<ColumnInfo> columns;
    private final PeekableCursor cursor;
    private final long maxRows;
    private int fetchSize;
    /** Rows reached so far; the current row's number while {@link #onRow}. */
    private long rowNumber;
    private boolean onRow;
    private boolean afterLast;
    private boolean cursorClosed;
    private boolean wasNull;
    private volatile boolean closed;

    /**
     * @param statement the statement that produced the rows, or null for metadata results
     * @param maxRows most rows to return, 0 for all
     */
    SkiffResultSet(AbstractStatement statement, List<ColumnInfo> columns, RowCursor cursor, long maxRows,
                   int fetchSize) {
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.cursor = new PeekableCursor(cursor, columns.size());
        this.maxRows = maxRows;
        this.fetchSize = fetchSize;
    }

    // ---- moving ------------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        onRow = belowMaxRows() && SkiffErrors.translate(cursor::next);
        if (onRow) {
            rowNumber++;
        } else {
            afterLast = true;
            // Free the engine's iterator now rather than when the caller gets round to close().
            releaseCursor();
        }
        return onRow;
    }

    private boolean belowMaxRows() {
        return maxRows == 0 || rowNumber < maxRows;
    }

    private boolean rowFollows() throws SQLException {
        return !afterLast && belowMaxRows() && SkiffErrors.translate(() -> cursor.hasNext(onRow));
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && rowFollows();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && rowNumber == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return onRow && !rowFollows();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow ? (int) Math.min(rowNumber, Integer.MAX_VALUE) : 0;
    }

    // ---- reading values ----------------------------------------------------------------------

    /** The engine's value of a column of the current row; remembers whether it was NULL. */
    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        DriverErrors.checkColumnIndex(columnIndex, columns.size());
        if (!onRow) {
            throw DriverErrors.of(DriverErrors.NO_CURRENT_ROW, afterLast
                    ? "No current row: the result set is past its last row"
                    : "No current row: call next() before reading values");
        }
        Object value = SkiffErrors.translate(() -> cursor.get(columnIndex - 1));
        wasNull = value == null;
        return value;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? null : ValueConversions.toText(value);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value != null && ValueConversions.toBoolean(value);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toByte(value);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toShort(value);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toInt(value);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toLong(value);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toFloat(value);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? 0 : ValueConversions.toDouble(value);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? null : ValueConversions.toBigDecimal(value);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? null : ValueConversions.toBytes(value);
    }

    /** The value as the column holds it: String, BigDecimal, Boolean, byte[], Map, List, Set... */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw DriverErrors.notSupported("Custom type maps");
        }
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        if (type == null) {
            throw DriverErrors.invalidArgument("getObject needs a class to convert to, not null");
        }
        Object value = value(columnIndex);
        return value == null ? null : ValueConversions.toClass(value, type);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    // ---- by label ----------------------------------------------------------------------------

    /**
     * Labels match exactly first, then ignoring case: attribute names are case-sensitive, so two
     * columns may differ only in case, yet generic tools often change the case of labels.
     */
    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        if (columnLabel != null) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(columnLabel)) {
                    return i + 1;
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(columnLabel)) {
                    return i + 1;
                }
            }
        }
        throw DriverErrors.of(DriverErrors.UNKNOWN_COLUMN, "Column '" + columnLabel
                + "' is not in the result; its columns are " + columns.stream().map(ColumnInfo::name).toList());
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(columnLabel), map);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        return getAsciiStream(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        return getBinaryStream(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        return getCharacterStream(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        return getNCharacterStream(findColumn(columnLabel));
    }

    // ---- description and settings ------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SkiffResultSetMetaData(columns);
    }

    /** The statement that produced the rows; null for {@code DatabaseMetaData} results, as JDBC asks. */
    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw DriverErrors.notSupported("Fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** Advisory: the embedded engine hands rows over one at a time anyway. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw DriverErrors.invalidArgument("The fetch size must be 0 or more, not " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Closes the cursor; the producing statement learns of it (for {@code closeOnCompletion}). */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            releaseCursor();
        } finally {
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    private void releaseCursor() throws SQLException {
        if (!cursorClosed) {
            cursorClosed = true;
            SkiffErrors.perform(cursor::close);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw DriverErrors.closed("result set");
        }
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
