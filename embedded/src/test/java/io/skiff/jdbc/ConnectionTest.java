package io.skiff.jdbc;

import static io.skiff.jdbc.JdbcAssertions.failsWithState;
import static io.skiff.jdbc.ScriptedSession.varchar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.sql.api.SqlStatement.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionTest extends JdbcFixture {

    static final String SELECT = "SELECT pk FROM items";
    static final String INSERT = "INSERT INTO items VALUE {'pk': 'a'}";
    static final String CREATE = "CREATE TABLE things (pk VARCHAR PRIMARY KEY)";

    @BeforeEach
    void script() {
        session.query(SELECT, List.of(varchar("pk")), List.of(List.of("a")))
                .update(INSERT, Kind.DML, 1)
                .update(CREATE, Kind.DDL, 0);
    }

    @Test
    void autocommitIsTheOnlyMode() throws SQLException {
        assertThat(connection.getAutoCommit()).isTrue();
        connection.setAutoCommit(true);
        assertThatThrownBy(() -> connection.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessage("Transactions are not available yet; Skiff runs every statement in autocommit mode");
        assertThat(connection.getAutoCommit()).isTrue();
        failsWithState("25000", connection::commit).hasMessageContaining("autocommit");
        failsWithState("25000", connection::rollback).hasMessageContaining("autocommit");
        assertThatThrownBy(connection::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Savepoints");
        assertThatThrownBy(() -> connection.rollback(null)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
        connection.setTransactionIsolation(Connection.TRANSACTION_NONE);
        assertThatThrownBy(() -> connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("autocommit");
    }

    @Test
    void aReadOnlyConnectionRefusesWritesBeforeRunningThem() throws SQLException {
        connection.setReadOnly(true);
        assertThat(connection.isReadOnly()).isTrue();
        Statement statement = connection.createStatement();
        failsWithState("25006", () -> statement.executeUpdate(INSERT)).hasMessageContaining("DML");
        failsWithState("25006", () -> statement.execute(CREATE)).hasMessageContaining("DDL");
        try (ResultSet rows = statement.executeQuery(SELECT)) {
            assertThat(rows.next()).isTrue();
        }
        assertThat(session.executions).extracting(ScriptedSession.Execution::sql).containsExactly(SELECT);
        connection.setReadOnly(false);
        assertThat(statement.executeUpdate(INSERT)).isEqualTo(1);
    }

    @Test
    void thereIsOneSchemaAndNoCatalog() throws SQLException {
        assertThat(connection.getSchema()).isEqualTo("skiff");
        connection.setSchema("skiff");
        connection.setSchema("SKIFF");
        failsWithState("3F000", () -> connection.setSchema("public"));
        assertThat(connection.getCatalog()).isNull();
        connection.setCatalog("ignored");
        assertThat(connection.getCatalog()).isNull();
    }

    @Test
    void closingClosesStatementsAndSessionOnce() throws SQLException {
        Statement statement = connection.createStatement();
        PreparedStatement prepared = connection.prepareStatement(SELECT);
        ResultSet rows = prepared.executeQuery();

        connection.close();

        assertThat(connection.isClosed()).isTrue();
        assertThat(statement.isClosed()).isTrue();
        assertThat(prepared.isClosed()).isTrue();
        assertThat(rows.isClosed()).isTrue();
        assertThat(session.closed).isTrue();
        assertThat(released).isTrue();
        released = false;
        connection.close();
        assertThat(released).as("released only once").isFalse();
        assertThat(connection.isValid(0)).isFalse();
        failsWithState("HY010", () -> statement.executeQuery(SELECT));
    }

    @Test
    void aClosedConnectionRefusesWorkWith08003() throws SQLException {
        connection.close();
        for (ThrowingCallable call : List.<ThrowingCallable>of(connection::createStatement,
                () -> connection.prepareStatement(SELECT), connection::getMetaData, connection::getAutoCommit,
                connection::commit, () -> connection.setReadOnly(true), connection::getSchema,
                connection::getClientInfo)) {
            failsWithState("08003", call).isInstanceOf(SQLNonTransientConnectionException.class)
                    .hasMessage("The connection is closed");
        }
        assertThatThrownBy(() -> connection.setClientInfo("ApplicationName", "x"))
                .isInstanceOf(SQLClientInfoException.class);
    }

    @Test
    void optionalFeaturesSkiffLacksAreNamed() {
        assertThatThrownBy(() -> connection.prepareCall("CALL p()")).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Stored procedures");
        assertThatThrownBy(() -> connection.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE,
                ResultSet.CONCUR_READ_ONLY)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Scrollable");
        assertThatThrownBy(() -> connection.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_UPDATABLE)).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Updatable");
        assertThatThrownBy(() -> connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.CLOSE_CURSORS_AT_COMMIT)).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("RETURNING");
        assertThatThrownBy(connection::createBlob).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Blob");
        assertThatThrownBy(connection::createClob).isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.createArrayOf("VARCHAR", new Object[0]))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
        assertThatThrownBy(() -> connection.setTypeMap(Map.of("t", String.class)))
                .isInstanceOf(SQLFeatureNotSupportedException.class);
    }

    @Test
    void acceptedOptionsWork() throws SQLException {
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                ResultSet.HOLD_CURSORS_OVER_COMMIT);
             PreparedStatement prepared = connection.prepareStatement(SELECT, Statement.NO_GENERATED_KEYS)) {
            assertThat(statement.getConnection()).isSameAs(connection);
            assertThat(prepared.getConnection()).isSameAs(connection);
        }
        assertThat(connection.getHoldability()).isEqualTo(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        connection.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThat(connection.nativeSQL(SELECT)).isEqualTo(SELECT);
        assertThat(connection.getTypeMap()).isEmpty();
        connection.setTypeMap(Map.of());
        assertThat((Object) connection.getWarnings()).isNull();
        assertThat(connection.isValid(5)).isTrue();
        failsWithState("HY024", () -> connection.isValid(-1));
        connection.setNetworkTimeout(Runnable::run, 1000);
        assertThat(connection.getNetworkTimeout()).isEqualTo(1000);
        assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
        assertThat(connection.isWrapperFor(Statement.class)).isFalse();
    }

    @Test
    void clientInfoIsKept() throws SQLException {
        connection.setClientInfo("ApplicationName", "tests");
        assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("tests");
        Properties replaced = new Properties();
        replaced.setProperty("ClientUser", "me");
        connection.setClientInfo(replaced);
        assertThat(connection.getClientInfo()).containsOnly(Map.entry("ClientUser", "me"));
        connection.setClientInfo("ClientUser", null);
        assertThat(connection.getClientInfo()).isEmpty();
    }

    @Test
    void abortClosesAtOnceAndReleasesOnTheExecutor() throws SQLException {
        List<Runnable> queued = new java.util.ArrayList<>();
        connection.abort(queued::add);
        assertThat(connection.isClosed()).isTrue();
        assertThat(released).isFalse();
        queued.forEach(Runnable::run);
        assertThat(released).isTrue();
        assertThat(session.closed).isTrue();
    }

    @Test
    void prepareFailuresAreReportedAtPrepareStatement() {
        failsWithState("42601", () -> connection.prepareStatement("SELEC nonsense"))
                .hasMessageContaining("line 1, column 1");
    }
}
