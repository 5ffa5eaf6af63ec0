package io.skiff.jdbc;

import io.skiff.sql.api.RowCursor;
import java.util.Iterator;
import java.util.List;

/** Rows held in memory: what DatabaseMetaData results are read through. */
final class ListCursor implements RowCursor {

    private final Iterator<Object[]> rows;
    private Object[] current;

    ListCursor(List<Object[]> rows) {
        this.rows = rows.iterator();
    }

    @Override
    public boolean next() {
        current = rows.hasNext() ? rows.next() : null;
        return current != null;
    }

    @Override
    public Object get(int column) {
        return current[column];
    }

    @Override
    public void close() {
        current = null;
    }
}
