package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.server.SkiffServer;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.testing.GatedIndexPlugin;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jline.terminal.Terminal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interactive shell on JLine's dumb terminal, typing into it as a person would, on a real database. */
class InteractiveEndToEndTest {

    /** The progress line of a build paused at 3 of 6 items, wiped before the count, which stands alone. */
    private static final String PROGRESS_THEN_COUNT =
            "\rbuilding by_gate on users: 3 [^\r]*\r +\rOK, 6 items indexed\n";

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void createTables() {
        cli = new Cli(dir);
        assertThat(cli.run("-e", """
                CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk));
                INSERT INTO users (pk, name, city, visits) VALUES ('u1', 'Ova', 'Santos', 3), ('u2', 'Bo', 'Rio', 1);
                """)).as(cli.err()).isZero();
    }

    @Test
    void tabCompletesTablesAndSampledUndeclaredAttributes() {
        // The first statement waits for the connection, so completion afterwards has the catalog.
        String screen = cli.interactive("xterm", "SELECT 1;\nSELECT name, visi\t FROM us\t WHERE pk = 'u1';\n",
                raw -> raw);
        // Both names were completed, or the statement would have failed.
        assertThat(screen).contains(" name | visits\n------+--------\n Ova  |      3\n");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void ctrlCWhileRowsStreamCancelsTheStatementNotTheShell() {
        String values = IntStream.range(0, 3000).mapToObj(i -> "('k" + i + "')").collect(Collectors.joining(", "));
        assertThat(cli.run("-e", "CREATE TABLE big (pk VARCHAR, PRIMARY KEY (pk)); INSERT INTO big (pk) VALUES " + values))
                .as(cli.err()).isZero();
        // Ctrl-C as soon as the first rows reach the screen: the statement is then still reading rows.
        AtomicBoolean pressed = new AtomicBoolean();
        String screen = cli.interactive("\\format jsonl\nSELECT pk FROM big;\nSELECT COUNT(*) AS n FROM big;\n",
                raw -> new FilterOutputStream(raw) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        super.write(bytes, offset, length);
                        if (new String(bytes, offset, length, UTF_8).contains("{\"pk\":") && pressed.compareAndSet(false, true)) {
                            cli.terminal.get().raise(Terminal.Signal.INT);
                        }
                    }
                });
        assertThat(pressed).isTrue();
        assertThat(cli.err()).contains("ERROR QUERY_CANCELLED (57014)");
        long rowsShown = screen.lines().filter(line -> line.startsWith("{\"pk\":")).count();
        assertThat(rowsShown).isPositive().isLessThan(3000);
        // The shell goes on: the next statement runs to its end.
        assertThat(screen).contains("{\"n\":3000}");
    }

    @Test
    void aStatementMaySpanLinesAndFormatsApplyOnTheTerminal() {
        String screen = cli.interactive("SELECT name\nFROM users\nWHERE pk = 'u2';\n\\x\nSELECT name, city FROM users WHERE pk = 'u1';\n");
        assertThat(screen).contains(" Bo\n").contains("-[ RECORD 1 ]").contains(" city | Santos");
    }

    @Test
    void reverseSearchFindsAnEarlierStatementInTheHistory() throws Exception {
        cli.interactive("SELECT name AS found FROM users WHERE pk = 'u1';\nSELECT 2;\n");
        assertThat(Files.readString(cli.home().historyFile())).contains("AS found");
        // A new session: Ctrl-R, a few letters of it, Enter runs it again.
        String screen = cli.interactive("xterm", "\u0012found\n", raw -> raw);
        assertThat(screen).contains(" found\n-------\n Ova\n(1 row)");
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsReportedAndTheShellStays() {
        String screen = cli.interactive("SELECT 1;\n\\connect " + cli.url() + "\nSELECT name FROM users WHERE pk = 'u1';\n",
                "--url", "jdbc:nope:x");
        assertThat(screen + cli.err()).contains("ERROR 08001: No suitable driver found for jdbc:nope:x");
        assertThat(screen).contains("Connected to " + cli.url()).contains(" Ova");
    }

    @Test
    void ctrlDOnAnEmptyLineLeaves() {
        String screen = cli.interactive("xterm", "SELECT 'before' AS x;\n\u0004SELECT 'after' AS x;\n", raw -> raw);
        assertThat(screen).contains("before").doesNotContain("after");
    }

    @Test
    void errorsShowTheirCaretInTheInteractiveShellToo() {
        cli.interactive("SELECT * FORM users;\n");
        assertThat(cli.err()).contains("SYNTAX_ERROR").contains("  SELECT * FORM users").contains("           ^");
    }


    @Test
    void importShowsProgressOnTheTerminalThenItsSummary() throws Exception {
        Path file = dir.resolve("more.jsonl");
        Files.writeString(file, "{\"pk\":\"u7\",\"name\":\"Sy\"}\n{\"pk\":\"u8\"}\n");
        String screen = cli.interactive("\\import users " + file + "\nSELECT COUNT(*) AS n FROM users;\n");
        assertThat(screen).contains("] 100%").contains("Imported 2 rows into users from more.jsonl").contains(" 4\n");
    }

    @Test
    void aRunningIndexBuildShowsItsProgressThenTheCount() {
        assertThat(cli.run("-e", "INSERT INTO users (pk, name) VALUES ('u3', 'Cy'), ('u4', 'Di'), ('u5', 'Ed'),"
                + " ('u6', 'Fa')")).as(cli.err()).isZero();
        assertThat(indexBuildScreen()).containsPattern(PROGRESS_THEN_COUNT);
    }

    @Test
    void aRunningIndexBuildOnAServerShowsItsProgressThenTheCount() throws Exception {
        try (Engine engine = Engine.open(dir.resolve("server"), EngineOptions.defaults())) {
            SkiffServer server = SkiffServer.start(engine, "127.0.0.1", 0, Duration.ofMinutes(5));
            try {
                String[] remote = {"--url", "jdbc:skiff://127.0.0.1:" + server.port()};
                assertThat(cli.run("--url", remote[1], "-e", "CREATE TABLE users (pk VARCHAR, name VARCHAR,"
                        + " PRIMARY KEY (pk)); INSERT INTO users (pk, name) VALUES ('u1', 'Ova'), ('u2', 'Bo'),"
                        + " ('u3', 'Cy'), ('u4', 'Di'), ('u5', 'Ed'), ('u6', 'Fa')")).as(cli.err()).isZero();
                assertThat(indexBuildScreen(remote)).containsPattern(PROGRESS_THEN_COUNT);
            } finally {
                server.stop(Duration.ofSeconds(5));
            }
        }
    }

    /**
     * The screen of a session that creates an index over 6 items, whose build pauses after 3 of
     * them until its progress line reaches the screen.
     */
    private String indexBuildScreen(String... args) {
        try (GatedIndexPlugin.Gate gate = GatedIndexPlugin.arm(3)) {
            return cli.interactive("CREATE INDEX by_gate ON users USING gated (name);\n",
                    raw -> new FilterOutputStream(raw) {
                        private final StringBuilder seen = new StringBuilder();

                        @Override
                        public void write(byte[] bytes, int offset, int length) throws IOException {
                            super.write(bytes, offset, length);
                            seen.append(new String(bytes, offset, length, UTF_8));
                            if (seen.indexOf("building by_gate on users: 3 ") >= 0) {
                                gate.close();
                            }
                        }
                    }, args);
        }
    }

    @Test
    void aScriptGetsTheCountAloneWithoutAProgressLine() {
        assertThat(cli.run("-e", "CREATE INDEX by_name ON users USING trigram (name)")).as(cli.err()).isZero();
        assertThat(cli.out()).isEqualTo("OK, 2 items indexed\n");
    }
}
