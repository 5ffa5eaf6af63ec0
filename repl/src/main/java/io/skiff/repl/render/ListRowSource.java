package io.skiff.repl.render;

import java.util.List;

/** Rows held in memory, such as the answers of the describing commands ({@code \dt}, {@code \d}). */
public final class ListRowSource implements RowSource {

    private final List<String> columns;
    private final List<Object[]> rows;
    private int current = -1;

    /** Rows of {@code columns}; each row has one value per column. */
    public ListRowSource(List<String> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public boolean next() {
        return ++current < rows.size();
    }

    @Override
    public Object value(int column) {
        return rows.get(current)[column];
    }
}
