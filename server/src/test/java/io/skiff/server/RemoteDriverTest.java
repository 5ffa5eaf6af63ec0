package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.skiff.core.error.ErrorCode;
import io.skiff.jdbc.SessionSettings;
import io.skiff.jdbc.SkiffErrors;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the remote driver does: finding a server, frames and server-side cursors, sessions on the server. */
class RemoteDriverTest {

    private static RunningServer running;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers (pk INTEGER, label VARCHAR, PRIMARY KEY (pk))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO numbers (pk, label) VALUES (?, ?)")) {
                for (int i = 0; i < 2345; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "n" + i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(2345);
            }
        }
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aLargeResultComesInFramesAndItsCursorClosesWhenRead() throws SQLException {
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pk, label FROM numbers ORDER BY pk")) {
            int count = 0;
            while (rows.next()) {
                assertThat(rows.getInt(1)).isEqualTo(count);
                assertThat(rows.getString(2)).isEqualTo("n" + count);
                count++;
            }
            assertThat(count).isEqualTo(2345);
        }
    }

    @Test
    void closingAConnectionClosesItsSessionsOnTheServer() throws SQLException {
        int before = running.server.sessionCount();
        Connection connection = DriverManager.getConnection(running.jdbcUrl());
        connection.unwrap(SessionSettings.class).setDialect("partiql");
        assertThat(running.server.sessionCount()).isEqualTo(before + 2);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pk FROM numbers")) {
            assertThat(rows.next()).isTrue();
            // Left unread: closing the connection closes the cursor too.
        }
        connection.close();
        assertThat(running.server.sessionCount()).isEqualTo(before);
    }

    @Test
    void theFirstServerOfTheListThatAnswersIsUsed() throws Exception {
        String url = "jdbc:skiff://127.0.0.1:" + freePort() + ",127.0.0.1:" + running.server.port();
        try (Connection connection = DriverManager.getConnection(url);
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM numbers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(2345);
        }
    }

    @Test
    void noServerOrABadHostListFailsToConnectWithSqlState08001() throws Exception {
        SQLException refused = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection("jdbc:skiff://127.0.0.1:" + freePort()));
        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(refused.getMessage()).contains("unavailable");

        SQLException malformed = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection("jdbc:skiff://host:99999"));
        assertThat(malformed.getSQLState()).isEqualTo("08001");
        assertThat(malformed.getMessage()).contains("port of 1 to 65535");
    }

    @Test
    void partiqlRunsRemotelyAsItDoesEmbedded() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("dialect", "partiql");
        try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), properties);
             Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE numbers SET extra = {'a': [1, 'x']} WHERE pk = 7")).isEqualTo(1);
            try (ResultSet rows = statement.executeQuery("SELECT * FROM numbers WHERE pk = 7")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getMetaData().getColumnLabel(2)).isEqualTo("_doc");
                assertThat(rows.getObject(2)).isEqualTo(Map.of("label", "n7",
                        "extra", Map.of("a", java.util.List.of(java.math.BigDecimal.ONE, "x"))));
            }
            SQLException syntax = catchThrowableOfType(SQLException.class,
                    () -> statement.executeQuery("SELECT * FROM numbers WHERE"));
            assertThat(SkiffErrors.codeOf(syntax)).contains(ErrorCode.SYNTAX_ERROR);
            assertThat(SkiffErrors.lineOf(syntax)).isEqualTo(1);
            assertThat(SkiffErrors.columnOf(syntax)).isEqualTo(28);
            assertThat(syntax.getSQLState()).isEqualTo("42601");
        }
    }

    @Test
    void anIdleSessionIsClosedByTheServerAndTheConnectionSaysSo() throws Exception {
        try (RunningServer quick = new RunningServer(java.time.Duration.ofMillis(300));
             Connection connection = DriverManager.getConnection(quick.jdbcUrl())) {
            assertThat(quick.server.sessionCount()).isEqualTo(1);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> quick.server.sessionCount() == 0);
            SQLException expired = catchThrowableOfType(SQLException.class,
                    () -> connection.createStatement().executeQuery("SELECT 1"));
            assertThat(expired.getMessage()).contains("No session").contains("connect again");
        }
    }
}
