package io.skiff.repl;

import io.skiff.repl.render.RowSource;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The rows of a {@link ResultSet}, with JDBC's wrapper types turned into plain values. It ends
 * early when nobody reads the rows any more (the user left the pager).
 */
public final class JdbcRowSource implements RowSource {

    private final ResultSet rows;
    private final List<String> columns;
    private final BooleanSupplier stop;

    /** Every row of {@code rows}. */
    public JdbcRowSource(ResultSet rows) throws SQLException {
        this(rows, () -> false);
    }

    /** The rows of {@code rows} until {@code stop} says that no more are wanted. */
    public JdbcRowSource(ResultSet rows, BooleanSupplier stop) throws SQLException {
        this.rows = rows;
        this.stop = stop;
        ResultSetMetaData metaData = rows.getMetaData();
        List<String> labels = new ArrayList<>(metaData.getColumnCount());
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            labels.add(metaData.getColumnLabel(i));
        }
        this.columns = List.copyOf(labels);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() throws SQLException {
        return !stop.getAsBoolean() && rows.next();
    }

    @Override
    public Object value(int column) throws SQLException {
        Object value = rows.getObject(column + 1);
        // Large objects and SQL arrays are handles into the driver; show what they hold.
        if (value instanceof Array array) {
            Object elements = array.getArray();
            return elements instanceof Object[] items ? Arrays.asList(items) : elements;
        }
        if (value instanceof Blob blob) {
            return blob.getBytes(1, Math.toIntExact(blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, Math.toIntExact(clob.length()));
        }
        return value;
    }
}
