package io.skiff.repl;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skiff.replication.Consistency;
import io.skiff.replication.LocalCluster;
import io.skiff.replication.ReplicaNode;
import io.skiff.server.SkiffServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff cluster ...} against a real three-node cluster: JSON out, exit statuses. */
class ClusterCommandsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int skiff(String... args) {
        out.reset();
        err.reset();
        Main main = new Main(new SkiffHome(dir.resolve("home")), DriverManager::getConnection,
                new ByteArrayInputStream(new byte[0]), false, new PrintStream(out, true, UTF_8),
                new PrintStream(err, true, UTF_8));
        return main.run(args);
    }

    @Test
    void statusTransferLeaderAndTheirFailures() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir.resolve("cluster"), 3, s -> s.withGroups(2))) {
            List<SkiffServer> servers = new ArrayList<>();
            List<String> endpoints = new ArrayList<>();
            for (ReplicaNode node : cluster.running()) {
                SkiffServer server = SkiffServer.start(node.store(Consistency.EVENTUAL), Optional.of(node),
                        "127.0.0.1", 0, Duration.ofMinutes(5));
                servers.add(server);
                endpoints.add("127.0.0.1:" + server.port());
            }
            try {
                String all = String.join(",", endpoints);
                assertThat(skiff("cluster", "status", "--endpoint", all)).as(err.toString(UTF_8)).isZero();
                JsonNode nodes = JSON.readTree(out.toString(UTF_8)).get("Nodes");
                assertThat(nodes).hasSize(3);
                for (JsonNode node : nodes) {
                    assertThat(node.get("Groups")).hasSize(2);
                    assertThat(node.at("/Groups/0/Voters")).hasSize(3);
                    assertThat(node.at("/Groups/0/Term").asLong()).isPositive();
                }

                assertThat(skiff("cluster", "transfer-leader", "--node-id", "n3", "--group", "0", "--endpoint",
                        endpoints.get(0))).as(err.toString(UTF_8)).isZero();
                await().atMost(Duration.ofSeconds(30)).until(() -> cluster.node("n3").isLeader(0));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    skiff("cluster", "status", "--endpoint", endpoints.get(1));
                    return JSON.readTree(out.toString(UTF_8)).at("/Nodes/0/Groups/0/Leader").asText().equals("n3");
                });

                // The shell, through the remote driver: \cluster asks each server of the URL.
                assertThat(skiff("--url", "jdbc:skiff://" + all, "-e", "\\consistency strong\n\\cluster\n"
                        + "CREATE TABLE notes (pk VARCHAR, PRIMARY KEY (pk));\nSELECT COUNT(*) FROM notes;"))
                        .as(err.toString(UTF_8)).isZero();
                assertThat(out.toString(UTF_8) + err.toString(UTF_8)).contains("Reads are strong", "Node n1 (", "Node n2 (", "Node n3 (",
                        "LEADER", "FOLLOWER", "n1, n2, n3");

                assertThat(skiff("cluster", "remove-server", "--node-id", "n9", "--endpoint", endpoints.get(2)))
                        .isEqualTo(1);
                assertThat(err.toString(UTF_8)).contains("[VALIDATION_ERROR]").contains("'n9' is not a voter");
                assertThat(skiff("cluster")).isEqualTo(2);
                assertThat(err.toString(UTF_8)).contains("Missing subcommand");
                assertThat(skiff("cluster", "status", "--endpoint", "127.0.0.1:1")).isEqualTo(3);
            } finally {
                servers.forEach(server -> server.stop(Duration.ofSeconds(2)));
            }
        }
    }
}
