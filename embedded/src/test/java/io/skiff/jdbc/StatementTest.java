package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static io.skiff.jdbc.ScriptedSession.column;
import static io.skiff.jdbc.ScriptedSession.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.sql.api.SqlStatement.Kind;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest extends JdbcFixture {

    static final String SELECT = "SELECT pk, n FROM items";
    static final String INSERT_A = "INSERT INTO items VALUE {'pk': 'a'}";
    static final String INSERT_B = "INSERT INTO items VALUE {'pk': 'b'}";
    static final String DUPLICATE = "INSERT INTO items VALUE {'pk': 'dup'}";
    static final String CREATE = "CREATE TABLE things (pk VARCHAR PRIMARY KEY)";

    Statement statement;

    @BeforeEach
    void script() throws SQLException {
        session.query(SELECT, List.of(varchar("pk"), column("n", Types.DECIMAL, "DECIMAL")),
                        List.of(List.of("a", new BigDecimal("1")), List.of("b", new BigDecimal("2")),
                                List.of("c", new BigDecimal("3"))))
                .update(INSERT_A, Kind.DML, 1)
                .update(INSERT_B, Kind.DML, 2)
                .update(CREATE, Kind.DDL, 0)
                .failingUpdate(DUPLICATE, new SkiffException(ErrorCode.DUPLICATE_ITEM, "Duplicate item: pk='dup'"));
        statement = connection.createStatement();
    }

    @Test
    void executeQueryReturnsTheRowsOfTheSession() throws SQLException {
        try (ResultSet rows = statement.executeQuery(SELECT)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("a");
            assertThat(rows.getBigDecimal("n")).isEqualByComparingTo("1");
            assertThat(rows.getStatement()).isSameAs(statement);
        }
        assertThat(session.executions).containsExactly(new ScriptedSession.Execution(SELECT, List.of()));
    }

    @Test
    void executeSaysWhetherThereAreRowsAndKeepsTheResult() throws SQLException {
        assertThat(statement.execute(SELECT)).isTrue();
        assertThat(statement.getResultSet()).isNotNull();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(statement.getResultSet()).isNull();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);

        assertThat(statement.execute(INSERT_B)).isFalse();
        assertThat(statement.getResultSet()).isNull();
        assertThat(statement.getUpdateCount()).isEqualTo(2);
        assertThat(statement.getLargeUpdateCount()).isEqualTo(2);
        assertThat(statement.getMoreResults()).isFalse();
        assertThat(statement.getUpdateCount()).isEqualTo(-1);
    }

    @Test
    void executeUpdateReturnsTheCountAndZeroForDdl() throws SQLException {
        assertThat(statement.executeUpdate(INSERT_B)).isEqualTo(2);
        assertThat(statement.executeLargeUpdate(INSERT_A)).isEqualTo(1);
        assertThat(statement.executeUpdate(CREATE)).isZero();
        assertThat(statement.executeUpdate(INSERT_A, Statement.NO_GENERATED_KEYS)).isEqualTo(1);
    }

    @Test
    void executeQueryRefusesStatementsWithoutRowsBeforeRunningThem() {
        failsWithState("07005", () -> statement.executeQuery(INSERT_A)).hasMessageContaining("executeUpdate");
        assertThat(session.executions).isEmpty();
    }

    @Test
    void executeUpdateRefusesQueriesBeforeRunningThem() {
        failsWithState("07003", () -> statement.executeUpdate(SELECT)).hasMessageContaining("executeQuery");
        assertThat(session.executions).isEmpty();
    }

    @Test
    void parameterMarkersNeedAPreparedStatement() {
        session.query("SELECT pk FROM items WHERE pk = ?", List.of(varchar("pk")), List.of());
        failsWithState("07001", () -> statement.executeQuery("SELECT pk FROM items WHERE pk = ?"))
                .hasMessageContaining("PreparedStatement");
    }

    @Test
    void runningAgainClosesThePreviousResultSet() throws SQLException {
        ResultSet first = statement.executeQuery(SELECT);
        statement.executeUpdate(INSERT_A);
        assertThat(first.isClosed()).isTrue();
        assertThat(session.cursors.get(0).closed).isTrue();
    }

    @Test
    void maxRowsCutsResultsShortAndFreesTheCursor() throws SQLException {
        statement.setMaxRows(2);
        assertThat(statement.getMaxRows()).isEqualTo(2);
        try (ResultSet rows = statement.executeQuery(SELECT)) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.next()).isTrue();
            assertThat(rows.isLast()).isTrue();
            assertThat(rows.next()).isFalse();
            assertThat(session.cursors.get(0).closed).isTrue();
        }
        statement.setLargeMaxRows(0);
        try (ResultSet rows = statement.executeQuery(SELECT)) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
        failsWithState("HY024", () -> statement.setMaxRows(-1));
    }

    @Test
    void fetchSizeAndTimeoutAreAcceptedAsHints() throws SQLException {
        statement.setFetchSize(100);
        assertThat(statement.getFetchSize()).isEqualTo(100);
        statement.setFetchDirection(ResultSet.FETCH_FORWARD);
        assertThatThrownBy(() -> statement.setFetchDirection(ResultSet.FETCH_REVERSE))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        statement.setQueryTimeout(30);
        assertThat(statement.getQueryTimeout()).isEqualTo(30);
        try (ResultSet rows = statement.executeQuery(SELECT)) {
            assertThat(rows.getFetchSize()).isEqualTo(100);
        }
    }

    @Test
    void batchesRunInOrderAndReturnOneCountEach() throws SQLException {
        statement.addBatch(INSERT_A);
        statement.addBatch(INSERT_B);
        statement.addBatch(CREATE);
        assertThat(statement.executeBatch()).containsExactly(1, 2, 0);
        assertThat(session.executions).extracting(ScriptedSession.Execution::sql).containsExactly(INSERT_A, INSERT_B, CREATE);

        assertThat(statement.executeBatch()).as("the batch was emptied").isEmpty();
        statement.addBatch(INSERT_A);
        statement.clearBatch();
        assertThat(statement.executeLargeBatch()).isEmpty();
    }

    @Test
    void aFailingBatchStopsThereAndReportsWhatRan() throws SQLException {
        statement.addBatch(INSERT_A);
        statement.addBatch(DUPLICATE);
        statement.addBatch(INSERT_B);
        BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);
        assertThat(failure.getUpdateCounts()).containsExactly(1);
        assertThat(failure.getLargeUpdateCounts()).containsExactly(1L);
        assertThat(failure.getSQLState()).isEqualTo("23505");
        assertThat(failure.getMessage()).startsWith("[DUPLICATE_ITEM]").contains("batch command 2 of 3");
        assertThat(failure.getCause()).isInstanceOf(SQLIntegrityConstraintViolationException.class);
        assertThat(SkiffErrors.codeOf(failure)).contains(ErrorCode.DUPLICATE_ITEM);
        assertThat(session.executions).extracting(ScriptedSession.Execution::sql).containsExactly(INSERT_A, DUPLICATE);
        assertThat(statement.executeBatch()).as("the batch was emptied").isEmpty();
    }

    @Test
    void queriesFailInABatch() throws SQLException {
        statement.addBatch(SELECT);
        BatchUpdateException failure = catchThrowableOfType(BatchUpdateException.class, statement::executeBatch);
        assertThat(failure.getSQLState()).isEqualTo("07003");
        assertThat(session.executions).isEmpty();
    }

    @Test
    void closeOnCompletionClosesTheStatementWithItsResultSet() throws SQLException {
        statement.closeOnCompletion();
        assertThat(statement.isCloseOnCompletion()).isTrue();
        ResultSet rows = statement.executeQuery(SELECT);
        rows.close();
        assertThat(statement.isClosed()).isTrue();
    }

    @Test
    void closingTheStatementClosesItsResultSetAndCursor() throws SQLException {
        ResultSet rows = statement.executeQuery(SELECT);
        statement.close();
        assertThat(rows.isClosed()).isTrue();
        assertThat(session.cursors.get(0).closed).isTrue();
        statement.close();
    }

    @Test
    void aClosedStatementRefusesWorkWithHy010() throws SQLException {
        statement.close();
        assertThat(statement.isClosed()).isTrue();
        for (ThrowingCallable call : List.<ThrowingCallable>of(() -> statement.executeQuery(SELECT),
                () -> statement.execute(INSERT_A), () -> statement.addBatch(INSERT_A), statement::getResultSet,
                statement::getConnection, () -> statement.setMaxRows(1))) {
            failsWithState("HY010", call).hasMessage("The statement is closed");
        }
    }

    @Test
    void describesItselfAsForwardOnlyReadOnly() throws SQLException {
        assertThat(statement.getConnection()).isSameAs(connection);
        assertThat(statement.getResultSetType()).isEqualTo(ResultSet.TYPE_FORWARD_ONLY);
        assertThat(statement.getResultSetConcurrency()).isEqualTo(ResultSet.CONCUR_READ_ONLY);
        assertThat(statement.getResultSetHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat((Object) statement.getWarnings()).isNull();
        assertThat(statement.unwrap(Statement.class)).isSameAs(statement);
        assertThat(statement.isWrapperFor(ResultSet.class)).isFalse();
        assertThatThrownBy(() -> statement.unwrap(ResultSet.class)).isInstanceOf(SQLException.class);
    }

    @Test
    void unsupportedFeaturesSayWhatIsMissing() throws SQLException {
        assertThatThrownBy(() -> statement.setCursorName("c")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Named cursors");
        assertThatThrownBy(() -> statement.executeUpdate(INSERT_A, Statement.RETURN_GENERATED_KEYS))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("Generated keys");
        assertThatThrownBy(() -> statement.execute(INSERT_A, new int[] {1}))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> statement.setMaxFieldSize(10)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(session.executions).isEmpty();
        try (ResultSet keys = statement.getGeneratedKeys()) {
            assertThat(keys.next()).isFalse();
        }
    }
}
