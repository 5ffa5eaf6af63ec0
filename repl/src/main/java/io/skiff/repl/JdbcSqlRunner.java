package io.skiff.repl;

import io.skiff.repl.output.ResultSink;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs statements over the session's {@link java.sql.Connection}, of any driver: rows in the
 * session's format to where the session sends results, the time taken when timing is on.
 */
public final class JdbcSqlRunner implements SqlRunner {

    /**
     * Statements whose update count means nothing. JDBC reports 0 both for DDL and for DML that
     * changed no row, so only the first keyword tells them apart.
     */
    private static final Set<String> DDL_KEYWORDS = Set.of("CREATE", "DROP", "ALTER");
    private static final Pattern INDEX_CREATION = Pattern.compile("\\s*CREATE\\s+INDEX\\b", Pattern.CASE_INSENSITIVE);

    private final Session session;

    /** A runner of statements on {@code session}. */
    public JdbcSqlRunner(Session session) {
        this.session = session;
    }

    @Override
    public void execute(String sql) throws SQLException {
        session.lastSql(sql);
        long elapsed;
        Connection connection = session.connection();
        try (Statement statement = connection.createStatement(); ResultSink sink = session.openSink()) {
            session.running(statement);
            long start = System.nanoTime();
            boolean hasRows;
            // An index build may take minutes: the terminal shows how far it is until the statement returns.
            try (IndexBuildWatch watch = IndexBuildWatch.start(session, connection, sql)) {
                hasRows = statement.execute(sql);
            }
            if (hasRows) {
                try (ResultSet rows = statement.getResultSet()) {
                    session.format().renderer(sink.display()).render(new JdbcRowSource(rows, sink::abandoned), sink.rows());
                }
            } else {
                sink.confirmations().println(confirmation(sql, statement.getUpdateCount()));
                // Tables, or the attributes their items have, may have changed: completion looks again.
                session.schemaChanged();
            }
            // Rows written, not the time the user then spends in the pager.
            elapsed = System.nanoTime() - start;
        } finally {
            session.running(null);
        }
        if (session.timing()) {
            session.notices().println(timing(elapsed));
            session.notices().flush();
        }
    }

    /** How {@code \timing} reports a statement's time. */
    static String timing(long nanos) {
        return String.format(Locale.ROOT, "Time: %.3f ms", nanos / 1_000_000.0);
    }

    /** The line that confirms a statement that returned no rows. */
    static String confirmation(String sql, long updateCount) {
        if (updateCount >= 0 && INDEX_CREATION.matcher(sql).lookingAt()) {
            // Creating an index builds it: its count is the items filed, the build's progress report.
            return "OK, " + updateCount + (updateCount == 1 ? " item" : " items") + " indexed";
        }
        if (updateCount < 0 || DDL_KEYWORDS.contains(firstKeyword(sql))) {
            return "OK";
        }
        return "OK, " + updateCount + (updateCount == 1 ? " row affected" : " rows affected");
    }

    private static String firstKeyword(String sql) {
        String text = sql.stripLeading();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
