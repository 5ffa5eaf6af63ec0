package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * One block per row, one line per column, for rows too wide for a table ({@code \x}):
 *
 * <pre>
 * -[ RECORD 1 ]-------
 *  pk   | USER#1
 *  name | Ova
 * (1 row)
 * </pre>
 *
 * <p>Values are never cut, so this is how to read a long value in full; control characters are
 * escaped as in the table. Rows are written as they are read.
 */
final class VerticalRenderer implements ResultRenderer {

    private final Display display;

    VerticalRenderer(Display display) {
        this.display = display;
    }

    @Override
    public void render(RowSource rows, PrintWriter out) throws SQLException {
        List<String> columns = rows.columns();
        String[] labels = new String[columns.size()];
        int labelWidth = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = CellText.escapeControls(columns.get(i));
            labelWidth = Math.max(labelWidth, CellText.displayWidth(labels[i]));
        }
        long count = 0;
        while (rows.next()) {
            count++;
            String title = "-[ RECORD " + count + " ]";
            out.println(title + "-".repeat(Math.max(1, labelWidth + 8 - title.length())));
            for (int i = 0; i < labels.length; i++) {
                String text = CellText.of(rows.value(i));
                String padding = " ".repeat(labelWidth - CellText.displayWidth(labels[i]));
                out.println((" " + labels[i] + padding + " | " + (text == null ? CellText.nullText(display) : text))
                        .stripTrailing());
            }
        }
        out.println(count == 1 ? "(1 row)" : "(" + count + " rows)");
    }
}
