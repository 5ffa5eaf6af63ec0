package io.skiff.repl.output;

import io.skiff.repl.render.Display;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Where the results of one statement go: its rows, its confirmation, and how they are shown. */
public final class ResultSink implements AutoCloseable {

    private final PrintWriter rows;
    private final PrintWriter confirmations;
    private final Display display;
    private final PagedWriter paged;

    /**
     * @param rows          where rows go
     * @param confirmations where {@code OK} lines and row counts of commands go
     * @param display       what the rows are shown on
     * @param paged         the pager-aware writer under {@code rows}, or {@code null}
     */
    public ResultSink(PrintWriter rows, PrintWriter confirmations, Display display, PagedWriter paged) {
        this.rows = rows;
        this.confirmations = confirmations;
        this.display = display;
        this.paged = paged;
    }

    public PrintWriter rows() {
        return rows;
    }

    public PrintWriter confirmations() {
        return confirmations;
    }

    public Display display() {
        return display;
    }

    /** Whether nobody reads further rows (the user left the pager): the statement may stop. */
    public boolean abandoned() {
        return paged != null && paged.abandoned();
    }

    /** Flushes everything; a paged result is shown until the user leaves the pager. */
    @Override
    public void close() {
        rows.flush();
        if (paged != null) {
            try {
                paged.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot run the pager: " + e.getMessage(), e);
            }
        }
        confirmations.flush();
    }
}
