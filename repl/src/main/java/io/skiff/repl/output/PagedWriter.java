package io.skiff.repl.output;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes to the screen, unless the text grows taller than the screen: then it starts a pager
 * and hands it everything, what came before and what follows. A result that fits is printed as
 * if there were no pager.
 *
 * <p>Lines longer than the screen is wide count as the rows they wrap to. When the user leaves
 * the pager before the end, the rest of the text is dropped and {@link #abandoned()} turns
 * true, so that the statement can stop producing rows nobody will read.
 */
public final class PagedWriter extends Writer {

    private final Writer screen;
    private final int height;
    private final int width;
    private final Pager pager;
    private final StringBuilder held = new StringBuilder();
    private int rows;
    private int lineColumns;
    private Writer paged;
    private volatile boolean abandoned;

    /**
     * @param screen where text that fits goes
     * @param height the rows of the screen that the text may take before paging
     * @param width  the columns of the screen
     * @param pager  the pager to start when the text is taller
     */
    public PagedWriter(Writer screen, int height, int width, Pager pager) {
        this.screen = screen;
        this.height = height;
        this.width = Math.max(1, width);
        this.pager = pager;
    }

    /** Whether the user left the pager before all the text was written. */
    public boolean abandoned() {
        return abandoned;
    }

    /** Whether the text was too tall and went to the pager. */
    public boolean paging() {
        return paged != null;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        if (abandoned) {
            return;
        }
        if (paged != null) {
            toPager(buffer, offset, length);
            return;
        }
        held.append(buffer, offset, length);
        count(buffer, offset, length);
        if (rows > height) {
            paged = pager.start();
            String text = held.toString();
            held.setLength(0);
            toPager(text.toCharArray(), 0, text.length());
        }
    }

    private void count(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (buffer[i] == '\n') {
                rows++;
                lineColumns = 0;
            } else if (++lineColumns > width) {
                rows++;
                lineColumns = 1;
            }
        }
    }

    private void toPager(char[] buffer, int offset, int length) {
        try {
            paged.write(buffer, offset, length);
        } catch (IOException e) {
            // The pager is gone (the user quit it): nobody reads the rest.
            abandoned = true;
        }
    }

    @Override
    public void flush() throws IOException {
        if (paged != null && !abandoned) {
            try {
                paged.flush();
            } catch (IOException e) {
                abandoned = true;
            }
        }
    }

    /** Prints what fitted on the screen, or lets the pager show the rest and waits for the user to leave it. */
    @Override
    public void close() throws IOException {
        if (paged == null) {
            screen.write(held.toString());
            held.setLength(0);
            screen.flush();
            return;
        }
        try {
            paged.close();
        } catch (IOException e) {
            abandoned = true;
        }
        pager.finish();
    }
}
