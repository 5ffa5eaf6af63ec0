package io.skiff.repl;

import java.util.Locale;
import java.util.Optional;

/** Input the shell handles itself instead of sending it to the database. */
enum ShellCommand {
    /** Leave the shell. */
    QUIT,
    /** Show what the shell understands. */
    HELP;

    /**
     * The command a whole input is, if it is one: {@code \q}, {@code quit} or {@code exit} to
     * leave, {@code \?}, {@code \h} or {@code help} for help, in any case and with or without a
     * {@code ;}. None of these is SQL, so taking them never hides a statement.
     */
    static Optional<ShellCommand> parse(String input) {
        String word = input.strip();
        if (word.endsWith(";")) {
            word = word.substring(0, word.length() - 1).strip();
        }
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "\\q", "quit", "exit" -> Optional.of(QUIT);
            case "\\?", "\\h", "help" -> Optional.of(HELP);
            default -> Optional.empty();
        };
    }
}
