package io.skiff.repl;

import io.skiff.repl.complete.SqlWords;

/** How table and column names are written in SQL the shell makes. */
public final class Identifiers {

    private Identifiers() {
    }

    /** {@code name} in double quotes, inner quotes doubled: always right, whatever the name. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * {@code name} as a person would type it: bare when it is a plain word that is no keyword
     * (names are case-sensitive and kept as written, so a bare name is the same name), quoted
     * otherwise ({@code "order"}, {@code "my-table"}).
     */
    public static String forTyping(String name) {
        return isPlain(name) && !SqlWords.isReserved(name) ? name : quote(name);
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || !SqlLexer.isWordStart(name.charAt(0))) {
            return false;
        }
        return name.chars().allMatch(c -> SqlLexer.isWordPart((char) c));
    }
}
