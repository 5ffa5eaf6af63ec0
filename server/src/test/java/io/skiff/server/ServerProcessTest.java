package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skiff-server as its own process: it serves, and on SIGTERM it stops cleanly and releases the database. */
class ServerProcessTest {

    private static final Pattern LISTENING = Pattern.compile("skiff-server listening on .*:(\\d+) ");

    @TempDir
    Path dir;

    @Test
    void sigtermStopsTheServerAndClosesTheStoreCleanly() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                "--host", "127.0.0.1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("SKIFF_DATA_DIR", dir.toString());
        Process process = builder.start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            Matcher listening;
            do {
                line = out.readLine();
                assertThat(line).as("the server says where it listens").isNotNull();
                listening = LISTENING.matcher(line);
            } while (!listening.find());
            assertThat(line).contains(dir.toString());
            String url = "jdbc:skiff://127.0.0.1:" + listening.group(1);
            try (Connection connection = DriverManager.getConnection(url);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (k VARCHAR, PRIMARY KEY (k))");
                for (int i = 0; i < 200; i++) {
                    statement.executeUpdate("INSERT INTO kept (k) VALUES ('k" + i + "')");
                }
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // A clean stop released RocksDB's lock and kept every acknowledged write.
            try (Engine reopened = Engine.open(dir, EngineOptions.defaults())) {
                assertThat(reopened.scan(io.skiff.storage.api.Scan.table("kept")).items()).hasSize(200);
            }
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aDatabaseInUseIsAClearFailureWithExitStatusOne() throws Exception {
        try (Engine holder = Engine.open(dir, EngineOptions.defaults())) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--port", "0",
                    "--data-dir", dir.toString());
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(error).contains("skiff-server:").contains("in use");
        }
    }
}
