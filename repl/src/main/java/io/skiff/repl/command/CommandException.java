package io.skiff.repl.command;

/** A shell command used wrongly, or unable to do its job; the message says what to do instead. */
public final class CommandException extends Exception {

    /** A failure with a message for the user. */
    public CommandException(String message) {
        super(message);
    }

    /** A failure with a message for the user and its cause. */
    public CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
