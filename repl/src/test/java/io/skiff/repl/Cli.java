package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Runs the {@code skiff} command as a user would, against the real embedded driver and a real
 * database in a directory of the test: with arguments and piped input, or typing into an
 * interactive session on JLine's dumb terminal.
 */
final class Cli {

    private final Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Cli(Path dir) {
        this.dir = dir;
    }

    /** The URL of the test's durable database. */
    String url() {
        return "jdbc:skiff:file:" + dir.resolve("db");
    }

    SkiffHome home() {
        return new SkiffHome(dir.resolve("home"));
    }

    /** Runs {@code skiff --url <the test's database> args...} with nothing on standard input. */
    int run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code skiff --url <the test's database> args...} with {@code stdin} piped in. */
    int runWithInput(String stdin, String... args) {
        out.reset();
        err.reset();
        return main(new ByteArrayInputStream(stdin.getBytes(UTF_8)), false).run(withUrl(args));
    }

    private String[] withUrl(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    private Main main(ByteArrayInputStream stdin, boolean terminal) {
        return new Main(home(), DriverManager::getConnection, stdin, terminal, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
    }

    /** The screen of an interactive session into which {@code typed} was typed. */
    String interactive(String typed, String... args) {
        return interactive(typed, screen -> screen, args);
    }

    /**
     * The screen of an interactive session into which {@code typed} was typed; the screen's
     * stream is first passed through {@code watch}, which may act on the terminal (given by
     * {@link #terminal}) when something appears.
     */
    String interactive(String typed, Function<OutputStream, OutputStream> watch, String... args) {
        return interactive(Terminal.TYPE_DUMB, typed, watch, args);
    }

    /**
     * The screen of an interactive session on a terminal of {@code type}. JLine gives a
     * terminal of type {@code dumb} only self-insert and Enter; the same terminal class typed
     * {@code xterm} gets the whole Emacs key map: Tab completion, Ctrl-R and the rest.
     */
    String interactive(String type, String typed, Function<OutputStream, OutputStream> watch, String... args) {
        out.reset();
        err.reset();
        // A thread of its own: Ctrl-C interrupts the reading thread, and a stuck reader must fail the test.
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            ByteArrayOutputStream screen = new ByteArrayOutputStream();
            main(new ByteArrayInputStream(new byte[0]), true)
                    .withTerminal(() -> typing(type, typed, watch.apply(screen)))
                    .run(withUrl(args));
            return screen.toString(UTF_8);
        });
    }

    /** The terminal of the running interactive session. */
    final AtomicReference<Terminal> terminal = new AtomicReference<>();

    /**
     * A dumb terminal that reads {@code typed} as keys. Ctrl-C raises SIGINT, as on a real
     * terminal: a dumb terminal has no signal characters of its own, and with ISIG on, an unset
     * one would match end of input, so all are set.
     */
    Terminal typing(String type, String typed, OutputStream screen) throws IOException {
        Terminal created = new DumbTerminal("test", type, new ByteArrayInputStream(typed.getBytes(UTF_8)), screen, UTF_8);
        // Wide enough for the tests' tables; no height, so that nothing is paged.
        created.setSize(new Size(160, 0));
        Attributes attributes = created.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 'C' & 0x1f);
        attributes.setControlChar(Attributes.ControlChar.VQUIT, '\\' & 0x1f);
        attributes.setControlChar(Attributes.ControlChar.VSUSP, 'Z' & 0x1f);
        attributes.setControlChar(Attributes.ControlChar.VSTATUS, 'T' & 0x1f);
        // Ctrl-D on an empty line is end of input, as a real terminal's settings say.
        attributes.setControlChar(Attributes.ControlChar.VEOF, 'D' & 0x1f);
        created.setAttributes(attributes);
        terminal.set(created);
        return created;
    }

    String out() {
        return out.toString(UTF_8).replace("\r\n", "\n");
    }

    String err() {
        return err.toString(UTF_8);
    }
}
