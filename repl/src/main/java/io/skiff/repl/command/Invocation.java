package io.skiff.repl.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One call of a shell command, as typed: {@code \import users 'my file.csv' --stop-on-error}.
 *
 * @param name         the command's name with its backslash
 * @param rawArguments the text after the name, trimmed and without a trailing {@code ;}
 * @param arguments    that text cut into words at white space; quotes ({@code '...'} or
 *                     {@code "..."}, a doubled quote inside standing for one) keep white space
 *                     in a word and are removed
 */
public record Invocation(String name, String rawArguments, List<String> arguments) {

    /**
     * Reads a shell command line. A {@code ;} at its end is dropped: people end everything
     * with one out of habit, and no command takes one.
     *
     * @throws CommandException when a quote is not closed
     */
    public static Invocation parse(String line) throws CommandException {
        String text = line.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        int nameEnd = 0;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String raw = text.substring(nameEnd).strip();
        return new Invocation(text.substring(0, nameEnd), raw, words(raw));
    }

    private static List<String> words(String text) throws CommandException {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    word.append(c);
                    i++;
                } else if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                if (word == null) {
                    word = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    word.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new CommandException("Unterminated quote " + quote + " in the arguments");
        }
        if (word != null) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** The argument at {@code index}, if there is one. */
    public Optional<String> argument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /** The arguments that are not options ({@code --name}). */
    public List<String> positional() {
        return arguments.stream().filter(word -> !word.startsWith("--")).toList();
    }

    /** Whether the option {@code --name} was given. */
    public boolean option(String name) {
        return arguments.contains("--" + name);
    }

    /** The value of the option {@code --name=value}, if given. */
    public Optional<String> optionValue(String name) {
        String prefix = "--" + name + "=";
        return arguments.stream().filter(word -> word.startsWith(prefix)).map(word -> word.substring(prefix.length()))
                .reduce((first, last) -> last);
    }

    /**
     * Fails when an option other than {@code known} was given (with or without a value).
     *
     * @throws CommandException naming the unknown option
     */
    public void onlyOptions(String... known) throws CommandException {
        for (String word : arguments) {
            if (!word.startsWith("--")) {
                continue;
            }
            String option = word.substring(2).split("=", 2)[0];
            if (!Arrays.asList(known).contains(option)) {
                throw new CommandException("Unknown option --" + option + " of " + name);
            }
        }
    }

    /**
     * Fails unless the number of positional arguments is between {@code min} and {@code max}.
     *
     * @throws CommandException with the usage
     */
    public void expect(int min, int max, String usage) throws CommandException {
        int count = positional().size();
        if (count < min || count > max) {
            throw new CommandException("Usage: " + name + (usage.isEmpty() ? "" : " " + usage));
        }
    }
}
