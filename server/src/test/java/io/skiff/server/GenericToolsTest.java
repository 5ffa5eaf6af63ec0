package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/** Tools that know nothing of Skiff reach it by URL through the remote driver: a HikariCP pool and sqlline. */
class GenericToolsTest {

    private static RunningServer running;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        running = new RunningServer();
    }

    @AfterAll
    static void stop() throws Exception {
        running.close();
    }

    @Test
    void aHikariPoolServesConcurrentClients() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(running.jdbcUrl());
        config.setMaximumPoolSize(4);
        config.setPoolName("skiff-test");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE pooled (k INTEGER, v VARCHAR, PRIMARY KEY (k))");
            }
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<Integer>> done = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                int first = client * 50;
                done.add(clients.submit(() -> {
                    int written = 0;
                    for (int k = first; k < first + 50; k++) {
                        try (Connection connection = pool.getConnection();
                             PreparedStatement insert = connection.prepareStatement(
                                     "INSERT INTO pooled (k, v) VALUES (?, ?)")) {
                            insert.setInt(1, k);
                            insert.setString(2, "v" + k);
                            written += insert.executeUpdate();
                        }
                    }
                    return written;
                }));
            }
            int written = 0;
            for (Future<Integer> client : done) {
                written += client.get();
            }
            clients.shutdown();
            assertThat(written).isEqualTo(400);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*), MAX(k) FROM pooled")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(400);
                assertThat(rows.getInt(2)).isEqualTo(399);
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void sqllineConnectsByUrlAndRunsAScript() throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, """
                CREATE TABLE lines (k VARCHAR, n INTEGER, PRIMARY KEY (k));
                INSERT INTO lines (k, n) VALUES ('a', 1), ('b', 2);
                SELECT k, n FROM lines ORDER BY k;
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SqlLine sqlline = new SqlLine();
        sqlline.setOutputStream(new PrintStream(out, true, StandardCharsets.UTF_8));
        sqlline.setErrorStream(new PrintStream(err, true, StandardCharsets.UTF_8));
        SqlLine.Status status = sqlline.begin(new String[] {"-u", running.jdbcUrl(), "-n", "", "-p", "",
                "--outputformat=csv", "--silent=true", "-f", script.toString()}, InputStream.nullInputStream(), false);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed + err.toString(StandardCharsets.UTF_8)).isEqualTo(SqlLine.Status.OK);
        assertThat(printed).contains("'k','n'").contains("'a','1'").contains("'b','2'");
    }
}
