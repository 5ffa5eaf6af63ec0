package io.skiff.jdbc;

import io.skiff.sql.api.RowCursor;

/**
 * A cursor that can tell whether another row follows, which {@code ResultSet.isLast} and
 * {@code isBeforeFirst} need. A forward-only cursor can only know by moving on, so peeking
 * first copies the current row; reads then come from the copy until the next {@link #next()}.
 */
final class PeekableCursor implements RowCursor {

    private final RowCursor source;
    private final int width;
    private Object[] heldRow;
    private boolean peeked;
    private boolean peekedRowExists;

    PeekableCursor(RowCursor source, int width) {
        this.source = source;
        this.width = width;
    }

    @Override
    public boolean next() {
        if (peeked) {
            peeked = false;
            heldRow = null;
            return peekedRowExists;
        }
        return source.next();
    }

    @Override
    public Object get(int column) {
        return heldRow != null ? heldRow[column] : source.get(column);
    }

    /** Whether {@link #next()} will find a row; {@code onRow} says whether a current row must be kept readable. */
    boolean hasNext(boolean onRow) {
        if (!peeked) {
            if (onRow) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = source.get(i);
                }
                heldRow = row;
            }
            peekedRowExists = source.next();
            peeked = true;
        }
        return peekedRowExists;
    }

    @Override
    public void close() {
        source.close();
    }
}
