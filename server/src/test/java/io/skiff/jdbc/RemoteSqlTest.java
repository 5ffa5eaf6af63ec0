package io.skiff.jdbc;

import io.skiff.server.RunningServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The embedded driver's SQL suite, through a server and the remote driver. */
class RemoteSqlTest extends EmbeddedSqlTest {

    private RunningServer running;

    @Override
    protected Connection open() throws SQLException {
        if (running == null) {
            running = RemoteServers.start(dir);
        }
        return DriverManager.getConnection(running.jdbcUrl());
    }

    @AfterEach
    void stopServer() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
