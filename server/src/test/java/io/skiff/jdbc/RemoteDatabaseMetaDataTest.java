package io.skiff.jdbc;

import io.skiff.server.RunningServer;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

/** The embedded driver's metadata suite, through a server and the remote driver. */
class RemoteDatabaseMetaDataTest extends DatabaseMetaDataTest {

    private RunningServer running;

    @Override
    protected String url(Path directory) throws SQLException {
        if (running == null) {
            running = RemoteServers.start(directory);
        }
        return running.jdbcUrl();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
