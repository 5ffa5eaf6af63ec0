package io.skiff.repl.command;

import java.util.List;

/**
 * A shell command made of its description and a function, for commands whose work fits in a
 * method of a class that groups commands of one job.
 *
 * @param name         the name, with its backslash
 * @param aliases      other names
 * @param arguments    the arguments as help shows them
 * @param summary      what it does
 * @param argumentKind what its arguments are, for completion
 * @param action       what it does
 */
public record SimpleCommand(String name, List<String> aliases, String arguments, String summary,
                            ArgumentKind argumentKind, Action action) implements MetaCommand {

    /** The work of a command. */
    @FunctionalInterface
    public interface Action {
        /** See {@link MetaCommand#run}. */
        boolean run(Invocation invocation, CommandContext context) throws Exception;
    }

    @Override
    public boolean run(Invocation invocation, CommandContext context) throws Exception {
        return action.run(invocation, context);
    }
}
