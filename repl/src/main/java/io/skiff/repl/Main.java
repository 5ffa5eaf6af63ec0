package io.skiff.repl;

import io.skiff.repl.output.Pagers;
import io.skiff.repl.render.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code skiff} command: runs statements given with {@code -e} / {@code -f} or piped on
 * standard input, or an interactive shell when standard input is a terminal.
 */
@Command(name = "skiff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = "The Skiff shell. With -e or -f, or with statements piped on standard input, it runs them in "
                + "order and stops at the first error; on a terminal it reads statements interactively.",
        footer = {
            "",
            "Without --url it opens the database in $SKIFF_HOME/data, or in ~/.skiff/data when SKIFF_HOME "
                    + "is not set (URL jdbc:skiff:file:<dir>). The interactive shell keeps its history in "
                    + "$SKIFF_HISTORY, else $SKIFF_HOME/history, else ~/.skiff_history.",
            "",
            "Exit status: 0 success, 1 a statement, a file or the connection failed, 2 a bad command line.",
            "",
            "For scripts against a skiff-server: skiff SUBCOMMAND --help, with SUBCOMMAND one of create-table, "
                    + "describe-table, list-tables, delete-table, put-item, get-item, update-item, delete-item, "
                    + "query, scan, execute-statement, explain, batch-write, transact-write (docs/cli.md)."})
public final class Main implements Callable<Integer> {

    /** Exit status when a statement, a script file or the connection failed. */
    static final int FAILED = 1;

    @Option(names = "--url", paramLabel = "URL",
            description = "JDBC URL to connect to, e.g. jdbc:skiff:file:DIR or jdbc:skiff:mem:")
    private String url;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = OutputFormatConverter.class,
            description = "Output format: table, vertical, csv, json or jsonl (default: table).")
    private OutputFormat format;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = Session.SQL, converter = DialectConverter.class,
            description = "Language of the statements: sql, or partiql for DynamoDB's dialect (default: sql).")
    private String dialect;

    @Option(names = "--continue-on-error",
            description = "Run every statement of the scripts even after one fails (the exit status is still 1).")
    private boolean continueOnError;

    @Option(names = "--debug", description = "Print the stack trace of each error.")
    private boolean debug;

    /** Reads one -e or -f argument into a script; files are read only once the command line is valid. */
    private interface ScriptArgument {
        Script read() throws IOException;
    }

    private final List<ScriptArgument> scriptArguments = new ArrayList<>();

    private final SkiffHome home;
    private final Connector connector;
    private final InputStream stdin;
    private final boolean stdinIsTerminal;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private TerminalFactory terminals = () -> TerminalBuilder.builder().system(true).dumb(true).build();

    /** Opens the terminal of an interactive session; the seam that lets tests type into the shell. */
    interface TerminalFactory {
        Terminal open() throws IOException;
    }

    /**
     * @param home            where the default database and the history are
     * @param connector       opens connections
     * @param stdin           standard input: statements when it is not a terminal, and for {@code -f -}
     * @param stdinIsTerminal whether standard input is a terminal, for an interactive shell
     * @param stdout          standard output
     * @param stderr          standard error
     */
    Main(SkiffHome home, Connector connector, InputStream stdin, boolean stdinIsTerminal, PrintStream stdout,
         PrintStream stderr) {
        this.home = home;
        this.connector = connector;
        this.stdin = stdin;
        this.stdinIsTerminal = stdinIsTerminal;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Uses {@code factory} for the terminal of an interactive session instead of the system's. */
    Main withTerminal(TerminalFactory factory) {
        this.terminals = factory;
        return this;
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
        // Java 17: a console exists exactly when standard input and output are both terminals.
        Main main = new Main(SkiffHome.fromEnvironment(), DriverManager::getConnection, System.in,
                System.console() != null, System.out, System.err);
        System.exit(main.run(args));
    }

    /** Runs the command; returns the exit status. */
    int run(String[] args) {
        CommandLine commandLine = new CommandLine(this);
        if (io.skiff.repl.cli.ApiCommands.wanted(args)) {
            io.skiff.repl.cli.CliIo streams = new io.skiff.repl.cli.CliIo(stdin, utf8(stdout, true),
                    utf8(stderr, true));
            for (Object subcommand : io.skiff.repl.cli.ApiCommands.all(streams, System.getenv())) {
                commandLine.addSubcommand(subcommand);
            }
        }
        return commandLine
                // @FILE is how JSON arguments name a file; picocli would otherwise read it as arguments.
                .setExpandAtFiles(false)
                .setOverwrittenOptionsAllowed(true)
                .setParameterExceptionHandler(Main::badCommandLine)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof io.skiff.core.error.SkiffException skiff) {
                        cmd.getErr().println("skiff: [" + skiff.code().name() + "] " + skiff.getMessage());
                        return 1;
                    }
                    throw e;
                })
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

    static final class DialectConverter implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String name = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals(Session.SQL) && !name.equals(Session.PARTIQL)) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a dialect; use sql or partiql");
            }
            return name;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = utf8(stderr, true);
        ErrorReporter errors = new ErrorReporter(err, debug);
        try {
            // Every file is read before connecting: a typo in the last -f must not leave the first half run.
            List<Script> scripts = readScripts();
            boolean interactive = scripts.isEmpty() && stdinIsTerminal;
            if (scripts.isEmpty() && !interactive) {
                scripts.add(Script.read(Script.STDIN, stdin));
            }
            if (url == null || interactive) {
                Files.createDirectories(home.dir());
            }
            String target = url == null ? home.defaultUrl() : url;
            return interactive ? interactive(target, errors, err) : runScripts(scripts, target, errors, err);
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

    private int runScripts(List<Script> scripts, String target, ErrorReporter errors, PrintWriter err)
            throws SQLException {
        // No flush per line: the runner flushes after each statement, and big results stay fast.
        PrintWriter out = utf8(stdout, false);
        try (Session session = new Session(connector, out, err, format, null, null)) {
            session.dialect(dialect);
            session.connect(target);
            Shell shell = new Shell(session, new JdbcSqlRunner(session), errors, continueOnError);
            boolean ok = true;
            for (Script script : scripts) {
                if (!shell.runScript(script.text(), script.source())) {
                    ok = false;
                    if (!continueOnError) {
                        break;
                    }
                }
            }
            return ok ? CommandLine.ExitCode.OK : FAILED;
        }
    }

    private int interactive(String target, ErrorReporter errors, PrintWriter err) throws IOException, SQLException {
        // The system terminal is built with dumb(true): an IDE console gets a plain terminal without a warning.
        try (Terminal terminal = terminals.open();
             Session session = new Session(connector, terminal.writer(), err, format, terminal,
                     Pagers.choose(System.getenv(), terminal).orElse(null))) {
            Shell shell = new Shell(session, new JdbcSqlRunner(session), errors, continueOnError);
            session.dialect(dialect);
            LineReader reader = ShellLineReader.create(terminal, home.historyFile(), shell);
            terminal.writer().println("skiff " + Version.current() + " on " + target);
            // The prompt comes at once; the database opens meanwhile and the first statement waits for it.
            session.connectInBackground(target, failure -> reader.printAbove(ErrorReporter.describe(failure)));
            shell.interactive(reader);
            return CommandLine.ExitCode.OK;
        }
    }

    // UTF-8 whatever the platform default: CSV and JSON written in a C locale must not lose characters.
    private static PrintWriter utf8(PrintStream stream, boolean flushEachLine) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), flushEachLine);
    }
}
