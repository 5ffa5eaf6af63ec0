package io.skiff.repl.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * CSV as RFC 4180 has it: a header line, CRLF line ends, and a field quoted (with inner quotes
 * doubled) when it holds a comma, a quote, a CR or an LF. SQL NULL is an empty field and the
 * empty string a quoted empty field {@code ""}, so the two stay apart. Rows are written as they
 * are read.
 */
public final class CsvRenderer implements ResultRenderer {

    private static final String CRLF = "\r\n";

    @Override
    public void render(RowSource rows, PrintWriter out) throws SQLException {
        List<String> columns = rows.columns();
        writeLine(out, columns.toArray());
        Object[] values = new Object[columns.size()];
        while (rows.next()) {
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.value(i);
            }
            writeLine(out, values);
        }
    }

    private static void writeLine(PrintWriter out, Object[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            if (values[i] != null) {
                line.append(field(ValueText.of(values[i])));
            }
        }
        out.print(line.append(CRLF));
    }

    /** A CSV field holding {@code text}, quoted when it must be. */
    public static String field(String text) {
        boolean quote = text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
