package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Secondary indexes through the remote driver: DDL in both dialects, JDBC index metadata, and
 * index reads that answer as the full scan does.
 */
class RemoteIndexTest {

    private RunningServer running;
    private Connection connection;

    @BeforeEach
    void start() throws Exception {
        running = new RunningServer();
        connection = DriverManager.getConnection(running.jdbcUrl());
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE users (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (pk, name) VALUES (?, ?)")) {
            String[] stems = {"habib", "habibs", "rabbit", "maria", "mario", "marina"};
            for (int i = 0; i < 1500; i++) {
                insert.setString(1, "u" + i);
                insert.setString(2, stems[i % stems.length] + (char) ('a' + i % 7));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        running.close();
    }

    private Set<String> keys(String sql, String target) throws SQLException {
        Set<String> keys = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, target);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
            }
        }
        return keys;
    }

    @Test
    void indexesAreCreatedListedAndUsedRemotely() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("CREATE INDEX by_name ON users USING trigram (name)")).isEqualTo(1500);
            try (ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR SELECT pk FROM users"
                    + " WHERE levenshtein(name, 'habibz') <= 1")) {
                StringBuilder text = new StringBuilder();
                while (plan.next()) {
                    text.append(plan.getString(1));
                }
                assertThat(text).contains("index probe: by_name (trigram)");
            }
        }
        String fuzzy = "SELECT pk FROM users WHERE levenshtein(name, ?) <= 1";
        for (String target : List.of("habibz", "marib", "rabbita")) {
            assertThat(keys(fuzzy, target)).isNotEmpty()
                    .isEqualTo(keys(fuzzy.replace("SELECT pk", "SELECT /*+ NO_INDEX */ pk"), target));
        }

        Properties partiql = new Properties();
        partiql.setProperty("dialect", "partiql");
        try (Connection other = DriverManager.getConnection(running.jdbcUrl(), partiql);
             Statement statement = other.createStatement()) {
            statement.executeUpdate("CREATE INDEX IF NOT EXISTS names ON users USING bloom (name) WITH (capacity = 5000)");
        }
        List<String> listed = new ArrayList<>();
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "users", false, true)) {
            while (indexes.next()) {
                listed.add(indexes.getString("INDEX_NAME") + " " + indexes.getString("COLUMN_NAME") + " "
                        + indexes.getString("FILTER_CONDITION"));
            }
        }
        assertThat(listed).containsExactly("PRIMARY pk null", "by_name name USING trigram",
                "names name USING bloom WITH (capacity = 5000, fpp = 0.01)");

        SQLException unknown = catchThrowableOfType(SQLException.class, () -> connection.createStatement()
                .executeUpdate("CREATE INDEX x ON users USING sideways (name)"));
        assertThat(unknown.getMessage()).contains("Unknown index plugin 'sideways'", "line 1, column 31");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DROP INDEX by_name ON users");
        }
        try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "users", false, true)) {
            int count = 0;
            while (indexes.next()) {
                count++;
            }
            assertThat(count).isEqualTo(2);
        }
    }
}
