package io.skiff.repl;

import io.skiff.repl.StatementSplitter.Statement;
import io.skiff.repl.command.CommandContext;
import io.skiff.repl.command.CommandException;
import io.skiff.repl.command.Invocation;
import io.skiff.repl.command.MetaCommand;
import io.skiff.repl.command.MetaCommands;
import io.skiff.repl.complete.Catalog;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The shell's loop: reads statements and shell commands, runs SQL through a {@link SqlRunner}
 * and commands itself, and reports failures. A script stops at its first failure (unless told
 * to go on); the interactive loop reports it and reads on.
 */
public final class Shell implements CommandContext {

    /** The prompt of a new input. */
    public static final String PROMPT = "skiff> ";
    /** The prompt of each further line of an unfinished statement; as wide as {@link #PROMPT}. */
    public static final String CONTINUATION_PROMPT = "    -> ";

    static final String GREETING = "End statements with ; (they may span lines). Type \\? for help, \\q to quit.";
    /** How deep {@code \i} may nest, so that a script that includes itself ends. */
    static final int MAX_INCLUDE_DEPTH = 16;

    private final Session session;
    private final SqlRunner runner;
    private final ErrorReporter errors;
    private final boolean continueOnError;
    private final MetaCommands commands = MetaCommands.standard();
    private final Catalog catalog;
    private boolean quit;
    private int includeDepth;

    /**
     * @param session         the connection, output and settings
     * @param runner          runs each SQL statement and writes its result
     * @param errors          reports failures
     * @param continueOnError whether a script goes on after a failed statement
     */
    public Shell(Session session, SqlRunner runner, ErrorReporter errors, boolean continueOnError) {
        this.session = session;
        this.runner = runner;
        this.errors = errors;
        this.continueOnError = continueOnError;
        this.catalog = new Catalog(session);
    }

    /**
     * Runs every statement and command of a script in order; the last statement needs no
     * {@code ;}. Stops at the first failure (later statements usually depend on earlier ones)
     * unless the shell goes on after failures, and at {@code \q}.
     *
     * @param text   the script
     * @param source the file the script came from, named in error reports with the failing
     *               statement's line; {@code null} for text given on the command line
     * @return whether every statement succeeded
     */
    @Override
    public boolean runScript(String text, String source) {
        if (includeDepth >= MAX_INCLUDE_DEPTH) {
            errors.report(new CommandException("Scripts include each other more than " + MAX_INCLUDE_DEPTH
                    + " deep; is one including itself?"), source);
            return false;
        }
        includeDepth++;
        try {
            boolean ok = true;
            for (Statement statement : StatementSplitter.split(text).all()) {
                String location = source == null ? null
                        : (statement.meta() ? "command at " : "statement at ") + source + ":" + statement.line();
                if (!run(statement, location)) {
                    ok = false;
                    if (!continueOnError) {
                        return false;
                    }
                }
                if (quit) {
                    break;
                }
            }
            return ok;
        } finally {
            includeDepth--;
        }
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
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
        try {
            while (!quit) {
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
                Optional<ShellCommand> word = ShellCommand.parse(input);
                if (word.isPresent()) {
                    runCommand(word.get() == ShellCommand.QUIT ? "\\q" : "\\?", null);
                    continue;
                }
                for (Statement statement : StatementSplitter.split(input).all()) {
                    if (!run(statement, null) || quit) {
                        break;
                    }
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    private boolean run(Statement statement, String location) {
        session.resetCancel();
        if (statement.meta()) {
            return runCommand(statement.text(), location);
        }
        try {
            runner.execute(statement.text());
            return true;
        } catch (SQLException | RuntimeException e) {
            // A driver's unchecked failure is still only this statement's failure, not the shell's.
            errors.report(e, location, statement.text());
            return false;
        }
    }

    private boolean runCommand(String line, String location) {
        try {
            Invocation invocation = Invocation.parse(line);
            Optional<MetaCommand> command = commands.named(invocation.name());
            if (command.isEmpty()) {
                throw new CommandException("Unknown command " + invocation.name() + " (\\? lists the commands)");
            }
            return command.get().run(invocation, this);
        } catch (Exception e) {
            errors.report(e, location);
            return false;
        }
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public SqlRunner sql() {
        return runner;
    }

    @Override
    public ErrorReporter errors() {
        return errors;
    }

    @Override
    public Catalog catalog() {
        return catalog;
    }

    @Override
    public List<MetaCommand> commands() {
        return commands.all();
    }

    /** The shell commands, for completion. */
    public MetaCommands metaCommands() {
        return commands;
    }

    @Override
    public void quit() {
        quit = true;
    }
}
