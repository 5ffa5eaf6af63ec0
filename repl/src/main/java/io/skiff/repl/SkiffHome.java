package io.skiff.repl;

import java.nio.file.Path;

/**
 * Where the shell keeps its defaults. The directory is {@code $SKIFF_HOME} when that is set,
 * else {@code ~/.skiff}; it holds the default database ({@code data/}). The history file is
 * {@code $SKIFF_HISTORY} when that is set, else {@code history} in {@code $SKIFF_HOME} when that
 * is set, else {@code ~/.skiff_history}, where shells keep their histories.
 *
 * @param dir         the directory
 * @param historyFile the file of the interactive shell's history
 */
public record SkiffHome(Path dir, Path historyFile) {

    /** A home whose history is the file {@code history} in it, as when {@code SKIFF_HOME} is set. */
    public SkiffHome(Path dir) {
        this(dir, dir.resolve("history"));
    }

    /** The home named by the environment of this process. */
    public static SkiffHome fromEnvironment() {
        return of(System.getenv("SKIFF_HOME"), System.getenv("SKIFF_HISTORY"), System.getProperty("user.home"));
    }

    /**
     * The home for a value of {@code SKIFF_HOME} ({@code null} or blank when unset) and the
     * user's home directory.
     */
    public static SkiffHome of(String skiffHome, String userHome) {
        return of(skiffHome, null, userHome);
    }

    /**
     * The home for values of {@code SKIFF_HOME} and {@code SKIFF_HISTORY} ({@code null} or blank
     * when unset) and the user's home directory.
     */
    public static SkiffHome of(String skiffHome, String skiffHistory, String userHome) {
        SkiffHome home = isSet(skiffHome) ? new SkiffHome(Path.of(skiffHome).toAbsolutePath())
                : new SkiffHome(Path.of(userHome, ".skiff").toAbsolutePath(),
                        Path.of(userHome, ".skiff_history").toAbsolutePath());
        return isSet(skiffHistory) ? new SkiffHome(home.dir(), Path.of(skiffHistory).toAbsolutePath()) : home;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The directory of the database the shell opens when given no URL. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** The URL the shell connects to when given no {@code --url}: the embedded, durable database in {@link #dataDir()}. */
    public String defaultUrl() {
        return "jdbc:skiff:file:" + dataDir();
    }
}
