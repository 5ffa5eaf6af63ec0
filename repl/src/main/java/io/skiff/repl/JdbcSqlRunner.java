package io.skiff.repl;

import io.skiff.repl.render.ResultRenderer;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/** Runs statements over a {@link java.sql.Connection} of any driver. */
public final class JdbcSqlRunner implements SqlRunner {

    /**
     * Statements whose update count means nothing. JDBC reports 0 both for DDL and for DML that
     * changed no row, so only the first keyword tells them apart.
     */
    private static final Set<String> DDL_KEYWORDS = Set.of("CREATE", "DROP", "ALTER");

    private final Connection connection;
    private final ResultRenderer renderer;
    private final PrintWriter out;
    private final PrintWriter confirmations;
    private volatile Statement running;

    /**
     * @param connection    the connection statements run on; the caller closes it
     * @param renderer      how query rows are written
     * @param out           where query rows go
     * @param confirmations where {@code OK} lines go (standard output for tables, standard error
     *                      for machine formats)
     */
    public JdbcSqlRunner(Connection connection, ResultRenderer renderer, PrintWriter out, PrintWriter confirmations) {
        this.connection = connection;
        this.renderer = renderer;
        this.out = out;
        this.confirmations = confirmations;
    }

    @Override
    public void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            running = statement;
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    renderer.render(new JdbcRowSource(rows), out);
                }
            } else {
                confirmations.println(confirmation(sql, statement.getUpdateCount()));
            }
        } finally {
            running = null;
            out.flush();
            confirmations.flush();
        }
    }

    @Override
    public void cancel() {
        Statement statement = running;
        if (statement == null) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // A driver that cannot cancel leaves the statement to finish; there is nothing to report.
        }
    }

    /** The line that confirms a statement that returned no rows. */
    static String confirmation(String sql, int updateCount) {
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
