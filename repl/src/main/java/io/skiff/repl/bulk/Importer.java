package io.skiff.repl.bulk;

import io.skiff.repl.ErrorReporter;
import io.skiff.repl.Session;
import io.skiff.repl.ShellSql;
import io.skiff.repl.command.CommandException;
import io.skiff.repl.complete.Catalog.Column;
import io.skiff.repl.complete.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads a JSON Lines or CSV file into a table, in batches of one prepared {@code INSERT}.
 *
 * <p>A batch commits atomically in Skiff: if any of its rows fails, none is written. So a
 * failed batch is written again one row at a time, which writes its good rows and finds the bad
 * ones; each bad row is reported with its line number and the import goes on. With
 * {@code stopOnError} the import stops at the first bad row instead, with every row before it
 * written and none after it. Rows that cannot be read (bad JSON, a CSV record of the wrong
 * length, a value that does not fit its column) count as bad rows without reaching the
 * database. Ctrl-C stops the import between rows, or cancels the batch being written.
 */
public final class Importer {

    /** Rows per batch unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 1000;
    /** Bad rows reported one by one; past this many only the summary counts them. */
    static final int MAX_REPORTED = 100;

    /**
     * How to import.
     *
     * @param stopOnError stop at the first bad row instead of skipping it
     * @param batchSize   rows per batch
     */
    public record Options(boolean stopOnError, int batchSize) {
    }

    /**
     * What an import did.
     *
     * @param imported  rows written
     * @param bad       bad rows found (skipped, or the one it stopped at)
     * @param cancelled whether Ctrl-C stopped it
     */
    public record Result(long imported, long bad, boolean cancelled) {

        /** Whether every row was written. */
        public boolean ok() {
            return bad == 0 && !cancelled;
        }
    }

    private record Pending(int line, Map<String, Object> values) {
    }

    /** A bad row to report, kept until its batch is written so that reports come in line order. */
    private record BadRow(int line, String description) {
    }

    /** Thrown inside the import when it must end early: cancelled, or stopped at a bad row. */
    private static final class Stop extends Exception {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final Session session;
    private final PrintWriter problems;
    private final Progress progress;
    private String fileName;
    private final List<BadRow> unreported = new ArrayList<>();
    private long imported;
    private long bad;
    private boolean cancelled;

    /**
     * @param session  the session whose connection is written to, and whose Ctrl-C stops the import
     * @param problems where bad rows are reported
     * @param progress the progress bar
     */
    public Importer(Session session, PrintWriter problems, Progress progress) {
        this.session = session;
        this.problems = problems;
        this.progress = progress;
    }

    /**
     * Imports {@code file} into {@code table}; reports bad rows as it goes and the summary at
     * the end on the session's notices.
     */
    public Result run(String table, Path file, Options options) throws CommandException, SQLException, IOException {
        FileFormat format = FileFormat.of(file);
        fileName = String.valueOf(file.getFileName());
        Connection connection = session.connection();
        List<Column> columns = Catalog.columnsOf(connection, table);
        if (columns.isEmpty()) {
            throw new CommandException("No table named '" + table + "' (\\dt lists the tables)");
        }
        long size = sizeOf(file);
        RowBinder binder = new RowBinder(table, columns, format == FileFormat.CSV);
        long started = System.nanoTime();
        try (RecordReader reader = open(file, format);
             PreparedStatement insert = ShellSql.prepareStatement(connection, binder.sql())) {
            session.running(insert);
            load(reader, size, binder, insert, options);
        } finally {
            session.running(null);
            progress.finish();
        }
        session.notices().println(summary(table, options, System.nanoTime() - started));
        session.notices().flush();
        session.schemaChanged();
        return new Result(imported, bad, cancelled);
    }

    private void load(RecordReader reader, long size, RowBinder binder, PreparedStatement insert, Options options)
            throws IOException, SQLException {
        List<Pending> batch = new ArrayList<>();
        try {
            for (Optional<SourceRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                if (session.cancelRequested()) {
                    cancelled = true;
                    throw new Stop();
                }
                SourceRecord record = next.get();
                String unreadable = record.error();
                if (unreadable == null) {
                    try {
                        binder.bind(record.values(), insert);
                    } catch (RowBinder.BadValue e) {
                        unreadable = e.getMessage();
                    }
                }
                if (unreadable != null) {
                    if (options.stopOnError()) {
                        // The rows before it come first: one of them may be the first bad row.
                        write(batch, binder, insert, options);
                    }
                    badRow(record.line(), "ERROR: " + unreadable, options);
                    continue;
                }
                insert.addBatch();
                batch.add(new Pending(record.line(), record.values()));
                if (batch.size() >= options.batchSize()) {
                    write(batch, binder, insert, options);
                }
                progress.update(imported + batch.size(), size > 0 ? (double) reader.bytesRead() / size : Double.NaN);
            }
            write(batch, binder, insert, options);
        } catch (Stop stop) {
            // Cancelled, or stopped at a bad row after writing the rows before it.
        } finally {
            report();
        }
    }

    /** Writes a batch; if it fails, writes its rows one at a time to find the bad ones. */
    private void write(List<Pending> batch, RowBinder binder, PreparedStatement insert, Options options)
            throws SQLException, Stop {
        if (batch.isEmpty()) {
            return;
        }
        try {
            insert.executeBatch();
            imported += batch.size();
            batch.clear();
            report();
            return;
        } catch (SQLException e) {
            insert.clearBatch();
            stopIfFatal(e);
        }
        List<Pending> rows = List.copyOf(batch);
        batch.clear();
        for (Pending row : rows) {
            try {
                binder.bind(row.values(), insert);
                insert.executeUpdate();
                imported++;
            } catch (RowBinder.BadValue e) {
                throw new IllegalStateException("a row bound before cannot fail to bind again", e);
            } catch (SQLException e) {
                stopIfFatal(e);
                badRow(row.line(), ErrorReporter.describe(e), options);
            }
        }
        report();
    }

    /** Cancellation and a lost connection end the import: no further row could be written. */
    private void stopIfFatal(SQLException e) throws SQLException, Stop {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (session.cancelRequested() || state.equals("57014")) {
            cancelled = true;
            throw new Stop();
        }
        if (state.startsWith("08")) {
            throw e;
        }
    }

    private void badRow(int line, String description, Options options) throws Stop {
        bad++;
        if (bad <= MAX_REPORTED) {
            unreported.add(new BadRow(line, description));
        }
        if (options.stopOnError()) {
            throw new Stop();
        }
    }

    /** Reports the bad rows found since the last report, in line order. */
    private void report() {
        if (unreported.isEmpty()) {
            return;
        }
        progress.finish();
        unreported.sort(Comparator.comparingInt(BadRow::line));
        for (BadRow row : unreported) {
            problems.println(row.description() + " (line " + row.line() + " of " + fileName + ")");
        }
        problems.flush();
        unreported.clear();
    }

    private String summary(String table, Options options, long elapsedNanos) {
        String what = "imported " + Progress.count(imported) + (imported == 1 ? " row" : " rows") + " into " + table
                + " from " + fileName + " in " + Progress.rate(imported, elapsedNanos);
        if (cancelled) {
            return "Cancelled: " + what + "; the rest of the file was not imported.";
        }
        if (bad > 0 && options.stopOnError()) {
            return "Stopped at the first bad row: " + what + "; the rows after it were not imported.";
        }
        String capitalized = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        if (bad == 0) {
            return capitalized + ".";
        }
        String skipped = Progress.count(bad) + (bad == 1 ? " bad row" : " bad rows") + " skipped";
        return capitalized + "; " + skipped + (bad > MAX_REPORTED ? " (the first " + MAX_REPORTED + " listed above)." : ".");
    }

    private static long sizeOf(Path file) throws CommandException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new CommandException("No such file: " + file, e);
        } catch (IOException e) {
            throw new CommandException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static RecordReader open(Path file, FileFormat format) throws CommandException, IOException {
        InputStream in = Files.newInputStream(file);
        if (format == FileFormat.JSONL) {
            return new JsonLinesReader(in);
        }
        try {
            return new CsvReader(in);
        } catch (IOException e) {
            in.close();
            throw new CommandException("Cannot import " + file + ": " + e.getMessage(), e);
        }
    }
}
