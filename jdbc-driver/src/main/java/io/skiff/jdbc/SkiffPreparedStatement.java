package io.skiff.jdbc;

import io.skiff.sql.api.SqlStatement;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;

/**
 * A statement prepared once by the SQL engine when it is created, then run with parameter
 * values as many times as needed. Setters convert values to the engine's classes at once (see
 * {@link ValueConversions}), so a bad value fails at the setter that gave it.
 */
final class SkiffPreparedStatement extends AbstractStatement implements PreparedStatement {

    /** Marks a parameter that has no value yet; null is a value (SQL NULL). */
    private static final Object UNSET = new Object();

    private final SqlStatement prepared;
    private final Object[] values;
    private final List<List<Object>> batch = new ArrayList<>();

    SkiffPreparedStatement(SkiffConnection connection, SqlStatement prepared) {
        super(connection, true);
        this.prepared = prepared;
        this.values = new Object[prepared.parameters().size()];
        Arrays.fill(values, UNSET);
    }

    /** The engine's statement, for diagnostics (e.g. whether it runs directly). */
    SqlStatement statement() {
        return prepared;
    }

    // ---- running -----------------------------------------------------------------------------

    /** The values of every parameter, in order; fails naming the first one without a value. */
    private List<Object> boundValues() throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == UNSET) {
                throw DriverErrors.of(DriverErrors.PARAMETER_NOT_SET, "No value set for parameter " + (i + 1)
                        + " of " + values.length);
            }
        }
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        return run(prepared, boundValues(), Expect.ANYTHING);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        run(prepared, boundValues(), Expect.ROWS);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return toIntCount(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        run(prepared, boundValues(), Expect.COUNT);
        return getLargeUpdateCount();
    }

    /** Takes the current values; queries are refused here rather than when the batch runs. */
    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        if (producesRows(prepared)) {
            throw DriverErrors.of(DriverErrors.QUERY_NOT_ALLOWED, "The " + prepared.kind()
                    + " statement returns rows; batches take only statements that return update counts");
        }
        batch.add(boundValues());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /**
     * Runs the batch as one unit: Skiff commits the writes of all its executions at once, so a
     * failure leaves none of them applied.
     */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<List<Object>> parameterSets = new ArrayList<>(batch);
        batch.clear();
        return runAtomicBatch(prepared, parameterSets);
    }

    /** Columns of the rows the statement returns; null when it returns none, as JDBC allows. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return producesRows(prepared) ? new SkiffResultSetMetaData(prepared.columns()) : null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new SkiffParameterMetaData(prepared.parameters());
    }

    // ---- Statement's text methods do not apply -----------------------------------------------

    private static SQLException textNotAllowed() {
        return DriverErrors.of(DriverErrors.GENERAL_ERROR, "A PreparedStatement runs the SQL it was prepared with;"
                + " use Connection.createStatement() to run other SQL text");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textNotAllowed();
    }

    // ---- parameters --------------------------------------------------------------------------

    private void set(int parameterIndex, Object engineValue) throws SQLException {
        checkOpen();
        DriverErrors.checkParameterIndex(parameterIndex, values.length);
        values[parameterIndex - 1] = engineValue;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, UNSET);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        set(parameterIndex, null);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        set(parameterIndex, x);
    }

    /** The engine's integer class is Integer; smaller integers widen to it. */
    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        set(parameterIndex, (int) x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        set(parameterIndex, ValueConversions.widen(x));
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        set(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        set(parameterIndex, value);
    }

    /** Copied: the caller may reuse the array before the statement runs. */
    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        set(parameterIndex, x == null ? null : x.clone());
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        set(parameterIndex, ValueConversions.bindable(x));
    }

    /** Converts to the target type; a DECIMAL keeps its own scale (JDBC's "scale 0" would round it). */
    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        set(parameterIndex, ValueConversions.toTarget(x, targetSqlType, -1));
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(parameterIndex, ValueConversions.toTarget(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        setObject(parameterIndex, x, vendorTypeNumber(targetSqlType));
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(parameterIndex, x, vendorTypeNumber(targetSqlType), scaleOrLength);
    }

    private static int vendorTypeNumber(SQLType type) throws SQLException {
        if (type instanceof JDBCType jdbcType) {
            return jdbcType.getVendorTypeNumber();
        }
        throw DriverErrors.notSupportedBecause("Skiff takes only java.sql.JDBCType target types, not " + type);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        setAsciiStream(parameterIndex, x, StreamValues.TO_END);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setAsciiStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        byte[] ascii = StreamValues.readBytes(x, length);
        set(parameterIndex, ascii == null ? null : new String(ascii, StandardCharsets.US_ASCII));
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        setBinaryStream(parameterIndex, x, StreamValues.TO_END);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        setBinaryStream(parameterIndex, x, (long) length);
    }

    @Override
    public void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        set(parameterIndex, StreamValues.readBytes(x, length));
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        setCharacterStream(parameterIndex, reader, StreamValues.TO_END);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        setCharacterStream(parameterIndex, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        set(parameterIndex, StreamValues.readText(reader, length));
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        setCharacterStream(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        setCharacterStream(parameterIndex, value, length);
    }

    // ---- types Skiff does not have -----------------------------------------------------------

    @Override
    public void setDate(int parameterIndex, Date x) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    public void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    public void setTime(int parameterIndex, Time x) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    public void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    public void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        throw DriverErrors.noTemporalTypes();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        throw DriverErrors.notSupportedBecause("The deprecated setUnicodeStream is not supported by Skiff;"
                + " use setCharacterStream");
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        throw DriverErrors.notSupported("REF values");
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        throw blobs();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        throw blobs();
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        throw blobs();
    }

    private static SQLException blobs() {
        return DriverErrors.notSupported("Blob values (use setBytes or setBinaryStream)");
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        throw clobs();
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw clobs();
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        throw clobs();
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        throw clobs();
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        throw clobs();
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        throw clobs();
    }

    private static SQLException clobs() {
        return DriverErrors.notSupported("Clob and NClob values (use setString or setCharacterStream)");
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        throw DriverErrors.notSupported("java.sql.Array values (bind a java.util.List or Set with setObject)");
    }

    @Override
    public void setURL(int parameterIndex, URL x) throws SQLException {
        throw DriverErrors.notSupported("DATALINK (URL) values");
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        throw DriverErrors.notSupported("ROWID values");
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        throw DriverErrors.notSupported("SQLXML values");
    }
}
