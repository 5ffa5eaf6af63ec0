package io.skiff.jdbc;

import io.skiff.server.RunningServer;
import java.nio.file.Path;
import java.sql.SQLException;

/** Starts servers for the remote runs of the JDBC suites. */
final class RemoteServers {

    private RemoteServers() {
    }

    static RunningServer start(Path directory) throws SQLException {
        try {
            return new RunningServer(directory);
        } catch (Exception e) {
            throw new SQLException("cannot start a server over " + directory, e);
        }
    }
}
