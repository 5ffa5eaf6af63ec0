package io.skiff.repl.output;

import java.io.IOException;
import java.io.Writer;

/** A program that shows text a screen at a time, such as {@code less}. */
public interface Pager {

    /** Starts the pager; what is written to the returned writer is what it shows. */
    Writer start() throws IOException;

    /**
     * Waits until the user has left the pager. Called once, after the writer returned by
     * {@link #start()} has been closed.
     */
    void finish() throws IOException;
}
