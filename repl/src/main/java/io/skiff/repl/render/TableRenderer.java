package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An aligned table for people:
 *
 * <pre>
 *  pk     | n  | name
 * --------+----+------
 *  USER#1 | 42 | Ova
 * (1 row)
 * </pre>
 *
 * <p>Numbers are right-aligned, everything else left-aligned; SQL NULL reads {@code NULL} (faint
 * where the display has styles). Widths count terminal columns, so wide (CJK, emoji) and
 * combining characters keep the columns straight. Control characters are shown escaped
 * ({@code \n}) because a raw line break would tear the row apart. On a display of limited width
 * the widest columns are narrowed until the table fits, and values cut short end with
 * {@code …}: the vertical format ({@code \x}) or a machine format shows them whole. The table
 * needs every width before its first line, so it reads all rows first.
 */
final class TableRenderer implements ResultRenderer {

    static final String NULL = CellText.NULL;
    /** No column is narrowed below this, so that every column keeps a readable start. */
    static final int MIN_WIDTH = 6;

    private final Display display;

    private record Cell(String text, int width, boolean rightAligned, boolean isNull) {

        static Cell of(Object value) {
            String text = CellText.of(value);
            return text == null ? new Cell(NULL, NULL.length(), false, true)
                    : new Cell(text, CellText.displayWidth(text), value instanceof Number, false);
        }

        static Cell header(String name) {
            String text = CellText.escapeControls(name);
            return new Cell(text, CellText.displayWidth(text), false, false);
        }

        Cell fitTo(int columns) {
            if (width <= columns) {
                return this;
            }
            String cut = CellText.cut(text, columns);
            return new Cell(cut, CellText.displayWidth(cut), rightAligned, isNull);
        }
    }

    TableRenderer() {
        this(Display.PLAIN);
    }

    TableRenderer(Display display) {
        this.display = display;
    }

    @Override
    public void render(RowSource rows, PrintWriter out) throws SQLException {
        List<String> columns = rows.columns();
        List<Cell[]> body = new ArrayList<>();
        while (rows.next()) {
            Cell[] row = new Cell[columns.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Cell.of(rows.value(i));
            }
            body.add(row);
        }
        Cell[] header = columns.stream().map(Cell::header).toArray(Cell[]::new);
        int[] widths = new int[columns.size()];
        for (Cell[] row : concat(header, body)) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].width());
            }
        }
        widths = fit(widths, display.width());
        if (widths.length > 0) {
            writeRow(out, header, widths);
            out.println(separator(widths));
            for (Cell[] row : body) {
                writeRow(out, row, widths);
            }
        }
        out.println(body.size() == 1 ? "(1 row)" : "(" + body.size() + " rows)");
    }

    /**
     * Column widths that make the table at most {@code limit} columns wide (0: no limit): every
     * column wider than some level is cut to that level, the highest level that fits, so narrow
     * columns keep their width and only the widest give way. No column goes below
     * {@link #MIN_WIDTH}, even if the table then stays too wide.
     */
    static int[] fit(int[] widths, int limit) {
        // The separator line is the widest: each column with a space either side, '+' between.
        int frame = widths.length == 0 ? 0 : 3 * widths.length - 1;
        if (limit <= 0 || frame + Arrays.stream(widths).sum() <= limit) {
            return widths;
        }
        int budget = limit - frame;
        int low = MIN_WIDTH;
        int high = Arrays.stream(widths).max().orElse(MIN_WIDTH);
        // The highest level whose capped widths fit the budget.
        while (low < high) {
            int level = (low + high + 1) / 2;
            if (cappedSum(widths, level) <= budget) {
                low = level;
            } else {
                high = level - 1;
            }
        }
        int[] fitted = new int[widths.length];
        int spare = budget - cappedSum(widths, low);
        for (int i = 0; i < widths.length; i++) {
            fitted[i] = Math.min(widths[i], low);
            // What the level leaves over goes, a column at a time, to the columns it cut.
            if (widths[i] > low && spare > 0) {
                fitted[i]++;
                spare--;
            }
        }
        return fitted;
    }

    private static int cappedSum(int[] widths, int level) {
        return Arrays.stream(widths).map(width -> Math.min(width, level)).sum();
    }

    private static List<Cell[]> concat(Cell[] header, List<Cell[]> body) {
        List<Cell[]> all = new ArrayList<>(body.size() + 1);
        all.add(header);
        all.addAll(body);
        return all;
    }

    private void writeRow(PrintWriter out, Cell[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? " " : " | ");
            Cell cell = row[i].fitTo(widths[i]);
            String padding = " ".repeat(widths[i] - cell.width());
            String text = cell.isNull() ? CellText.nullText(display) : cell.text();
            if (cell.rightAligned()) {
                line.append(padding).append(text);
            } else {
                line.append(text).append(padding);
            }
        }
        // Padding after the last column only makes trailing white space.
        out.println(line.toString().stripTrailing());
    }

    private static String separator(int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            line.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
        }
        return line.toString();
    }

    /** Terminal columns the text takes: 2 for wide characters, 0 for combining marks. */
    static int displayWidth(String text) {
        return CellText.displayWidth(text);
    }
}
