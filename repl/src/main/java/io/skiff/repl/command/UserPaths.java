package io.skiff.repl.command;

import java.nio.file.Path;

/** File names as people type them in commands. */
public final class UserPaths {

    private UserPaths() {
    }

    /** {@code name} as a path; a leading {@code ~/} stands for the home directory, as in a shell. */
    public static Path of(String name) {
        if (name.equals("~") || name.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + name.substring(1));
        }
        return Path.of(name);
    }
}
