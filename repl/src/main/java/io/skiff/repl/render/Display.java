package io.skiff.repl.render;

/**
 * What the rows are shown on.
 *
 * @param width terminal columns a table may take before its widest values are cut, or 0 for no
 *              limit (files, pipes, anything but a terminal)
 * @param ansi  whether ANSI styles may be used, to set SQL NULL apart from the text {@code NULL}
 */
public record Display(int width, boolean ansi) {

    /** A file or a pipe: no width limit, no styles. */
    public static final Display PLAIN = new Display(0, false);
}
