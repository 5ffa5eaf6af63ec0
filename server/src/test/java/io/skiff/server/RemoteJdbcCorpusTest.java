package io.skiff.server;

import io.skiff.jdbc.partiql.JdbcCorpusTest;
import io.skiff.storage.api.ItemStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** The PartiQL corpus through the remote JDBC driver: the same items, errors and positions as embedded. */
class RemoteJdbcCorpusTest extends JdbcCorpusTest {

    @Override
    protected Target open() throws SQLException {
        RunningServer running;
        try {
            running = new RunningServer();
        } catch (Exception e) {
            throw new SQLException("cannot start the server", e);
        }
        Properties properties = new Properties();
        properties.setProperty("dialect", "partiql");
        Connection connection = DriverManager.getConnection(running.jdbcUrl(), properties);
        return new Target() {
            @Override
            public ItemStore store() {
                return running.engine;
            }

            @Override
            public Connection connection() {
                return connection;
            }

            @Override
            public void close() throws Exception {
                connection.close();
                running.close();
            }
        };
    }
}
