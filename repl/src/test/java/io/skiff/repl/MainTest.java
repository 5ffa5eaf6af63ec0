package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> urls = new ArrayList<>();

    /** Runs the command against a connector that records the URL and refuses to connect. */
    private int run(String... args) {
        Connector refusing = url -> {
            urls.add(url);
            throw new SQLException("[ENGINE_CLOSED] Cannot open " + url, "55000");
        };
        SkiffHome home = new SkiffHome(dir.resolve("home"));
        return new Main(home, refusing, new ByteArrayInputStream(new byte[0]), false, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8)).run(args);
    }

    @Test
    void helpListsTheFlagsAndTheDefaultDirectory() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(UTF_8)).startsWith("Usage: skiff")
                .contains("--url=URL", "-e, --execute=SQL", "-f, --file=FILE", "--format=FORMAT", "--debug", "--continue-on-error",
                        "$SKIFF_HOME/data", "~/.skiff/data");
        assertThat(urls).isEmpty();
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString(UTF_8)).startsWith("skiff " + Version.current());
        assertThat(Version.current()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void withoutUrlItOpensTheDataDirectoryOfTheHome() {
        assertThat(run("-e", "SELECT 1")).isEqualTo(Main.FAILED);
        String url = "jdbc:skiff:file:" + dir.resolve("home").resolve("data");
        assertThat(urls).containsExactly(url);
        assertThat(Files.isDirectory(dir.resolve("home"))).isTrue();
        assertThat(err.toString(UTF_8)).isEqualTo("ERROR ENGINE_CLOSED (55000): Cannot open " + url + System.lineSeparator());
    }

    @Test
    void urlChoosesTheDatabase() {
        run("--url", "jdbc:skiff:mem:", "-e", "SELECT 1");
        assertThat(urls).containsExactly("jdbc:skiff:mem:");
    }

    @Test
    void anUnreadableFileFailsBeforeConnecting() {
        assertThat(run("--url", "jdbc:skiff:mem:", "-e", "SELECT 1", "-f", dir.resolve("nope.sql").toString()))
                .isEqualTo(Main.FAILED);
        assertThat(urls).isEmpty();
        assertThat(err.toString(UTF_8)).isEqualTo("ERROR: No such file: " + dir.resolve("nope.sql") + System.lineSeparator());
    }

    @Test
    void badFlagsExitWithTwoAndOneLineOfAdvice() {
        assertThat(run("--format", "xml")).isEqualTo(2);
        assertThat(err.toString(UTF_8)).contains("unknown format 'xml'; expected one of table, vertical, csv, json, jsonl")
                .contains("Try 'skiff --help'").doesNotContain("Usage:");
        assertThat(urls).isEmpty();
    }

    @Test
    void debugAddsTheStackTrace() {
        run("--debug", "--url", "jdbc:skiff:mem:", "-e", "SELECT 1");
        assertThat(err.toString(UTF_8)).startsWith("ERROR ENGINE_CLOSED (55000)").contains("java.sql.SQLException", "\tat ");
    }
}
