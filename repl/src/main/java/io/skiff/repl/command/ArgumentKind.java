package io.skiff.repl.command;

/** What the arguments of a shell command are, so completion can offer the right names. */
public enum ArgumentKind {
    /** No arguments. */
    NONE,
    /** A table name. */
    TABLE,
    /** A table name, then a file name. */
    TABLE_THEN_FILE,
    /** A file name. */
    FILE,
    /** An output format name. */
    FORMAT,
    /** {@code on} or {@code off}. */
    ON_OFF,
    /** A dialect: {@code sql} or {@code partiql}. */
    DIALECT,
    /** A read consistency: {@code eventual} or {@code strong}. */
    CONSISTENCY,
    /** Anything else: a URL, a statement. */
    TEXT
}
