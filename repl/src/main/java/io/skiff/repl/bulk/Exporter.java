package io.skiff.repl.bulk;

import io.skiff.repl.Identifiers;
import io.skiff.repl.JdbcRowSource;
import io.skiff.repl.Session;
import io.skiff.repl.ShellSql;
import io.skiff.repl.command.CommandException;
import io.skiff.repl.complete.Catalog;
import io.skiff.repl.render.CsvRenderer;
import io.skiff.repl.render.JsonText;
import io.skiff.repl.render.ValueText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every item of a table to a JSON Lines or CSV file that {@link Importer} reads back.
 *
 * <p>JSON Lines: one object per item with its declared columns (NULL ones left out, as the
 * item has no such attribute) and its undeclared attributes side by side. CSV: a header of the
 * declared columns and {@code _doc}, which holds the undeclared attributes as a JSON object, so
 * their types survive. Binary values are base64 text; sets become arrays. The rows are read in
 * pages and written as they come; the file appears only once complete (it is written beside
 * its final name and moved there), so a failed or cancelled export leaves no half file.
 */
public final class Exporter {

    /** Rows fetched per page. */
    static final int FETCH_SIZE = 1000;

    private final Session session;
    private final Progress progress;
    private final boolean countFirst;

    /**
     * @param session    the session whose connection is read, and whose Ctrl-C stops the export
     * @param progress   the progress bar
     * @param countFirst whether to count the rows first, so the progress bar can show how far
     *                   along it is (one more pass over the table's keys)
     */
    public Exporter(Session session, Progress progress, boolean countFirst) {
        this.session = session;
        this.progress = progress;
        this.countFirst = countFirst;
    }

    /** Exports {@code table} to {@code file}; returns the rows written. The summary goes to the session's notices. */
    public long run(String table, Path file) throws CommandException, SQLException, IOException {
        FileFormat format = FileFormat.of(file);
        Connection connection = session.connection();
        if (Catalog.columnsOf(connection, table).isEmpty()) {
            throw new CommandException("No table named '" + table + "' (\\dt lists the tables)");
        }
        long total = countFirst ? count(connection, table) : -1;
        Path target = file.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        long started = System.nanoTime();
        long rows = 0;
        try {
            try (Statement statement = ShellSql.createStatement(connection);
                 Writer out = new BufferedWriter(Files.newBufferedWriter(partial, StandardCharsets.UTF_8))) {
                session.running(statement);
                statement.setFetchSize(FETCH_SIZE);
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + Identifiers.quote(table))) {
                    rows = write(new JdbcRowSource(result), format, out, total);
                }
            } finally {
                session.running(null);
                progress.finish();
            }
            move(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
        session.notices().println("Exported " + Progress.count(rows) + (rows == 1 ? " row" : " rows") + " of " + table
                + " to " + file + " in " + Progress.rate(rows, System.nanoTime() - started) + ".");
        session.notices().flush();
        return rows;
    }

    private long write(JdbcRowSource rows, FileFormat format, Writer out, long total) throws SQLException, IOException {
        List<String> columns = rows.columns();
        int document = columns.indexOf(Catalog.DOCUMENT_COLUMN);
        if (format == FileFormat.CSV) {
            out.write(String.join(",", columns.stream().map(CsvRenderer::field).toList()) + "\r\n");
        }
        long count = 0;
        while (rows.next()) {
            out.write(format == FileFormat.CSV ? csvLine(rows, columns.size(), document) : jsonLine(rows, columns, document));
            count++;
            progress.update(count, total > 0 ? (double) count / total : Double.NaN);
        }
        return count;
    }

    private static String jsonLine(JdbcRowSource rows, List<String> columns, int document) throws SQLException {
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = rows.value(i);
            if (i == document && value instanceof Map<?, ?> attributes) {
                attributes.forEach((name, attribute) -> item.put(String.valueOf(name), attribute));
            } else if (value != null) {
                item.put(columns.get(i), value);
            }
        }
        return JsonText.of(item) + "\n";
    }

    private static String csvLine(JdbcRowSource rows, int width, int document) throws SQLException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < width; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object value = rows.value(i);
            boolean empty = value == null || (i == document && value instanceof Map<?, ?> map && map.isEmpty());
            if (!empty) {
                line.append(CsvRenderer.field(i == document ? JsonText.of(value) : ValueText.of(value)));
            }
        }
        return line.append("\r\n").toString();
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = ShellSql.createStatement(connection);
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + Identifiers.quote(table))) {
            return result.next() ? result.getLong(1) : -1;
        }
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
