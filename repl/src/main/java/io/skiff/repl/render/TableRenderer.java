package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.WCWidth;

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
 * <p>Numbers are right-aligned, everything else left-aligned; SQL NULL reads {@code NULL}. Widths
 * count terminal columns, so wide (CJK, emoji) and combining characters keep the columns
 * straight. Control characters are shown escaped ({@code \n}) because a raw line break would
 * tear the row apart. The table needs every width before its first line, so it reads all rows
 * first.
 */
final class TableRenderer implements ResultRenderer {

    static final String NULL = "NULL";

    private record Cell(String text, int width, boolean rightAligned) {

        static Cell of(Object value) {
            return value == null ? text(NULL, false) : text(ValueText.of(value), value instanceof Number);
        }

        static Cell text(String raw, boolean rightAligned) {
            String text = escapeControls(raw);
            return new Cell(text, displayWidth(text), rightAligned);
        }
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
        Cell[] header = columns.stream().map(name -> Cell.text(name, false)).toArray(Cell[]::new);
        int[] widths = new int[columns.size()];
        for (Cell[] row : concat(header, body)) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].width());
            }
        }
        if (widths.length > 0) {
            writeRow(out, header, widths);
            out.println(separator(widths));
            for (Cell[] row : body) {
                writeRow(out, row, widths);
            }
        }
        out.println(body.size() == 1 ? "(1 row)" : "(" + body.size() + " rows)");
    }

    private static List<Cell[]> concat(Cell[] header, List<Cell[]> body) {
        List<Cell[]> all = new ArrayList<>(body.size() + 1);
        all.add(header);
        all.addAll(body);
        return all;
    }

    private static void writeRow(PrintWriter out, Cell[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            line.append(i == 0 ? " " : " | ");
            String padding = " ".repeat(widths[i] - row[i].width());
            if (row[i].rightAligned()) {
                line.append(padding).append(row[i].text());
            } else {
                line.append(row[i].text()).append(padding);
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
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }

    private static String escapeControls(String text) {
        if (text.chars().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        text.chars().forEach(c -> {
            switch (c) {
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", c));
                    } else {
                        escaped.append((char) c);
                    }
                }
            }
        });
        return escaped.toString();
    }
}
