package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import io.skiff.repl.render.OutputFormat;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {

    private static final SQLException DUPLICATE = new SQLException("[DUPLICATE_ITEM] Duplicate item: pk=a", "23505");

    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();
    private final ErrorReporter errors = new ErrorReporter(new PrintWriter(err, true), false);
    private final StringWriter out = new StringWriter();

    /** A shell with no database: the recording runner stands in for it. */
    private Shell shell(RecordingRunner runner) {
        return new Shell(noDatabase(new PrintWriter(out, true), null), runner, errors, false);
    }

    private Session noDatabase(PrintWriter screen, Terminal terminal) {
        return new Session(url -> {
            throw new SQLException("no database in this test", "08001");
        }, screen, new PrintWriter(err, true), OutputFormat.TABLE, terminal, null);
    }

    @Test
    void aScriptRunsEveryStatementInOrderAndTheLastNeedsNoSemicolon() {
        RecordingRunner runner = new RecordingRunner();
        boolean ok = shell(runner).runScript("CREATE TABLE t (pk VARCHAR PRIMARY KEY);\n"
                + "INSERT INTO t VALUES ('a'); -- first\nSELECT * FROM t", "setup.sql");
        assertThat(ok).isTrue();
        assertThat(runner.executed).containsExactly("CREATE TABLE t (pk VARCHAR PRIMARY KEY)",
                "INSERT INTO t VALUES ('a')", "SELECT * FROM t");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aScriptStopsAtItsFirstFailureAndSaysWhereItWas() {
        RecordingRunner runner = new RecordingRunner().failing("INSERT INTO t VALUES ('a')", DUPLICATE);
        boolean ok = shell(runner).runScript("SELECT 1;\n\nINSERT INTO t VALUES ('a');\nSELECT 2;", "load.sql");
        assertThat(ok).isFalse();
        assertThat(runner.executed).containsExactly("SELECT 1", "INSERT INTO t VALUES ('a')");
        assertThat(err.toString()).isEqualTo("ERROR DUPLICATE_ITEM (23505): Duplicate item: pk=a (statement at load.sql:3)"
                + System.lineSeparator());
    }

    @Test
    void goingOnAfterErrorsRunsEveryStatementButStillFails() {
        RecordingRunner runner = new RecordingRunner().failing("bad", DUPLICATE);
        Shell shell = new Shell(noDatabase(new PrintWriter(out, true), null), runner, errors, true);
        assertThat(shell.runScript("select 1; bad; select 2", "load.sql")).isFalse();
        assertThat(runner.executed).containsExactly("select 1", "bad", "select 2");
        assertThat(err.toString()).contains("(statement at load.sql:1)");
    }

    @Test
    void unknownCommandsSayWhatToDo() {
        RecordingRunner runner = new RecordingRunner();
        assertThat(shell(runner).runScript("\\frobnicate\nselect 1", "s.sql")).isFalse();
        assertThat(err.toString()).isEqualTo("ERROR: Unknown command \\frobnicate (\\? lists the commands) (command at s.sql:1)"
                + System.lineSeparator());
        assertThat(runner.executed).isEmpty();
    }

    @Test
    void quitInAScriptEndsItThere() {
        RecordingRunner runner = new RecordingRunner();
        assertThat(shell(runner).runScript("select 1;\n\\q\nselect 2;", null)).isTrue();
        assertThat(runner.executed).containsExactly("select 1");
    }

    @Test
    void statementsFromTheCommandLineHaveNoLocation() {
        RecordingRunner runner = new RecordingRunner().failing("x", DUPLICATE);
        assertThat(shell(runner).runScript("x", null)).isFalse();
        assertThat(err.toString()).isEqualTo("ERROR DUPLICATE_ITEM (23505): Duplicate item: pk=a" + System.lineSeparator());
    }

    @Test
    void aDriversUncheckedFailureIsReportedLikeAnyOther() {
        RecordingRunner runner = new RecordingRunner().whileExecuting(() -> {
            throw new IllegalStateException("driver bug");
        });
        assertThat(shell(runner).runScript("select 1", null)).isFalse();
        assertThat(err.toString()).isEqualTo("ERROR: driver bug" + System.lineSeparator());
    }

    @Test
    void interactiveStatementsMaySpanLinesAndShareALine() throws IOException {
        RecordingRunner runner = new RecordingRunner();
        String screen = interactive(runner, "select a,\n  b\nfrom t;\nselect 1; select 'x;y';\n");
        assertThat(runner.executed).containsExactly("select a,\n  b\nfrom t", "select 1", "select 'x;y'");
        assertThat(screen).startsWith(Shell.GREETING).contains(Shell.PROMPT);
    }

    @Test
    void interactiveGoesOnAfterAFailureButSkipsTheRestOfThatInput() throws IOException {
        RecordingRunner runner = new RecordingRunner().failing("bad", DUPLICATE);
        interactive(runner, "bad; skipped;\nselect 2;\n");
        assertThat(runner.executed).containsExactly("bad", "select 2");
        assertThat(err.toString()).isEqualTo("ERROR DUPLICATE_ITEM (23505): Duplicate item: pk=a" + System.lineSeparator());
    }

    @Test
    void ctrlCDropsTheInputBeingTyped() throws IOException {
        RecordingRunner runner = new RecordingRunner();
        interactive(runner, "select *\nfrom dropped\u0003select 2;\n");
        assertThat(runner.executed).containsExactly("select 2");
    }

    @Test
    void ctrlCWhileAStatementRunsCancelsIt() throws IOException {
        AtomicReference<Terminal> terminal = new AtomicReference<>();
        AtomicReference<Session> session = new AtomicReference<>();
        List<Boolean> cancelled = new ArrayList<>();
        RecordingRunner runner = new RecordingRunner().whileExecuting(() -> {
            cancelled.add(session.get().cancelRequested());
            terminal.get().raise(Terminal.Signal.INT);
            cancelled.add(session.get().cancelRequested());
        });
        interactive(runner, "select 1;\nselect 2;\n", terminal, session);
        // Each statement starts uncancelled; Ctrl-C while it runs cancels it.
        assertThat(cancelled).containsExactly(false, true, false, true);
    }

    @Test
    void quitCommandsAndEndOfInputLeave() throws IOException {
        for (String quit : new String[] {"\\q", "quit", "EXIT;", "  exit  "}) {
            RecordingRunner runner = new RecordingRunner();
            interactive(runner, "select 1;\n" + quit + "\nselect 2;\n");
            assertThat(runner.executed).as(quit).containsExactly("select 1");
        }
        RecordingRunner runner = new RecordingRunner();
        interactive(runner, "select 1;\nselect 2");
        assertThat(runner.executed).containsExactly("select 1");
    }

    @Test
    void helpShowsWhatTheShellUnderstands() throws IOException {
        RecordingRunner runner = new RecordingRunner();
        String screen = interactive(runner, "\\?\nhelp\n");
        assertThat(screen).contains("\\dt [PATTERN]", "\\import TABLE FILE", "Ctrl-R searches the history")
                .contains("\\dialect [sql|partiql]", "\\consistency [eventual|strong]", "\\cluster")
                .doesNotContain("Not available yet:");
        assertThat(runner.executed).isEmpty();
    }

    @Test
    void historyIsKeptAcrossSessions() throws IOException {
        interactive(new RecordingRunner(), "select 1;\nselect\n 2;\n");
        Path history = home.resolve("history");
        assertThat(Files.readString(history)).contains("select 1;").contains("select\\n 2;");

        // A new session's reader starts with the old entries, a multi-line statement still whole.
        try (Terminal terminal = new DumbTerminal(InputStream.nullInputStream(), OutputStream.nullOutputStream())) {
            LineReader reader = ShellLineReader.create(terminal, history);
            reader.getHistory().attach(reader);
            List<String> entries = new ArrayList<>();
            reader.getHistory().forEach(entry -> entries.add(entry.line()));
            assertThat(entries).containsExactly("select 1;", "select\n 2;");
        }
    }

    private String interactive(RecordingRunner runner, String input) {
        return interactive(runner, input, new AtomicReference<>(), new AtomicReference<>());
    }

    private String interactive(RecordingRunner runner, String input, AtomicReference<Terminal> terminalHolder,
                               AtomicReference<Session> sessionHolder) {
        // Each session gets a thread of its own: Ctrl-C interrupts the reading thread, and a stuck
        // reader must fail the test rather than hang the build.
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB,
                    new ByteArrayInputStream(input.getBytes(UTF_8)), screen, UTF_8)) {
                // Ctrl-C raises SIGINT, as on a real terminal. A dumb terminal has no signal characters
                // of its own, and with ISIG on, an unset one would match end of input, so all are set.
                Attributes attributes = terminal.getAttributes();
                attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
                attributes.setControlChar(Attributes.ControlChar.VINTR, 'C' & 0x1f);
                attributes.setControlChar(Attributes.ControlChar.VQUIT, '\\' & 0x1f);
                attributes.setControlChar(Attributes.ControlChar.VSUSP, 'Z' & 0x1f);
                attributes.setControlChar(Attributes.ControlChar.VSTATUS, 'T' & 0x1f);
                terminal.setAttributes(attributes);
                terminalHolder.set(terminal);
                Session session = noDatabase(terminal.writer(), terminal);
                sessionHolder.set(session);
                new Shell(session, runner, errors, false).interactive(ShellLineReader.create(terminal, home.resolve("history")));
            }
            return screen.toString(UTF_8);
        });
    }
}
