package io.skiff.repl;

import io.skiff.jdbc.IndexBuild;
import io.skiff.jdbc.IndexBuilds;
import io.skiff.repl.bulk.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.terminal.Terminal;

/**
 * While a {@code CREATE INDEX} runs in an interactive session, one status line redrawn in place
 * every half second from the driver's {@link IndexBuilds}:
 * {@code building by_name on customers: 412,000 of ~1,000,000 items (41%)}; it is wiped before the
 * statement's confirmation. The statement stays on the shell's thread, so Ctrl-C cancels it as
 * any other; the watch asks on a thread of its own. Scripts and pipes get no watch.
 */
final class IndexBuildWatch implements AutoCloseable {

    /** How often the build is asked about; the first answer comes after one period, so a quick build shows nothing. */
    static final long POLL_MILLIS = 500;

    /** A bare name as typed, or a "quoted" one with "" for a quote. */
    private static final String NAME = "(\"(?:[^\"]|\"\")+\"|[^\\s\"(),;]+)";
    private static final Pattern CREATE_INDEX = Pattern.compile("\\s*CREATE\\s+INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + NAME + "\\s+ON\\s+" + NAME, Pattern.CASE_INSENSITIVE);

    private final Target target;
    private final IndexBuilds builds;
    private final Progress progress;
    private final IntSupplier width;
    /** Drawing and wiping take turns, so that nothing is drawn once the line is wiped. */
    private final Object screen = new Object();
    private volatile boolean closed;
    private volatile boolean failed;
    private ScheduledExecutorService poller;

    /** The index a statement creates, by the names the statement gives it. */
    record Target(String index, String table) {

        /** The index {@code sql} creates, when it is a {@code CREATE INDEX}. */
        static Optional<Target> of(String sql) {
            // Comments before the statement (a script's header, say) do not hide it.
            int start = SqlLexer.tokenize(sql).stream().filter(SqlLexer.Token::significant)
                    .findFirst().map(SqlLexer.Token::start).orElse(sql.length());
            Matcher matcher = CREATE_INDEX.matcher(sql).region(start, sql.length());
            if (!matcher.lookingAt()) {
                return Optional.empty();
            }
            return Optional.of(new Target(unquote(matcher.group(1)), unquote(matcher.group(2))));
        }

        private static String unquote(String name) {
            return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
        }
    }

    /**
     * @param width the terminal's width in columns, read at each redraw (the user may resize it);
     *              0 or less for no limit
     */
    IndexBuildWatch(Target target, IndexBuilds builds, Progress progress, IntSupplier width) {
        this.target = target;
        this.builds = builds;
        this.progress = progress;
        this.width = width;
    }

    /**
     * A watch of the build {@code sql} starts, drawing on the session's terminal; a watch that
     * does nothing when the session has no terminal, the statement creates no index, or the
     * driver cannot report builds (another driver, or {@code connection} unable to say).
     */
    static IndexBuildWatch start(Session session, Connection connection, String sql) {
        Optional<Terminal> terminal = session.terminal();
        Optional<Target> target = Target.of(sql);
        if (terminal.isEmpty() || target.isEmpty()) {
            return inert();
        }
        IndexBuilds builds;
        try {
            if (!connection.isWrapperFor(IndexBuilds.class)) {
                return inert();
            }
            builds = connection.unwrap(IndexBuilds.class);
        } catch (SQLException e) {
            return inert();
        }
        Terminal shown = terminal.get();
        IndexBuildWatch watch = new IndexBuildWatch(target.get(), builds, Progress.on(shown.writer()), shown::getWidth);
        watch.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "skiff-index-progress");
            thread.setDaemon(true);
            return thread;
        });
        watch.poller.scheduleWithFixedDelay(watch::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        return watch;
    }

    private static IndexBuildWatch inert() {
        IndexBuildWatch watch = new IndexBuildWatch(null, List::of, Progress.none(), () -> 0);
        watch.closed = true;
        return watch;
    }

    /** Asks how far the build is and redraws the line; after a failure it asks no more. */
    void poll() {
        if (failed || closed) {
            return;
        }
        List<IndexBuild> now;
        try {
            now = builds.indexBuilds();
        } catch (SQLException | RuntimeException e) {
            // Progress is a courtesy: a server without ListIndexBuilds, or one that does not answer,
            // must not disturb the statement, which reports its own outcome.
            failed = true;
            return;
        }
        // Before the build starts (it waits for other DDL) and after it ends, the line stays as it was.
        Optional<String> line = line(target, now);
        synchronized (screen) {
            if (!closed && line.isPresent()) {
                progress.show(fit(line.get(), width.getAsInt()));
            }
        }
    }

    /**
     * The status line of the target's build among {@code builds}, if it is running:
     * {@code building by_name on customers: 412,000 of ~1,000,000 items (41%)}, or without the
     * total when there is no estimate or the build has passed it. On a node with several
     * partition groups, each builds in turn; the line follows the one building now.
     */
    static Optional<String> line(Target target, List<IndexBuild> builds) {
        for (IndexBuild build : builds) {
            if (build.table().equals(target.table()) && build.index().equals(target.index())) {
                String head = "building " + target.index() + " on " + target.table() + ": "
                        + Progress.count(build.itemsFiled());
                double done = build.fractionDone();
                return Optional.of(Double.isNaN(done) ? head + (build.itemsFiled() == 1 ? " item" : " items")
                        : head + " of ~" + Progress.count(build.estimatedItems()) + " items ("
                                + (int) Math.floor(done * 100) + "%)");
            }
        }
        return Optional.empty();
    }

    /** The line cut to one column less than the terminal, so that it never wraps and \r returns to its start. */
    static String fit(String line, int columns) {
        return columns > 1 && line.length() >= columns ? line.substring(0, columns - 1) : line;
    }

    /** Stops asking and wipes the line; it never waits for a question in flight. */
    @Override
    public void close() {
        synchronized (screen) {
            if (closed) {
                return;
            }
            closed = true;
            progress.finish();
        }
        if (poller != null) {
            poller.shutdown();
        }
    }
}
