package io.skiff.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement.cancel and query timeouts over the real embedded engine. */
class CancellationTest {

    private Connection connection;

    @BeforeEach
    void fill() throws SQLException {
        connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers (pk INTEGER, PRIMARY KEY (pk))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO numbers (pk) VALUES (?)")) {
            for (int i = 0; i < 1500; i++) {
                insert.setInt(1, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** A connection to a fresh database; the remote suite connects through a server instead. */
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:skiff:mem:");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void cancelFromAnotherThreadStopsTheRunningStatementsRows() throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pk FROM numbers")) {
            assertThat(rows.next()).isTrue();

            CompletableFuture.runAsync(() -> {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }).get();

            SQLException failure = catchThrowableOfType(SQLException.class, rows::next);
            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(SkiffErrors.codeOf(failure)).contains(ErrorCode.QUERY_CANCELLED);
            assertThat(failure.getErrorCode()).isEqualTo(ErrorCode.QUERY_CANCELLED.number());
        }
    }

    @Test
    void theNextExecutionAfterACancelRunsNormally() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.cancel();
            try (ResultSet first = statement.executeQuery("SELECT COUNT(*) FROM numbers")) {
                assertThat(first.next()).isTrue();
                assertThat(first.getLong(1)).isEqualTo(1500);
            }
        }
    }

    @Test
    void aQueryTimeoutIsKeptAndQueriesWithinItSucceed() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(30);
            assertThat(statement.getQueryTimeout()).isEqualTo(30);
            try (ResultSet rows = statement.executeQuery("SELECT pk FROM numbers WHERE pk = 7")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        }
    }
}
