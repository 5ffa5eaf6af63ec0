package io.skiff.jdbc;

import io.skiff.sql.api.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A statement that runs SQL text given at execution time. */
final class SkiffStatement extends AbstractStatement {

    private final List<String> batch = new ArrayList<>();

    /** The dialect of its texts, or null for the connection's at each execution. */
    private final io.skiff.sql.api.Dialect dialect;

    SkiffStatement(SkiffConnection connection) {
        this(connection, null);
    }

    SkiffStatement(SkiffConnection connection, io.skiff.sql.api.Dialect dialect) {
        super(connection, false);
        this.dialect = dialect;
    }

    /** Prepares text that must carry no {@code ?} markers: a plain statement has nothing to bind them to. */
    private SqlStatement prepare(String sql) throws SQLException {
        if (sql == null) {
            throw DriverErrors.invalidArgument("The SQL text is null");
        }
        SqlStatement statement = connection.call(() -> connection.prepare(dialect, sql));
        if (!statement.parameters().isEmpty()) {
            throw DriverErrors.of(DriverErrors.PARAMETER_NOT_SET, "The statement has " + statement.parameters().size()
                    + " parameter markers (?); run it through a PreparedStatement to give them values");
        }
        return statement;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        checkOpen();
        return run(prepare(sql), List.of(), Expect.ANYTHING);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        checkOpen();
        run(prepare(sql), List.of(), Expect.ROWS);
        return getResultSet();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        checkOpen();
        run(prepare(sql), List.of(), Expect.COUNT);
        return getLargeUpdateCount();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        if (sql == null) {
            throw DriverErrors.invalidArgument("The SQL text is null");
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /** Each text is prepared when its turn comes, so a failing one leaves the ones before it applied. */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<BatchCommand> commands = new ArrayList<>(batch.size());
        for (String sql : batch) {
            commands.add(() -> updateCountOf(executeChecked(prepare(sql), List.of(), Expect.COUNT)));
        }
        batch.clear();
        return runBatch(commands);
    }
}
