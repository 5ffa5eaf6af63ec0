package io.skiff.repl.render;

import java.sql.SQLException;
import java.util.List;

/**
 * Rows to render, read one at a time. The renderers see only this, not {@link java.sql.ResultSet},
 * so they can be tested without a driver.
 */
public interface RowSource {

    /** The column labels, in order. */
    List<String> columns();

    /** Moves to the next row; false when there is none. */
    boolean next() throws SQLException;

    /**
     * A value of the current row (0-based column): {@code null}, a {@link String}, a
     * {@link Number}, a {@link Boolean}, {@code byte[]}, a {@link java.util.Map} with string keys,
     * a {@link java.util.Collection}, or any other object, which is shown by its
     * {@link Object#toString()}.
     */
    Object value(int column) throws SQLException;
}
