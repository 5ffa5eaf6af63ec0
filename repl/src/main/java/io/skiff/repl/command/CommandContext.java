package io.skiff.repl.command;

import io.skiff.repl.ErrorReporter;
import io.skiff.repl.Session;
import io.skiff.repl.SqlRunner;
import io.skiff.repl.complete.Catalog;
import java.util.List;

/** What shell commands may use of the shell that runs them. */
public interface CommandContext {

    /** The session: connection, output, settings. */
    Session session();

    /** Runs SQL the way typed statements run. */
    SqlRunner sql();

    /** Reports failures the way failed statements are reported. */
    ErrorReporter errors();

    /** The tables, columns and sampled attributes of the database, cached. */
    Catalog catalog();

    /** Every command there is, for help. */
    List<MetaCommand> commands();

    /**
     * Runs the statements and commands of a script as {@code \i} does.
     *
     * @return whether all of them succeeded
     */
    boolean runScript(String text, String source);

    /** Ends the shell after this command. */
    void quit();
}
