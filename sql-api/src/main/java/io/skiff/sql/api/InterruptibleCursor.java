package io.skiff.sql.api;

/**
 * Rows of a running statement that stop when its {@link Interruption} says so. The time spent
 * producing each row counts towards the statement's budget; the time between rows does not.
 */
public final class InterruptibleCursor implements RowCursor {

    private final RowCursor rows;
    private final Interruption interruption;

    /** Rows that count the time spent producing each one and stop when {@code interruption} says so. */
    public InterruptibleCursor(RowCursor rows, Interruption interruption) {
        this.rows = rows;
        this.interruption = interruption;
    }

    @Override
    public boolean next() {
        interruption.enter();
        try {
            return rows.next();
        } finally {
            interruption.exit();
        }
    }

    @Override
    public Object get(int column) {
        return rows.get(column);
    }

    @Override
    public void close() {
        rows.close();
    }
}
