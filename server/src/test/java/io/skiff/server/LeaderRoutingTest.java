package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.skiff.replication.Consistency;
import io.skiff.replication.GroupStatus;
import io.skiff.replication.LocalCluster;
import io.skiff.replication.ReplicaNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote driver sends each keyed statement to the server leading its partition's group: no
 * write is forwarded between servers, where sending everything to one server forwards most of
 * them; a leader's server that cannot be reached is passed over for the connected one.
 */
class LeaderRoutingTest {

    private static final int GROUPS = 4;

    @TempDir
    Path dir;
    private LocalCluster cluster;
    private final Map<String, SkiffServer> servers = new LinkedHashMap<>();

    @BeforeEach
    void start() throws SQLException {
        cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(GROUPS));
        await().atMost(Duration.ofSeconds(60)).until(this::leadersSpread);
        for (ReplicaNode node : cluster.running()) {
            servers.put(node.nodeId(), SkiffServer.start(node.store(Consistency.EVENTUAL), Optional.of(node),
                    "127.0.0.1", 0, Duration.ofMinutes(5)));
        }
        try (Connection connection = connect("server"); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE users (pk VARCHAR, n INTEGER, PRIMARY KEY (pk))");
        }
        cluster.awaitConverged();
    }

    @AfterEach
    void stop() {
        servers.values().forEach(server -> server.stop(Duration.ofSeconds(2)));
        cluster.close();
    }

    /** Every group has a leader, and every node leads at least one. */
    private boolean leadersSpread() {
        Map<String, Long> led = cluster.running().stream().flatMap(node -> node.status().stream())
                .filter(group -> group.role().equals("LEADER")).map(GroupStatus::leaderId).flatMap(Optional::stream)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return led.values().stream().mapToLong(Long::longValue).sum() == GROUPS && led.size() == 3;
    }

    private Connection connect(String routing) throws SQLException {
        String hosts = servers.values().stream().map(server -> "127.0.0.1:" + server.port())
                .collect(Collectors.joining(","));
        Properties properties = new Properties();
        properties.setProperty("routing", routing);
        return DriverManager.getConnection("jdbc:skiff://" + hosts, properties);
    }

    private long forwardedWrites() {
        return cluster.running().stream().flatMap(node -> node.status().stream())
                .mapToLong(GroupStatus::forwardedWrites).sum();
    }

    private void writeAndRead(Connection connection, String prefix) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (pk, n) VALUES (?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE users SET n = n + 1 WHERE pk = ?")) {
            for (int i = 0; i < 60; i++) {
                insert.setString(1, prefix + i);
                insert.setInt(2, i);
                assertThat(insert.executeUpdate()).isEqualTo(1);
                update.setString(1, prefix + i);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET consistency = 'strong'");
        }
        try (PreparedStatement read = connection.prepareStatement("SELECT n FROM users WHERE pk = ?")) {
            for (int i = 0; i < 60; i++) {
                read.setString(1, prefix + i);
                try (ResultSet rows = read.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(i + 1);
                }
            }
        }
    }

    @Test
    void keyedWritesGoStraightToTheirLeaders() throws SQLException {
        long before = forwardedWrites();
        try (Connection connection = connect("leader")) {
            writeAndRead(connection, "routed-");
        }
        assertThat(forwardedWrites()).isEqualTo(before);

        // The same statements all sent to one server: the writes of groups it does not lead are forwarded.
        try (Connection connection = connect("server")) {
            writeAndRead(connection, "forwarded-");
        }
        assertThat(forwardedWrites() - before).isGreaterThan(20);
    }

    /** The threads that keep connections' views of the leaders fresh. */
    private static java.util.Set<Thread> leaderViewThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("skiff-leader-view ")).collect(Collectors.toSet());
    }

    @Test
    void closingTheConnectionStopsTheThreadThatRefreshesItsViewOfTheLeaders() throws SQLException {
        java.util.Set<Thread> before = leaderViewThreads();
        java.util.Set<Thread> started;
        try (Connection connection = connect("leader")) {
            started = leaderViewThreads();
            started.removeAll(before);
            assertThat(started).hasSize(1);
            writeAndRead(connection, "threaded-");
        }
        assertThat(started).allSatisfy(thread -> assertThat(thread.isAlive()).isFalse());
        try (Connection connection = connect("server")) {
            assertThat(leaderViewThreads()).as("routing=server asks nothing").isEqualTo(before);
        }
    }

    @Test
    void partiqlWritesAreRoutedToo() throws SQLException {
        long before = forwardedWrites();
        Properties properties = new Properties();
        properties.setProperty("dialect", "partiql");
        String hosts = servers.values().stream().map(server -> "127.0.0.1:" + server.port())
                .collect(Collectors.joining(","));
        try (Connection connection = DriverManager.getConnection("jdbc:skiff://" + hosts, properties);
             PreparedStatement insert = connection.prepareStatement("INSERT INTO users VALUE {'pk': ?, 'n': ?}")) {
            for (int i = 0; i < 40; i++) {
                insert.setString(1, "p" + i);
                insert.setInt(2, i);
                insert.executeUpdate();
            }
        }
        assertThat(forwardedWrites()).isEqualTo(before);
    }

    @Test
    void aLeaderWhoseServerGoesDownIsPassedOver() throws SQLException {
        long before = forwardedWrites();
        try (Connection connection = connect("leader");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO users (pk, n) VALUES (?, ?)")) {
            for (int i = 0; i < 40; i++) {
                insert.setString(1, "up" + i);
                insert.setInt(2, i);
                insert.executeUpdate();
            }
            assertThat(forwardedWrites()).isEqualTo(before);

            // Stop the client endpoint of a server the connection routed to; its node still leads in Raft.
            String connected = servers.keySet().iterator().next();
            String other = servers.keySet().stream().filter(id -> !id.equals(connected)).findFirst().orElseThrow();
            servers.remove(other).stop(Duration.ofSeconds(2));
            for (int i = 0; i < 40; i++) {
                insert.setString(1, "down" + i);
                insert.setInt(2, i);
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
        }
        // The connected server forwarded the writes of the groups the stopped one's node leads.
        assertThat(forwardedWrites()).isGreaterThan(before);
        try (Connection connection = connect("leader"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(80);
        }
    }
}
