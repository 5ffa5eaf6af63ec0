package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows as JSON objects keyed by column label. As JSON Lines ({@code jsonl}) each row is one
 * line; as JSON ({@code json}) the rows of a query form one array, still one row per line so
 * that both people and line-oriented tools can read it. Rows are written as they are read.
 */
final class JsonRenderer implements ResultRenderer {

    private final boolean lines;

    JsonRenderer(boolean lines) {
        this.lines = lines;
    }

    @Override
    public void render(RowSource rows, PrintWriter out) throws SQLException {
        List<String> columns = rows.columns();
        Object[] values = new Object[columns.size()];
        String before = lines ? "" : "[\n  ";
        boolean any = false;
        while (rows.next()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.value(i);
            }
            out.print(before);
            out.print(JsonText.row(columns, values));
            before = lines ? "\n" : ",\n  ";
            any = true;
        }
        if (!lines) {
            out.print(any ? "\n]\n" : "[]\n");
        } else if (any) {
            out.print('\n');
        }
    }
}
