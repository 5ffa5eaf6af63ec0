package io.skiff.jdbc;

import io.skiff.sql.api.Interruption;
import io.skiff.sql.api.SqlResult;
import io.skiff.sql.api.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What plain and prepared statements share: running a prepared {@link SqlStatement}, keeping its
 * result, batches, settings and the lifecycle. Subclasses say where statements come from.
 */
abstract class AbstractStatement implements Statement {

    /** What the calling method promises its caller. */
    enum Expect {
        /** {@code execute}: rows or a count. */
        ANYTHING,
        /** {@code executeQuery}: rows. */
        ROWS,
        /** {@code executeUpdate} and batches: a count. */
        COUNT
    }

    /** One command of a batch; returns its update count. */
    @FunctionalInterface
    interface BatchCommand {
        long run() throws SQLException;
    }

    final SkiffConnection connection;
    private volatile boolean closed;
    private SkiffResultSet resultSet;
    private long updateCount = -1;
    private long maxRows;
    private int fetchSize;
    private int queryTimeoutSeconds;
    /** The interruption of the latest execution: what {@link #cancel()} stops, from any thread. */
    private volatile Interruption running;
    private boolean poolable;
    private boolean closeOnCompletion;

    AbstractStatement(SkiffConnection connection, boolean poolable) {
        this.connection = connection;
        this.poolable = poolable;
    }

    // ---- running -----------------------------------------------------------------------------

    /** Whether a statement answers with rows (queries, EXPLAIN, and mutations with RETURNING). */
    static boolean producesRows(SqlStatement statement) {
        return statement.kind() == SqlStatement.Kind.QUERY || statement.kind() == SqlStatement.Kind.EXPLAIN
                || !statement.columns().isEmpty();
    }

    /** Runs a statement and keeps its outcome as this statement's current result; true when it gave rows. */
    final boolean run(SqlStatement statement, List<Object> parameters, Expect expect) throws SQLException {
        checkOpen();
        discardResult();
        SqlResult result = executeChecked(statement, parameters, expect);
        if (expect == Expect.COUNT) {
            updateCount = updateCountOf(result);
            return false;
        }
        if (result instanceof SqlResult.Rows rows) {
            resultSet = new SkiffResultSet(this, rows.columns(), rows.cursor(), maxRows, fetchSize);
            return true;
        }
        if (expect == Expect.ROWS) {
            throw DriverErrors.of(DriverErrors.NOT_A_QUERY, "The statement returned an update count where rows"
                    + " were expected");
        }
        updateCount = ((SqlResult.UpdateCount) result).count();
        return false;
    }

    /**
     * Runs a statement after checking, before anything is changed, that it gives what the caller
     * expects and that the connection allows it.
     */
    final SqlResult executeChecked(SqlStatement statement, List<Object> parameters, Expect expect) throws SQLException {
        boolean rows = producesRows(statement);
        if (expect == Expect.ROWS && !rows) {
            throw DriverErrors.of(DriverErrors.NOT_A_QUERY, "The " + statement.kind()
                    + " statement returns no rows; run it with executeUpdate or execute");
        }
        if (expect == Expect.COUNT && rows) {
            throw DriverErrors.of(DriverErrors.QUERY_NOT_ALLOWED, "The " + statement.kind()
                    + " statement returns rows; run it with executeQuery or execute (batches take no queries)");
        }
        connection.checkWritable(statement);
        Interruption interruption = startExecution();
        return connection.call(() -> statement.execute(parameters, interruption));
    }

    /** The count of a result that must be one; rows that came instead are closed unread. */
    static long updateCountOf(SqlResult result) throws SQLException {
        if (result instanceof SqlResult.UpdateCount count) {
            return count.count();
        }
        SkiffErrors.perform(((SqlResult.Rows) result).cursor()::close);
        throw DriverErrors.of(DriverErrors.QUERY_NOT_ALLOWED, "The statement returned rows where an update count"
                + " was expected");
    }

    /** Runs commands in order and stops at the first failure: every statement commits on its own. */
    final long[] runBatch(List<BatchCommand> commands) throws SQLException {
        checkOpen();
        discardResult();
        long[] counts = new long[commands.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = commands.get(i).run();
            } catch (SQLException e) {
                throw new BatchUpdateException(e.getMessage() + " (batch command " + (i + 1) + " of " + counts.length
                        + "; the commands before it were applied)", e.getSQLState(), e.getErrorCode(),
                        Arrays.copyOf(counts, i), e);
            }
        }
        return counts;
    }

    /** Runs every parameter set of one prepared statement as one all-or-nothing batch. */
    final long[] runAtomicBatch(SqlStatement statement, List<List<Object>> parameterSets) throws SQLException {
        checkOpen();
        discardResult();
        if (parameterSets.isEmpty()) {
            return new long[0];
        }
        connection.checkWritable(statement);
        try {
            Interruption interruption = startExecution();
            return connection.call(() -> statement.executeBatch(parameterSets, interruption));
        } catch (SQLException e) {
            throw new BatchUpdateException(e.getMessage() + " (no command of the batch was applied)", e.getSQLState(),
                    e.getErrorCode(), new long[0], e);
        }
    }

    /** Counts for {@code executeBatch}: one too large for an int is reported as success without a count. */
    static int[] toIntCounts(long[] counts) {
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = counts[i] > Integer.MAX_VALUE ? Statement.SUCCESS_NO_INFO : (int) counts[i];
        }
        return result;
    }

    static int toIntCount(long count) throws SQLException {
        if (count > Integer.MAX_VALUE) {
            throw DriverErrors.of(DriverErrors.OUT_OF_RANGE, count + " items changed, more than an int holds;"
                    + " use executeLargeUpdate or getLargeUpdateCount");
        }
        return (int) count;
    }

    // ---- the statement-text methods, and their generated-keys variants ----------------------

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return toIntCount(executeLargeUpdate(sql));
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toIntCounts(executeLargeBatch());
    }

    private static void checkNoGeneratedKeys(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            throw generatedKeys();
        }
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw DriverErrors.invalidArgument("autoGeneratedKeys must be Statement.RETURN_GENERATED_KEYS or"
                    + " NO_GENERATED_KEYS, not " + autoGeneratedKeys);
        }
    }

    static SQLException generatedKeys() {
        return DriverErrors.notSupported("Generated keys (read written values back with RETURNING)");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return execute(sql);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeys();
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw generatedKeys();
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return executeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeys();
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw generatedKeys();
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        checkNoGeneratedKeys(autoGeneratedKeys);
        return executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw generatedKeys();
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        throw generatedKeys();
    }

    /** Skiff never generates keys for a statement, so there are none to report. */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new SkiffResultSet(null, List.of(), new ListCursor(List.of()), 0, 0);
    }

    // ---- results -----------------------------------------------------------------------------

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return toIntCount(getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return resultSet != null ? -1 : updateCount;
    }

    /** A statement has one result, so there are never more. */
    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(Statement.CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current == Statement.KEEP_CURRENT_RESULT) {
            resultSet = null;
            updateCount = -1;
        } else if (current == Statement.CLOSE_CURRENT_RESULT || current == Statement.CLOSE_ALL_RESULTS) {
            discardResult();
        } else {
            throw DriverErrors.invalidArgument("getMoreResults takes CLOSE_CURRENT_RESULT, KEEP_CURRENT_RESULT or"
                    + " CLOSE_ALL_RESULTS, not " + current);
        }
        return false;
    }

    private void discardResult() throws SQLException {
        SkiffResultSet previous = resultSet;
        resultSet = null;
        updateCount = -1;
        if (previous != null) {
            previous.close();
        }
    }

    /** Called by a result set of this statement when it closes. */
    void resultSetClosed(SkiffResultSet closedResult) throws SQLException {
        if (closeOnCompletion && closedResult == resultSet && !closed) {
            close();
        }
    }

    // ---- settings ----------------------------------------------------------------------------

    @Override
    public int getMaxRows() throws SQLException {
        return (int) Math.min(getLargeMaxRows(), Integer.MAX_VALUE);
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    /** Result sets opened later stop after this many rows; 0 means no limit. */
    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw DriverErrors.invalidArgument("The maximum number of rows must be 0 (no limit) or more, not " + max);
        }
        maxRows = max;
    }

    /** Advisory: the embedded engine hands rows over one at a time anyway. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw DriverErrors.invalidArgument("The fetch size must be 0 or more, not " + rows);
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw DriverErrors.notSupported("Fetch directions other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** Only 0 (no limit): values are never cut short. */
    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max != 0) {
            throw DriverErrors.notSupported("Field size limits (setMaxFieldSize other than 0)");
        }
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    /**
     * The interruption of an execution starting now: it can be cancelled, and it may spend the
     * query timeout inside Skiff (running, and producing the rows of its result set).
     */
    private Interruption startExecution() {
        Interruption interruption = Interruption.withBudget(Duration.ofSeconds(queryTimeoutSeconds));
        running = interruption;
        return interruption;
    }

    /**
     * The time the statement may spend inside Skiff per execution, counting the reading of its
     * result set but not the application's own time between rows; 0 means no limit. A statement
     * that runs past it fails with {@link java.sql.SQLTimeoutException} ({@code QUERY_TIMEOUT},
     * HYT00) and, if it was a write, has written nothing.
     */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw DriverErrors.invalidArgument("The query timeout must be 0 (none) or more seconds, not " + seconds);
        }
        queryTimeoutSeconds = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeoutSeconds;
    }

    /** Statement text goes to the SQL engine as written, whose parser reads JDBC escapes itself. */
    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    /**
     * Stops the current execution from another thread: it fails with {@code QUERY_CANCELLED}
     * (57014) at its next check (between rows, or between pages of a scan) and, if it was a
     * write, writes nothing; its result set, if any, fails on its next row. Later executions run
     * normally. Without a current execution this does nothing.
     */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        Interruption current = running;
        if (current != null) {
            current.cancel();
        }
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
        throw DriverErrors.notSupported("Named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    /** Closes the current result set too. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            discardResult();
        } finally {
            connection.statementClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw DriverErrors.closed("statement");
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return Wrappers.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return Wrappers.isWrapperFor(this, type);
    }
}
