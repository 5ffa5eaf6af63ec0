package io.skiff.repl;

import io.skiff.jdbc.SessionSettings;
import io.skiff.repl.output.PagedWriter;
import io.skiff.repl.output.Pager;
import io.skiff.repl.output.ResultSink;
import io.skiff.repl.render.Display;
import io.skiff.repl.render.OutputFormat;
import io.skiff.repl.render.RowSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;

/**
 * What one run of the shell keeps between statements: the connection, where and how results
 * are written, the last statement, and the statement now running (so that Ctrl-C can cancel it).
 * Statements and shell commands all go through it.
 */
public final class Session implements AutoCloseable {

    /** The dialects, as {@code \dialect} and {@code --dialect} name them. */
    public static final String SQL = "sql";
    public static final String PARTIQL = "partiql";
    /** The read consistencies, as {@code \consistency} names them. */
    public static final String EVENTUAL = "eventual";
    public static final String STRONG = "strong";

    /** SQLState of "connection does not exist". */
    static final String NO_CONNECTION = "08003";
    /** Screen rows kept free under a result for the prompt, so that a result that fits does not scroll it away. */
    private static final int PROMPT_ROWS = 2;

    private final Connector connector;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final Pager pager;
    private final List<Runnable> schemaListeners = new CopyOnWriteArrayList<>();

    private CompletableFuture<Connection> connection;
    private String url;
    /** The language of statements, kept across \connect; read by completion, so never waits. */
    private volatile String dialect = SQL;
    /** How fresh reads are, kept across \connect. */
    private volatile String consistency = EVENTUAL;
    private OutputFormat format;
    private OutputFormat formatBeforeVertical = OutputFormat.TABLE;
    private boolean timing;
    private boolean paging = true;
    private Path outputFile;
    private PrintWriter fileOut;
    private String lastSql;
    private volatile Statement running;
    private volatile boolean cancelRequested;

    /**
     * @param connector opens connections
     * @param out       standard output, or the terminal's writer in an interactive session
     * @param err       standard error: errors, and confirmations in the machine formats
     * @param format    the output format to start with
     * @param terminal  the terminal of an interactive session, or {@code null}: with a terminal,
     *                  tables fit its width, NULL is styled and tall results are paged
     * @param pager     the pager for tall results, or {@code null} for none
     */
    public Session(Connector connector, PrintWriter out, PrintWriter err, OutputFormat format, Terminal terminal,
                   Pager pager) {
        this.connector = connector;
        this.out = out;
        this.err = err;
        this.format = format;
        this.terminal = terminal;
        this.pager = pager;
    }

    // ---- the connection ---------------------------------------------------------------------

    /** Connects to {@code url} now, replacing the current connection only if that works. */
    public void connect(String newUrl) throws SQLException {
        Connection opened = speakingDialect(connector.connect(newUrl));
        replaceConnection(CompletableFuture.completedFuture(opened), newUrl);
    }

    /** The connection, switched to the session's dialect and consistency; closed if it cannot take them. */
    private Connection speakingDialect(Connection opened) throws SQLException {
        if (dialect.equals(SQL) && consistency.equals(EVENTUAL)) {
            return opened;
        }
        try {
            if (!dialect.equals(SQL)) {
                settingsOf(opened).setDialect(dialect);
            }
            if (!consistency.equals(EVENTUAL)) {
                settingsOf(opened).setConsistency(consistency);
            }
            return opened;
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static SessionSettings settingsOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(SessionSettings.class)) {
            throw new SQLFeatureNotSupportedException("This connection speaks SQL only; it is not a Skiff connection");
        }
        return connection.unwrap(SessionSettings.class);
    }

    // ---- the dialect --------------------------------------------------------------------------

    /** The language statements are written in: {@code sql} or {@code partiql}. */
    public String dialect() {
        return dialect;
    }

    /**
     * Switches the language of the statements that follow, for this connection and the ones
     * {@code \connect} opens later.
     *
     * @throws SQLException SQLState 22023 for a name other than {@code sql} or {@code partiql}
     */
    public void dialect(String name) throws SQLException {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals(SQL) && !wanted.equals(PARTIQL)) {
            throw new SQLException("Unknown dialect '" + name + "'; use sql or partiql", "22023");
        }
        if (connection != null) {
            settingsOf(connection()).setDialect(wanted);
        }
        dialect = wanted;
    }

    // ---- the read consistency ---------------------------------------------------------------

    /** How fresh reads are: {@code eventual} or {@code strong}. */
    public String consistency() {
        return consistency;
    }

    /**
     * Makes the statements that follow read at {@code name}, on this connection and the ones
     * {@code \connect} opens later.
     *
     * @throws SQLException SQLState 22023 for a name other than {@code eventual} or {@code strong}
     */
    public void consistency(String name) throws SQLException {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals(EVENTUAL) && !wanted.equals(STRONG)) {
            throw new SQLException("Unknown consistency '" + name + "'; use eventual or strong", "22023");
        }
        if (connection != null) {
            settingsOf(connection()).setConsistency(wanted);
        }
        consistency = wanted;
    }

    /**
     * Starts connecting to {@code url} on another thread, so that the prompt shows at once while
     * the database opens. The first statement waits for it; a failure is handed to
     * {@code onFailure} (and reported again by each statement that needs the connection).
     */
    public void connectInBackground(String newUrl, Consumer<SQLException> onFailure) {
        CompletableFuture<Connection> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                opening.complete(speakingDialect(connector.connect(newUrl)));
            } catch (SQLException | RuntimeException e) {
                opening.completeExceptionally(e);
                onFailure.accept(e instanceof SQLException sql ? sql
                        : new SQLNonTransientConnectionException(String.valueOf(e.getMessage()), "08001", e));
            }
        }, "skiff-connect");
        opener.setDaemon(true);
        replaceConnection(opening, newUrl);
        opener.start();
    }

    private void replaceConnection(CompletableFuture<Connection> next, String nextUrl) {
        CompletableFuture<Connection> previous = connection;
        connection = next;
        url = nextUrl;
        closeQuietly(previous);
        schemaChanged();
    }

    /** The URL of the current connection (or the one being opened); {@code null} before any. */
    public String url() {
        return url;
    }

    /** The connection, waiting for it if it is still being opened. */
    public Connection connection() throws SQLException {
        if (connection == null) {
            throw new SQLNonTransientConnectionException("Not connected; use \\connect URL", NO_CONNECTION);
        }
        try {
            return connection.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new SQLNonTransientConnectionException("Not connected: " + e.getCause(), NO_CONNECTION, e.getCause());
        }
    }

    /** The connection if it is open already; never waits (completion must not freeze typing). */
    public Optional<Connection> connectionIfReady() {
        CompletableFuture<Connection> current = connection;
        if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(current.join());
    }

    // ---- where results go ---------------------------------------------------------------------

    /** Whether this session reads from a person at a terminal. */
    public boolean interactive() {
        return terminal != null;
    }

    /** The terminal of an interactive session. */
    public Optional<Terminal> terminal() {
        return Optional.ofNullable(terminal);
    }

    /** Standard output (the terminal in an interactive session). */
    public PrintWriter out() {
        return out;
    }

    /** Standard error. */
    public PrintWriter err() {
        return err;
    }

    /**
     * Where messages for the user go, such as "Timing is on.": standard output in the formats
     * for people, standard error in the machine formats (whose standard output is only data).
     * Never the file of {@code \o}, which holds results.
     */
    public PrintWriter notices() {
        return format.confirmationsOnStdout() ? out : err;
    }

    /**
     * Where the next statement's results go: the file of {@code \o}, or the screen, paged when
     * the session is interactive, paging is on and the result is taller than the screen.
     */
    public ResultSink openSink() {
        if (fileOut != null) {
            return new ResultSink(fileOut, format.confirmationsOnStdout() ? fileOut : err, Display.PLAIN, null);
        }
        PrintWriter confirmations = format.confirmationsOnStdout() ? out : err;
        if (terminal == null) {
            return new ResultSink(out, confirmations, Display.PLAIN, null);
        }
        int width = terminal.getWidth();
        int height = terminal.getHeight();
        Display display = new Display(width, !Terminal.TYPE_DUMB.equals(terminal.getType())
                && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType()));
        if (!paging || pager == null || height <= PROMPT_ROWS) {
            return new ResultSink(out, confirmations, display, null);
        }
        PagedWriter paged = new PagedWriter(out, height - PROMPT_ROWS, width, pager);
        PrintWriter rows = new PrintWriter(paged);
        return new ResultSink(rows, format.confirmationsOnStdout() ? rows : err, display, paged);
    }

    /** Writes rows that are not a statement's, such as a describing command's, like a query's rows. */
    public void show(RowSource rows) throws SQLException {
        try (ResultSink sink = openSink()) {
            format.renderer(sink.display()).render(rows, sink.rows());
        }
    }

    /** Sends results to {@code file} (created or truncated) from now on. */
    public void outputTo(Path file) throws IOException {
        PrintWriter opened = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        closeOutputFile();
        fileOut = opened;
        outputFile = file;
    }

    /** Sends results to the screen again. */
    public void outputToScreen() {
        closeOutputFile();
    }

    /** The file of {@code \o}, if results go to one. */
    public Optional<Path> outputFile() {
        return Optional.ofNullable(outputFile);
    }

    private void closeOutputFile() {
        if (fileOut != null) {
            fileOut.close();
        }
        fileOut = null;
        outputFile = null;
    }

    public OutputFormat format() {
        return format;
    }

    public void format(OutputFormat newFormat) {
        format = newFormat;
    }

    /** Switches between the vertical format and the one used before it; returns the new format. */
    public OutputFormat toggleVertical() {
        if (format == OutputFormat.VERTICAL) {
            format = formatBeforeVertical;
        } else {
            formatBeforeVertical = format;
            format = OutputFormat.VERTICAL;
        }
        return format;
    }

    public boolean timing() {
        return timing;
    }

    public void timing(boolean on) {
        timing = on;
    }

    public boolean paging() {
        return paging;
    }

    public void paging(boolean on) {
        paging = on;
    }

    // ---- statements -------------------------------------------------------------------------

    /** The last SQL statement sent to the database, for {@code \explain}; {@code null} before any. */
    public String lastSql() {
        return lastSql;
    }

    public void lastSql(String sql) {
        lastSql = sql;
    }

    /**
     * Marks {@code statement} as running, so that {@link #cancel()} can stop it; {@code null}
     * when it is done.
     */
    public void running(Statement statement) {
        running = statement;
    }

    /** Clears an earlier Ctrl-C before new work starts. */
    public void resetCancel() {
        cancelRequested = false;
    }

    /** Whether Ctrl-C was pressed since the work began; long commands check it between steps. */
    public boolean cancelRequested() {
        return cancelRequested;
    }

    /**
     * Asks the running statement to stop (from the Ctrl-C handler's thread). The driver fails
     * it with SQLState 57014; a driver that cannot cancel lets it finish.
     */
    public void cancel() {
        cancelRequested = true;
        Statement statement = running;
        if (statement == null) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // Nothing to report: the statement then runs to its end.
        }
    }

    /** Runs {@code listener} whenever tables may have changed (DDL, imports, a new connection). */
    public void onSchemaChange(Runnable listener) {
        schemaListeners.add(listener);
    }

    /** Tells the listeners that tables or their attributes may have changed. */
    public void schemaChanged() {
        schemaListeners.forEach(Runnable::run);
    }

    /** Closes the connection (waiting for one being opened) and the output file. */
    @Override
    public void close() {
        closeOutputFile();
        closeQuietly(connection);
        connection = null;
        out.flush();
        err.flush();
    }

    private static void closeQuietly(CompletableFuture<Connection> connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.join().close();
        } catch (CompletionException | SQLException e) {
            // Closing is best effort: a connection that never opened has nothing to close.
        }
    }
}
