package io.skiff.repl;

import io.skiff.repl.StatementSplitter.Statement;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The shell's loop: reads statements, hands each to a {@link SqlRunner} and reports failures.
 * A script stops at its first failure; the interactive loop reports it and reads on.
 */
public final class Shell {

    /** The prompt of a new input. */
    public static final String PROMPT = "skiff> ";
    /** The prompt of each further line of an unfinished statement; as wide as {@link #PROMPT}. */
    public static final String CONTINUATION_PROMPT = "    -> ";

    static final String GREETING = "End statements with ; (they may span lines). Type \\? for help, \\q to quit.";
    static final String HELP = String.join(System.lineSeparator(),
            "A statement ends with ; outside quotes and comments; it may span lines.",
            "Ctrl-C drops the input being typed, or cancels the running statement.",
            "  \\q, quit, exit, Ctrl-D   leave",
            "  \\?, \\h, help            show this help");

    private final SqlRunner runner;
    private final ErrorReporter errors;

    /**
     * @param runner runs each statement and writes its result
     * @param errors reports failed statements
     */
    public Shell(SqlRunner runner, ErrorReporter errors) {
        this.runner = runner;
        this.errors = errors;
    }

    /**
     * Runs every statement of a script in order; the last one needs no {@code ;}. Stops at the
     * first failure, since later statements usually depend on earlier ones.
     *
     * @param text   the script
     * @param source the file the script came from, named in error reports with the failing
     *               statement's line; {@code null} for text given on the command line
     * @return whether every statement succeeded
     */
    public boolean runScript(String text, String source) {
        for (Statement statement : StatementSplitter.split(text).all()) {
            String location = source == null ? null : "statement at " + source + ":" + statement.line();
            if (!run(statement, location)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads and runs statements until Ctrl-D or a quit command. A failed statement is reported
     * and skips the rest of that input; the loop goes on.
     */
    public void interactive(LineReader reader) {
        Terminal terminal = reader.getTerminal();
        PrintWriter out = terminal.writer();
        out.println(GREETING);
        out.flush();
        // Outside readLine (JLine handles Ctrl-C itself while reading), Ctrl-C cancels the statement.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> runner.cancel());
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    // Ctrl-D leaves the cursor after the prompt; the user's own shell prompt belongs on a new line.
                    out.println();
                    out.flush();
                    return;
                }
                Optional<ShellCommand> command = ShellCommand.parse(input);
                if (command.isPresent()) {
                    if (command.get() == ShellCommand.QUIT) {
                        return;
                    }
                    out.println(HELP);
                    out.flush();
                    continue;
                }
                runAll(StatementSplitter.split(input).all());
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private void runAll(List<Statement> statements) {
        for (Statement statement : statements) {
            if (!run(statement, null)) {
                return;
            }
        }
    }

    private boolean run(Statement statement, String location) {
        try {
            runner.execute(statement.text());
            return true;
        } catch (SQLException | RuntimeException e) {
            // A driver's unchecked failure is still only this statement's failure, not the shell's.
            errors.report(e, location);
            return false;
        }
    }
}
