package io.skiff.jdbc;

import io.skiff.server.RunningServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** Cancellation and query timeouts through a server: the client's cancel stops the statement on the server. */
class RemoteCancellationTest extends CancellationTest {

    private RunningServer running;

    @Override
    protected Connection connect() throws SQLException {
        try {
            running = new RunningServer();
        } catch (Exception e) {
            throw new SQLException("cannot start the server", e);
        }
        return DriverManager.getConnection(running.jdbcUrl());
    }

    @AfterEach
    void stopServer() throws Exception {
        running.close();
    }
}
