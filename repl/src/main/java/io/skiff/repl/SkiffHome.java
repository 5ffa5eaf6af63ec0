package io.skiff.repl;

import java.nio.file.Path;

/**
 * The directory where the shell keeps its defaults: {@code $SKIFF_HOME} when that is set, else
 * {@code ~/.skiff}. It holds the default database ({@code data/}) and the shell history
 * ({@code history}).
 *
 * @param dir the directory
 */
public record SkiffHome(Path dir) {

    /** The home named by the environment of this process. */
    public static SkiffHome fromEnvironment() {
        return of(System.getenv("SKIFF_HOME"), System.getProperty("user.home"));
    }

    /**
     * The home for a value of {@code SKIFF_HOME} ({@code null} or blank when unset) and the
     * user's home directory.
     */
    public static SkiffHome of(String skiffHome, String userHome) {
        return skiffHome == null || skiffHome.isBlank()
                ? new SkiffHome(Path.of(userHome, ".skiff").toAbsolutePath())
                : new SkiffHome(Path.of(skiffHome).toAbsolutePath());
    }

    /** The directory of the database the shell opens when given no URL. */
    public Path dataDir() {
        return dir.resolve("data");
    }

    /** The file the interactive shell keeps its history in. */
    public Path historyFile() {
        return dir.resolve("history");
    }

    /** The URL the shell connects to when given no {@code --url}: the embedded, durable database in {@link #dataDir()}. */
    public String defaultUrl() {
        return "jdbc:skiff:file:" + dataDir();
    }
}
