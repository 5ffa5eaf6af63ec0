package io.skiff.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.core.error.ErrorCode;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.v1.CreateTableRequest;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.ExecuteStatementResponse;
import io.skiff.protocol.v1.GetItemRequest;
import io.skiff.protocol.v1.ItemServiceGrpc;
import io.skiff.protocol.v1.KeyAttribute;
import io.skiff.protocol.v1.KeyType;
import io.skiff.protocol.v1.StatementServiceGrpc;
import io.skiff.protocol.v1.TableServiceGrpc;
import io.skiff.replication.Consistency;
import io.skiff.replication.LocalCluster;
import io.skiff.replication.ReplicaNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three servers, each over one replica of a real 3-node Raft group: the same calls as on one node. */
class ClusterServerTest {

    @TempDir
    Path dir;
    private LocalCluster cluster;
    private final Map<String, SkiffServer> servers = new LinkedHashMap<>();
    private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        cluster = LocalCluster.start(dir, 3);
        for (ReplicaNode node : cluster.running()) {
            SkiffServer server = SkiffServer.start(node.store(Consistency.EVENTUAL), "127.0.0.1", 0,
                    Duration.ofMinutes(5));
            servers.put(node.nodeId(), server);
            channels.put(node.nodeId(), NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                    .build());
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (ManagedChannel channel : channels.values()) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        servers.values().forEach(server -> server.stop(Duration.ofSeconds(2)));
        cluster.close();
    }

    private StatementServiceGrpc.StatementServiceBlockingStub statements(ReplicaNode node) {
        return StatementServiceGrpc.newBlockingStub(channels.get(node.nodeId()));
    }

    private static ExecuteStatementRequest statement(String text, boolean consistent) {
        return ExecuteStatementRequest.newBuilder().setStatement(text).setConsistentRead(consistent).build();
    }

    @Test
    void aWriteThroughOneServerIsReadConsistentlyThroughAnother() {
        ReplicaNode leader = cluster.leader();
        ReplicaNode follower = cluster.follower();
        TableServiceGrpc.newBlockingStub(channels.get(follower.nodeId())).createTable(CreateTableRequest.newBuilder()
                .setTableName("Users").setPartitionKey(KeyAttribute.newBuilder().setName("pk").setType(KeyType.S))
                .build());

        statements(follower).executeStatement(statement("INSERT INTO Users VALUE {'pk': 'u1', 'city': 'Santos'}",
                false));
        // A condition calling a distance operator travels in the command; every replica resolves it.
        statements(follower).executeStatement(statement("UPDATE Users SET near = true WHERE pk = 'u1'"
                + " AND levenshtein(city, 'Santas') <= 1", false));

        for (ReplicaNode node : cluster.running()) {
            ExecuteStatementResponse response = statements(node).executeStatement(
                    statement("SELECT city FROM Users WHERE pk = 'u1'", true));
            assertThat(response.getItemsList()).as(node.nodeId()).hasSize(1);
            assertThat(response.getItems(0).getAttributesOrThrow("city").getS()).isEqualTo("Santos");
            assertThat(statements(node).executeStatement(statement("SELECT near FROM Users WHERE pk = 'u1'"
                    + " AND jaro_winkler(city, 'Santos') = 0", true)).getItems(0).getAttributesOrThrow("near")
                    .getBool()).isTrue();
            var item = ItemServiceGrpc.newBlockingStub(channels.get(node.nodeId())).getItem(GetItemRequest.newBuilder()
                    .setTableName("Users").setConsistentRead(true)
                    .setKey(io.skiff.protocol.v1.Item.newBuilder().putAttributes("pk",
                            io.skiff.protocol.v1.AttributeValue.newBuilder().setS("u1").build())).build());
            assertThat(item.getItem().getAttributesOrThrow("city").getS()).isEqualTo("Santos");
        }
        assertThat(leader.nodeId()).isNotEqualTo(follower.nodeId());
    }

    @Test
    void aStrongJdbcConnectionOnAFollowerSeesWhatWasJustWrittenThroughTheLeader() throws Exception {
        ReplicaNode leader = cluster.leader();
        ReplicaNode follower = cluster.follower();
        java.util.Properties strong = new java.util.Properties();
        strong.setProperty("consistency", "strong");
        String followerUrl = "jdbc:skiff://127.0.0.1:" + servers.get(follower.nodeId()).port();
        try (Connection writer = DriverManager.getConnection("jdbc:skiff://127.0.0.1:"
                + servers.get(leader.nodeId()).port());
             Connection reader = DriverManager.getConnection(followerUrl, strong);
             Statement write = writer.createStatement();
             Statement read = reader.createStatement()) {
            write.execute("CREATE TABLE counters (id VARCHAR, n INTEGER, PRIMARY KEY (id))");
            write.executeUpdate("INSERT INTO counters (id, n) VALUES ('c', 0)");
            for (int i = 1; i <= 20; i++) {
                write.executeUpdate("UPDATE counters SET n = " + i + " WHERE id = 'c'");
                try (ResultSet rows = read.executeQuery("SELECT n FROM counters WHERE id = 'c'")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).as("strong read after write %d", i).isEqualTo(i);
                }
            }
            assertThat(read.executeUpdate("SET consistency = 'eventual'")).isZero();
            assertThat(reader.unwrap(io.skiff.jdbc.SessionSettings.class).getConsistency()).isEqualTo("eventual");
        }
    }

    @Test
    void theRemoteJdbcDriverWorksAgainstAnyNodeAndSurvivesTheLeadersLoss() throws Exception {
        ReplicaNode follower = cluster.follower();
        String url = "jdbc:skiff://127.0.0.1:" + servers.get(follower.nodeId()).port();
        try (Connection connection = DriverManager.getConnection(url);
             Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE accounts (id VARCHAR, balance INTEGER, PRIMARY KEY (id))");
            sql.executeUpdate("INSERT INTO accounts (id, balance) VALUES ('a', 10), ('b', 20)");

            StatusRuntimeException duplicate = catchThrowableOfType(StatusRuntimeException.class, () ->
                    statements(cluster.leader()).executeStatement(statement(
                            "INSERT INTO accounts VALUE {'id': 'a', 'balance': 1}", false)));
            assertThat(duplicate.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
            assertThat(ProtoErrors.fromStatus(duplicate).orElseThrow().code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);

            String oldLeader = cluster.leader().nodeId();
            servers.remove(oldLeader).stop(Duration.ofSeconds(1));
            cluster.kill(oldLeader);
            cluster.awaitLeader();

            sql.executeUpdate("UPDATE accounts SET balance = balance + 5 WHERE id = 'a'");
            try (ResultSet rows = sql.executeQuery("SELECT id, balance FROM accounts ORDER BY id")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("balance")).isEqualTo(15);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt("balance")).isEqualTo(20);
                assertThat(rows.next()).isFalse();
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ReplicaNode node : cluster.running()) {
                assertThat(LocalCluster.scanAll(node, "accounts")).hasSize(2);
            }
        });
    }
}
