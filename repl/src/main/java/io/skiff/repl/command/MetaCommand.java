package io.skiff.repl.command;

import java.util.List;

/** A command the shell runs itself, such as {@code \d users}, rather than sending it to the database. */
public interface MetaCommand {

    /** The name, with its backslash: {@code \d}. */
    String name();

    /** Other names for it: {@code \h} for {@code \?}. */
    default List<String> aliases() {
        return List.of();
    }

    /** The arguments as help shows them, such as {@code TABLE FILE}; empty for none. */
    String arguments();

    /** What it does, in one line. */
    String summary();

    /** What its arguments are, for completion. */
    ArgumentKind argumentKind();

    /** Whether it works in this version; help marks the ones that do not. */
    default boolean available() {
        return true;
    }

    /**
     * Runs the command.
     *
     * @param invocation how it was called: its arguments, also as the raw text after its name
     *
     * @return true when it succeeded; false when it failed and has reported why itself
     * @throws CommandException when it was used wrongly or could not work, reported as one line
     * @throws Exception        any other failure, reported like a failed statement
     */
    boolean run(Invocation invocation, CommandContext context) throws Exception;
}
