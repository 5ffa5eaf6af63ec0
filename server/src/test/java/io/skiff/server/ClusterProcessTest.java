package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three skiff-server processes started with --node-id and --peers form a cluster: a write
 * through one node is read strongly through another, a node stopped and started again catches
 * up, and SIGTERM stops each node cleanly.
 */
class ClusterProcessTest {

    private static final Pattern LISTENING = Pattern.compile("skiff-server listening on .*:(\\d+) ");

    @TempDir
    Path dir;

    /** A started node: its process and the port its gRPC server listens on. */
    private record Node(Process process, int port) {
        String url() {
            return "jdbc:skiff://127.0.0.1:" + port;
        }
    }

    private Node start(String id, String peers) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--host", "127.0.0.1", "--data-dir", dir.resolve(id).toString(), "--node-id", id,
                "--peers", peers));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        Matcher listening;
        do {
            line = out.readLine();
            assertThat(line).as("node %s says where it listens", id).isNotNull();
            listening = LISTENING.matcher(line);
        } while (!listening.find());
        assertThat(line).contains("as node " + id + " of 3");
        return new Node(process, Integer.parseInt(listening.group(1)));
    }

    @Test
    void threeProcessesReplicateAndSurviveARestart() throws Exception {
        String peers = "n1=127.0.0.1:" + freePort() + ",n2=127.0.0.1:" + freePort() + ",n3=127.0.0.1:" + freePort();
        List<Node> nodes = new ArrayList<>();
        try {
            for (String id : List.of("n1", "n2", "n3")) {
                nodes.add(start(id, peers));
            }
            Properties strong = new Properties();
            strong.setProperty("consistency", "strong");
            try (Connection connection = DriverManager.getConnection(nodes.get(0).url());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (k VARCHAR, PRIMARY KEY (k))");
                for (int i = 0; i < 50; i++) {
                    statement.executeUpdate("INSERT INTO kept (k) VALUES ('k" + i + "')");
                }
            }
            assertThat(count(nodes.get(1).url(), strong)).isEqualTo(50);

            nodes.get(2).process().destroy(); // SIGTERM
            assertThat(nodes.get(2).process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Connection connection = DriverManager.getConnection(nodes.get(1).url());
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO kept (k) VALUES ('while-n3-was-down')");
            }
            nodes.set(2, start("n3", peers));
            assertThat(count(nodes.get(2).url(), strong)).isEqualTo(51);
        } finally {
            for (Node node : nodes) {
                node.process().destroy();
            }
            for (Node node : nodes) {
                if (!node.process().waitFor(30, TimeUnit.SECONDS)) {
                    node.process().destroyForcibly();
                }
            }
        }
        // Each node closed its replica cleanly on SIGTERM: its RocksDB opens at once, with every write.
        for (String id : List.of("n1", "n2", "n3")) {
            Path replica;
            try (var groups = java.nio.file.Files.list(dir.resolve(id).resolve("replicas"))) {
                replica = groups.findFirst().orElseThrow();
            }
            try (io.skiff.storage.Engine engine = io.skiff.storage.Engine.open(replica,
                    io.skiff.storage.EngineOptions.defaults())) {
                assertThat(engine.scan(io.skiff.storage.api.Scan.table("kept")).items()).as(id).hasSize(51);
            }
        }
    }

    private static int count(String url, Properties properties) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM kept")) {
            assertThat(rows.next()).isTrue();
            return rows.getInt(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
