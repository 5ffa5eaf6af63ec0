package io.skiff.sql.api;

/** Rows read one at a time. Not thread-safe. */
public interface RowCursor extends AutoCloseable {

    /** Moves to the next row; false when there is none. */
    boolean next();

    /** The value of a column (0-based) of the current row, as described by {@link ColumnInfo}. */
    Object get(int column);

    @Override
    void close();
}
