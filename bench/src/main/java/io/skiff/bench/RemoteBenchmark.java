package io.skiff.bench;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.skiff.protocol.v1.AttributeValue;
import io.skiff.protocol.v1.ExecuteStatementRequest;
import io.skiff.protocol.v1.StatementServiceGrpc;
import io.skiff.server.SkiffServer;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Skiff over the network beside Skiff embedded, in one run on one machine: prepared point
 * SELECTs over the remote and the embedded JDBC driver, ExecuteStatement point reads over gRPC,
 * at 1, 4 and 16 concurrent clients (ops/s, p50, p99), and batched INSERTs of 500 rows per call.
 * The server runs in this JVM on a loopback port, over its own database.
 */
public final class RemoteBenchmark {

    private static final int BATCH = 500;
    private static final int[] CLIENTS = {1, 4, 16};

    private final int items;
    private final int seconds;
    private final Path root;

    private RemoteBenchmark(int items, int seconds, Path root) {
        this.items = items;
        this.seconds = seconds;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 100_000);
        Path root = Files.createTempDirectory("skiff-remote-bench");
        try {
            new RemoteBenchmark(arguments.items(), arguments.seconds(), root).run();
        } finally {
            RawRocks.deleteTree(root);
        }
    }

    private void run() throws Exception {
        String embeddedUrl = "jdbc:skiff:file:" + root.resolve("embedded");
        Engine engine = Engine.open(root.resolve("served"), EngineOptions.defaults());
        SkiffServer server = SkiffServer.start(engine, "127.0.0.1", 0, Duration.ofMinutes(30));
        String remoteUrl = "jdbc:skiff://127.0.0.1:" + server.port();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        ConcurrentLoad load = new ConcurrentLoad(seconds);
        List<String> report = new ArrayList<>();
        try (Connection embedded = DriverManager.getConnection(embeddedUrl);
             Connection remote = DriverManager.getConnection(remoteUrl)) {
            for (Connection connection : List.of(embedded, remote)) {
                try (Statement ddl = connection.createStatement()) {
                    ddl.execute("CREATE TABLE users (pk VARCHAR, name VARCHAR, age INTEGER, city VARCHAR,"
                            + " PRIMARY KEY (pk))");
                    ddl.execute("CREATE TABLE warmup (pk VARCHAR, name VARCHAR, age INTEGER, city VARCHAR,"
                            + " PRIMARY KEY (pk))");
                }
                batchInsert(connection, "warmup", Math.min(items, 20_000));
            }
            double embeddedInsert = batchInsert(embedded, "users", items);
            double remoteInsert = batchInsert(remote, "users", items);
            report.add(String.format("%-44s %12.0f %12.0f %8.2f %8s", "batch INSERT (500 rows per call), rows/s",
                    remoteInsert, embeddedInsert, remoteInsert / embeddedInsert, ""));

            for (int clients : CLIENTS) {
                ConcurrentLoad.Figures local = load.measure(clients, () -> pointSelect(embeddedUrl));
                ConcurrentLoad.Figures jdbc = load.measure(clients, () -> pointSelect(remoteUrl));
                ConcurrentLoad.Figures partiql = load.measure(clients, () -> executeStatement(channel));
                report.add(line("point SELECT, remote JDBC, " + clients + " client(s)", jdbc, local));
                report.add(line("point read, ExecuteStatement, " + clients + " client(s)", partiql, local));
                report.add(String.format("%-44s %12.0f %12s %8s %8s   p50 %7.1f us  p99 %7.1f us",
                        "  embedded JDBC, " + clients + " client(s)", local.opsPerSecond(), "", "", "",
                        local.p50Micros(), local.p99Micros()));
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            server.stop(Duration.ofSeconds(5));
            engine.close();
        }
        System.out.println();
        System.out.printf("%d items, %d s per measurement, server on loopback in this JVM%n", items, seconds);
        System.out.printf("%-44s %12s %12s %8s %8s%n", "operation", "remote ops/s", "embedded", "ratio", "target");
        report.forEach(System.out::println);
    }

    private static String line(String name, ConcurrentLoad.Figures remote, ConcurrentLoad.Figures embedded) {
        return String.format("%-44s %12.0f %12.0f %8.2f %8s   p50 %7.1f us  p99 %7.1f us", name,
                remote.opsPerSecond(), embedded.opsPerSecond(), remote.opsPerSecond() / embedded.opsPerSecond(),
                ">= 0.30", remote.p50Micros(), remote.p99Micros());
    }

    private double batchInsert(Connection connection, String table, int rows) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                + " (pk, name, age, city) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setString(1, "user#" + i);
                insert.setString(2, "name " + i);
                insert.setInt(3, i % 90);
                insert.setString(4, "city " + (i % 1000));
                insert.addBatch();
                if ((i + 1) % BATCH == 0 || i + 1 == rows) {
                    insert.executeBatch();
                }
            }
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    private ConcurrentLoad.Client pointSelect(String url) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        PreparedStatement select = connection.prepareStatement("SELECT name, age, city FROM users WHERE pk = ?");
        return new ConcurrentLoad.Client() {
            @Override
            public ConcurrentLoad.Call call() {
                return random -> {
                    select.setString(1, "user#" + random.nextInt(items));
                    try (ResultSet rows = select.executeQuery()) {
                        if (!rows.next() || rows.getString(1) == null) {
                            throw new IllegalStateException("missing row");
                        }
                    }
                };
            }

            @Override
            public void close() throws SQLException {
                select.close();
                connection.close();
            }
        };
    }

    private ConcurrentLoad.Client executeStatement(ManagedChannel channel) {
        StatementServiceGrpc.StatementServiceBlockingStub stub = StatementServiceGrpc.newBlockingStub(channel);
        return new ConcurrentLoad.Client() {
            @Override
            public ConcurrentLoad.Call call() {
                return random -> {
                    int count = stub.executeStatement(ExecuteStatementRequest.newBuilder()
                            .setStatement("SELECT name, age, city FROM users WHERE pk = ?")
                            .addParameters(AttributeValue.newBuilder().setS("user#" + random.nextInt(items)))
                            .build()).getItemsCount();
                    if (count != 1) {
                        throw new IllegalStateException("missing item");
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }
}
