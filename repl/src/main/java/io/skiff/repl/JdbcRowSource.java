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

/** The rows of a {@link ResultSet}, with JDBC's wrapper types turned into plain values. */
final class JdbcRowSource implements RowSource {

    private final ResultSet rows;
    private final List<String> columns;

    JdbcRowSource(ResultSet rows) throws SQLException {
        this.rows = rows;
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
        return rows.next();
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
