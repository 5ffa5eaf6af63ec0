package io.skiff.repl;

import io.skiff.repl.render.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code skiff} command: runs statements given with {@code -e} / {@code -f}, or an interactive shell. */
@Command(name = "skiff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = "The Skiff shell. With -e or -f it runs those statements in order and stops at the "
                + "first error; without them it reads statements interactively.",
        footer = {
            "",
            "Without --url it opens the database in $SKIFF_HOME/data, or in ~/.skiff/data when SKIFF_HOME "
                    + "is not set (URL jdbc:skiff:file:<dir>). The interactive shell keeps its history in "
                    + "the same directory, in the file history.",
            "",
            "Exit status: 0 success, 1 a statement, a file or the connection failed, 2 a bad command line."})
public final class Main implements Callable<Integer> {

    /** Exit status when a statement, a script file or the connection failed. */
    static final int FAILED = 1;

    @Option(names = "--url", paramLabel = "URL",
            description = "JDBC URL to connect to, e.g. jdbc:skiff:file:DIR or jdbc:skiff:mem:")
    private String url;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = OutputFormatConverter.class,
            description = "Output format: table, csv, json or jsonl (default: table).")
    private OutputFormat format;

    @Option(names = "--debug", description = "Print the stack trace of each error.")
    private boolean debug;

    /** Reads one -e or -f argument into a script; files are read only once the command line is valid. */
    private interface ScriptArgument {
        Script read() throws IOException;
    }

    private final List<ScriptArgument> scriptArguments = new ArrayList<>();

    /** Opens a connection; the seam that lets tests see which URL the command connects to. */
    interface Connector {
        Connection connect(String url) throws SQLException;
    }

    private final SkiffHome home;
    private final Connector connector;
    private final InputStream stdin;
    private final PrintStream stdout;
    private final PrintStream stderr;

    Main(SkiffHome home, Connector connector, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        this.home = home;
        this.connector = connector;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    // Setters rather than list fields, so that -e and -f run in the order they were given.
    @Option(names = {"-e", "--execute"}, paramLabel = "SQL",
            description = "Run these statements (separated by ;) and exit. May be repeated.")
    void execute(String sql) {
        scriptArguments.add(() -> Script.inline(sql));
    }

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Run the statements of FILE (UTF-8; - for standard input) and exit. May be repeated.")
    void file(String file) {
        scriptArguments.add(() -> Script.read(file, stdin));
    }

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        Main main = new Main(SkiffHome.fromEnvironment(), DriverManager::getConnection, System.in, System.out, System.err);
        System.exit(main.run(args));
    }

    /** Runs the command; returns the exit status. */
    int run(String[] args) {
        return new CommandLine(this)
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(Main::badCommandLine)
                .setOut(utf8(stdout, true))
                .setErr(utf8(stderr, true))
                .execute(args);
    }

    // One line of what was wrong and where to look, instead of the whole usage text.
    private static int badCommandLine(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("skiff: " + e.getMessage());
        err.println("Try 'skiff --help' for more information.");
        return CommandLine.ExitCode.USAGE;
    }

    /** Reads {@code --format} by the names users type, so errors list them too. */
    static final class OutputFormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = utf8(stderr, true);
        ErrorReporter errors = new ErrorReporter(err, debug);
        try {
            // Every file is read before connecting: a typo in the last -f must not leave the first half run.
            List<Script> scripts = readScripts();
            if (url == null || scripts.isEmpty()) {
                Files.createDirectories(home.dir());
            }
            String target = url == null ? home.defaultUrl() : url;
            try (Connection connection = connector.connect(target)) {
                return scripts.isEmpty() ? interactive(connection, target, errors, err) : runScripts(scripts, connection, errors, err);
            }
        } catch (SQLException | IOException e) {
            errors.report(e);
            return FAILED;
        }
    }

    private List<Script> readScripts() throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (ScriptArgument argument : scriptArguments) {
            scripts.add(argument.read());
        }
        return scripts;
    }

    private int runScripts(List<Script> scripts, Connection connection, ErrorReporter errors, PrintWriter err) {
        // No flush per line: the runner flushes after each statement, and big results stay fast.
        PrintWriter out = utf8(stdout, false);
        Shell shell = new Shell(runner(connection, out, err), errors);
        for (Script script : scripts) {
            if (!shell.runScript(script.text(), script.source())) {
                return FAILED;
            }
        }
        return CommandLine.ExitCode.OK;
    }

    private int interactive(Connection connection, String target, ErrorReporter errors, PrintWriter err)
            throws IOException {
        // dumb(true): a pipe or an IDE console gets a plain terminal without JLine warning about it.
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            PrintWriter out = terminal.writer();
            out.println("skiff " + Version.current() + ", connected to " + target);
            new Shell(runner(connection, out, err), errors)
                    .interactive(ShellLineReader.create(terminal, home.historyFile()));
            return CommandLine.ExitCode.OK;
        }
    }

    private JdbcSqlRunner runner(Connection connection, PrintWriter out, PrintWriter err) {
        return new JdbcSqlRunner(connection, format.renderer(), out, format.confirmationsOnStdout() ? out : err);
    }

    // UTF-8 whatever the platform default: CSV and JSON written in a C locale must not lose characters.
    private static PrintWriter utf8(PrintStream stream, boolean flushEachLine) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), flushEachLine);
    }
}
