package io.skiff.repl.command;

/**
 * A command of a later version: help lists it under "Not available yet", and running it says
 * why, instead of "unknown command".
 *
 * @param name      the name, with its backslash
 * @param arguments the arguments it will take
 * @param summary   what it will do
 * @param reason    why it is not there yet, and what holds meanwhile
 */
record NotAvailableCommand(String name, String arguments, String summary, String reason) implements MetaCommand {

    @Override
    public ArgumentKind argumentKind() {
        return ArgumentKind.NONE;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public boolean run(Invocation invocation, CommandContext context) throws CommandException {
        throw new CommandException(name + " is not available yet: " + reason + ".");
    }
}
