package io.skiff.repl.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Rows held in memory, for renderer tests. */
final class ListRows implements RowSource {

    private final List<String> columns;
    private final List<Object[]> rows;
    private int current = -1;

    private ListRows(List<String> columns, List<Object[]> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static ListRows of(List<String> columns, Object[]... rows) {
        return new ListRows(columns, Arrays.asList(rows));
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** What {@code renderer} writes for these rows. */
    String renderWith(ResultRenderer renderer) throws SQLException {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            renderer.render(this, out);
        }
        return text.toString().replace(System.lineSeparator(), "\n");
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
