package io.skiff.repl.output;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jline.terminal.Terminal;

/** Chooses the pager of an interactive session. */
public final class Pagers {

    /**
     * How {@code less} is run: {@code -R} passes the styles of NULL through, {@code -S} keeps
     * each row on one line, {@code -F} leaves at once if the text fits after all and {@code -X}
     * leaves the text on the screen afterwards, where it can still be read.
     */
    static final List<String> LESS = List.of("less", "-R", "-S", "-F", "-X");

    private Pagers() {
    }

    /**
     * The pager named by {@code SKIFF_PAGER}, else by {@code PAGER}, else {@code less} when it
     * is on the {@code PATH}, else JLine's built-in one. A variable set to the empty string means
     * no pager at all.
     *
     * @param environment the environment variables
     * @param terminal    the terminal the built-in pager uses
     */
    public static Optional<Pager> choose(Map<String, String> environment, Terminal terminal) {
        return choose(environment, terminal, Pagers::onPath);
    }

    static Optional<Pager> choose(Map<String, String> environment, Terminal terminal,
                                  Function<String, Optional<Path>> which) {
        for (String variable : List.of("SKIFF_PAGER", "PAGER")) {
            String command = environment.get(variable);
            if (command != null) {
                List<String> words = Arrays.stream(command.strip().split("\\s+")).filter(w -> !w.isEmpty()).toList();
                return words.isEmpty() ? Optional.empty() : Optional.of(new ExternalPager(words, terminal.encoding()));
            }
        }
        if (which.apply(LESS.get(0)).isPresent()) {
            return Optional.of(new ExternalPager(LESS, terminal.encoding()));
        }
        return Optional.of(new BuiltInPager(terminal));
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
