package io.skiff.repl.bulk;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A progress bar (or any status line, {@link #show}) redrawn in place on one terminal line:
 * {@code [#########-----------]  45%  45,000 rows  9,000 rows/s  ETA 0:06}. Without a known
 * total it shows the rows and the rate only. It redraws at most ten times a second, and is
 * wiped when the work ends so that the summary stands alone.
 */
public final class Progress {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 20;

    private final PrintWriter out;
    private final LongSupplier clock;
    private final long started;
    private long drawn;
    private int shownLength;

    private Progress(PrintWriter out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.started = clock.getAsLong();
        // As if drawn a while ago, so that the first update draws at once.
        this.drawn = started - REDRAW_NANOS;
    }

    /** A progress bar on a terminal's writer. */
    public static Progress on(PrintWriter terminal) {
        return new Progress(terminal, System::nanoTime);
    }

    /** A progress bar on {@code out} with its own clock (nanoseconds), for tests. */
    static Progress on(PrintWriter out, LongSupplier clock) {
        return new Progress(out, clock);
    }

    /** No progress bar: for output that is not a terminal. */
    public static Progress none() {
        return new Progress(null, () -> 0L);
    }

    /**
     * Shows the progress.
     *
     * @param rows     rows done
     * @param fraction how much of the work is done, from 0 to 1, or NaN when unknown
     */
    public void update(long rows, double fraction) {
        if (out == null) {
            return;
        }
        long now = clock.getAsLong();
        if (now - drawn < REDRAW_NANOS) {
            return;
        }
        drawn = now;
        show(line(rows, fraction, now - started));
    }

    /**
     * Redraws the line as {@code line}, at once: for callers that set their own pace and their
     * own text, such as a poller of an index build. The line should fit the terminal's width.
     */
    public void show(String line) {
        if (out == null) {
            return;
        }
        out.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
        out.flush();
        shownLength = line.length();
    }

    /** Wipes the bar. */
    public void finish() {
        if (out == null || shownLength == 0) {
            return;
        }
        out.print("\r" + " ".repeat(shownLength) + "\r");
        out.flush();
        shownLength = 0;
    }

    /** The text of the bar after {@code elapsedNanos}. */
    static String line(long rows, double fraction, long elapsedNanos) {
        StringBuilder line = new StringBuilder();
        double seconds = elapsedNanos / 1e9;
        boolean known = !Double.isNaN(fraction);
        if (known) {
            double done = Math.max(0, Math.min(1, fraction));
            int filled = (int) Math.round(done * BAR_WIDTH);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", (int) Math.floor(done * 100)));
        }
        line.append(count(rows)).append(rows == 1 ? " row" : " rows");
        if (seconds > 0) {
            line.append("  ").append(count(Math.round(rows / seconds))).append(" rows/s");
        }
        if (known && fraction > 0 && fraction < 1 && seconds > 0) {
            line.append("  ETA ").append(duration(seconds * (1 - fraction) / fraction));
        }
        return line.toString();
    }

    /** A count with thousands separators: 1,234,567. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Seconds as {@code m:ss}, or {@code h:mm:ss} from an hour on. */
    static String duration(double seconds) {
        long total = Math.round(seconds);
        long hours = total / 3600;
        long minutes = total % 3600 / 60;
        long secs = total % 60;
        return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
                : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }

    /** A rate and time for a summary: {@code 1.2 s (8,332 rows/s)}. */
    static String rate(long rows, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        String time = String.format(Locale.ROOT, "%.1f s", seconds);
        return seconds > 0 ? time + " (" + count(Math.round(rows / seconds)) + " rows/s)" : time;
    }
}
