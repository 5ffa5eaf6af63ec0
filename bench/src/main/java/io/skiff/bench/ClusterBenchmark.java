package io.skiff.bench;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.replication.ClusterMember;
import io.skiff.replication.Consistency;
import io.skiff.replication.ReplicaNode;
import io.skiff.replication.ReplicaSettings;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 3-node Raft group on this machine beside a single node, in one run: batched writes (500
 * items per call, committed as one statement; items/s) at the leader and through a follower, which
 * forwards them, and point reads at EVENTUAL and STRONG
 * consistency through a follower, at 1 and 4 concurrent clients. The nodes run in this JVM and
 * talk over loopback, each with its own RocksDB.
 */
public final class ClusterBenchmark {

    private static final int BATCH = 500;
    private static final int[] CLIENTS = {1, 4};
    private static final TableSchema USERS = TableSchema.of("users", KeyAttribute.of("pk", AttributeType.S));

    private final int items;
    private final ConcurrentLoad load;

    private ClusterBenchmark(int items, int seconds) {
        this.items = items;
        this.load = new ConcurrentLoad(seconds);
    }

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 100_000);
        Path root = Files.createTempDirectory("skiff-cluster-bench");
        try {
            new ClusterBenchmark(arguments.items(), arguments.seconds()).run(root, arguments.seconds());
        } finally {
            RawRocks.deleteTree(root);
        }
    }

    private void run(Path root, int seconds) throws Exception {
        List<String> report = new ArrayList<>();
        List<ReplicaNode> nodes = startCluster(root.resolve("cluster"));
        try (Engine single = Engine.open(root.resolve("single"), EngineOptions.defaults())) {
            ReplicaNode follower = nodes.stream().filter(n -> !n.isLeader()).findFirst().orElseThrow();
            ReplicaNode leader = nodes.stream().filter(ReplicaNode::isLeader).findFirst().orElseThrow();
            ItemStore eventual = follower.store(Consistency.EVENTUAL);
            ItemStore atLeader = leader.store(Consistency.EVENTUAL);
            ItemStore strong = follower.store(Consistency.STRONG);
            single.createTable(USERS);
            eventual.createTable(USERS);

            for (int writers : new int[] {1, 4}) {
                double singleWrites = batchedWrites(single, writers);
                double viaLeader = batchedWrites(atLeader, writers);
                double viaFollower = batchedWrites(eventual, writers);
                report.add(String.format("%-48s %12.0f %12.0f %8.2f %8s", "batched writes at the leader, " + writers
                        + " writer(s)", viaLeader, singleWrites, viaLeader / singleWrites, ">= 0.50"));
                report.add(String.format("%-48s %12.0f %12.0f %8.2f %8s", "batched writes via a follower, " + writers
                        + " writer(s)", viaFollower, singleWrites, viaFollower / singleWrites, ">= 0.50"));
            }
            for (int clients : CLIENTS) {
                ConcurrentLoad.Figures local = load.measure(clients, () -> pointReads(single));
                ConcurrentLoad.Figures stale = load.measure(clients, () -> pointReads(eventual));
                ConcurrentLoad.Figures linear = load.measure(clients, () -> pointReads(strong));
                report.add(line("point read EVENTUAL (follower), " + clients + " client(s)", stale, local));
                report.add(line("point read STRONG (follower), " + clients + " client(s)", linear, local));
                report.add(String.format("%-48s %12.0f %12s %8s %8s   p50 %7.1f us  p99 %7.1f us",
                        "  single node, " + clients + " client(s)", local.opsPerSecond(), "", "", "",
                        local.p50Micros(), local.p99Micros()));
            }
        } finally {
            nodes.forEach(ReplicaNode::close);
        }
        System.out.println();
        System.out.printf("%d items, %d s per measurement, 3 nodes in this JVM on loopback%n", items, seconds);
        System.out.printf("%-48s %12s %12s %8s %8s%n", "operation", "3 nodes", "single node", "ratio", "target");
        report.forEach(System.out::println);
    }

    private static String line(String name, ConcurrentLoad.Figures cluster, ConcurrentLoad.Figures single) {
        return String.format("%-48s %12.0f %12.0f %8.2f %8s   p50 %7.1f us  p99 %7.1f us", name,
                cluster.opsPerSecond(), single.opsPerSecond(), cluster.opsPerSecond() / single.opsPerSecond(), "",
                cluster.p50Micros(), cluster.p99Micros());
    }

    private static List<ReplicaNode> startCluster(Path root) throws IOException {
        List<ClusterMember> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new ClusterMember("n" + i, "127.0.0.1", freePort()));
        }
        List<ReplicaNode> nodes = new ArrayList<>();
        for (ClusterMember member : members) {
            nodes.add(ReplicaNode.start(ReplicaSettings.of(member.id(), members, root.resolve(member.id()))));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (nodes.stream().noneMatch(ReplicaNode::isLeader)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("No leader after 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return nodes;
    }

    /**
     * Writes every item, 500 per call, each call one all-or-nothing statement, from
     * {@code writers} threads that take turns over the calls; returns items/s.
     */
    private double batchedWrites(ItemStore store, int writers) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger nextCall = new java.util.concurrent.atomic.AtomicInteger();
        int calls = (items + BATCH - 1) / BATCH;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            Thread thread = new Thread(() -> {
                for (int call = nextCall.getAndIncrement(); call < calls; call = nextCall.getAndIncrement()) {
                    List<TransactWriteItem> batch = new ArrayList<>(BATCH);
                    for (int i = call * BATCH; i < Math.min(items, (call + 1) * BATCH); i++) {
                        batch.add(TransactWriteItem.put(PutItem.of("users", user(i))));
                    }
                    store.statementWrite(batch);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return items / ((System.nanoTime() - start) / 1e9);
    }

    private ConcurrentLoad.Client pointReads(ItemStore store) {
        return new ConcurrentLoad.Client() {
            @Override
            public ConcurrentLoad.Call call() {
                return random -> {
                    if (store.get(GetItem.of("users", key(random.nextInt(items)))).isEmpty()) {
                        throw new IllegalStateException("missing item");
                    }
                };
            }

            @Override
            public void close() {
            }
        };
    }

    private static Item key(int i) {
        return Item.of(Map.of("pk", AttributeValue.s("user#" + i)));
    }

    private static Item user(int i) {
        return key(i).with("name", AttributeValue.s("name " + i)).with("age", AttributeValue.n(i % 90))
                .with("city", AttributeValue.s("city " + (i % 1000)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
