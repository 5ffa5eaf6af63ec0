package io.skiff.replication;

import static org.awaitility.Awaitility.await;

import io.skiff.core.value.Item;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.Scan;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

/** Real Ratis nodes on loopback ports in this JVM, each with its own data directory. */
public final class LocalCluster implements AutoCloseable {

    private final Path root;
    private final List<ClusterMember> members = new ArrayList<>();
    private final Map<String, ReplicaSettings> settings = new LinkedHashMap<>();
    /** Sorted by id, and safe to read from client threads while the test kills and restarts nodes. */
    private final Map<String, ReplicaNode> running = new ConcurrentSkipListMap<>();
    private final UnaryOperator<ReplicaSettings> tuning;

    private LocalCluster(Path root, UnaryOperator<ReplicaSettings> tuning) {
        this.root = root;
        this.tuning = tuning;
    }

    /** Starts {@code size} voters and waits for a leader. */
    public static LocalCluster start(Path root, int size, UnaryOperator<ReplicaSettings> tuning) {
        LocalCluster cluster = new LocalCluster(root, tuning);
        for (int i = 1; i <= size; i++) {
            cluster.members.add(new ClusterMember("n" + i, "127.0.0.1", freePort()));
        }
        for (ClusterMember member : cluster.members) {
            cluster.settings.put(member.id(), tuning.apply(fastElections(ReplicaSettings.of(member.id(),
                    cluster.members, root.resolve(member.id())))));
        }
        cluster.settings.keySet().forEach(cluster::restart);
        cluster.awaitLeader();
        return cluster;
    }

    public static LocalCluster start(Path root, int size) {
        return start(root, size, UnaryOperator.identity());
    }

    private static ReplicaSettings fastElections(ReplicaSettings settings) {
        return settings.withElectionTimeout(Duration.ofMillis(500));
    }

    /** Starts a new node outside the group; the caller adds it with {@link #addVoter}. */
    public ReplicaNode startJoining(String id) {
        ClusterMember member = new ClusterMember(id, "127.0.0.1", freePort());
        List<ClusterMember> all = new ArrayList<>(members);
        all.add(member);
        ReplicaSettings joining = tuning.apply(fastElections(ReplicaSettings.of(id, all, root.resolve(id)))).asJoining();
        settings.put(id, joining);
        members.add(member);
        return restart(id);
    }

    /** Makes every known member a voter. */
    public void addVoter() {
        leader().setVoters(members);
    }

    public ReplicaNode node(String id) {
        ReplicaNode node = running.get(id);
        if (node == null) {
            throw new IllegalStateException("Node " + id + " is not running");
        }
        return node;
    }

    /** Every member, in the order they were made, joined ones included. */
    public List<ClusterMember> members() {
        return List.copyOf(members);
    }

    /** The node with this id, if it is running now. */
    public Optional<ReplicaNode> find(String id) {
        return Optional.ofNullable(running.get(id));
    }

    public List<ReplicaNode> running() {
        return List.copyOf(running.values());
    }

    public ReplicaNode leader() {
        return running.values().stream().filter(ReplicaNode::isLeader).findFirst()
                .orElseThrow(() -> new IllegalStateException("No leader among " + running.keySet()));
    }

    public ReplicaNode awaitLeader() {
        await().atMost(Duration.ofSeconds(30)).until(() -> running.values().stream().anyMatch(ReplicaNode::isLeader));
        return leader();
    }

    public ReplicaNode follower() {
        return running.values().stream().filter(n -> !n.isLeader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("No follower among " + running.keySet()));
    }

    /** Stops a node as a crash would look to its peers (its files stay). */
    public void kill(String id) {
        ReplicaNode node = running.remove(id);
        if (node != null) {
            node.close();
        }
    }

    public ReplicaNode restart(String id) {
        ReplicaNode node = ReplicaNode.start(settings.get(id));
        running.put(id, node);
        return node;
    }

    /** Every item of a table as this node's replica holds it, in key order. */
    public static List<Item> scanAll(ReplicaNode node, String table) {
        return scanAll(node, 0, table);
    }

    /** Every item of a table as this node's replica of group {@code group} holds it, in key order. */
    public static List<Item> scanAll(ReplicaNode node, int group, String table) {
        List<Item> items = new ArrayList<>();
        Scan scan = Scan.table(table).limit(1000);
        while (true) {
            Page page = node.replica(group).engine().scan(scan);
            items.addAll(page.items());
            if (page.lastEvaluatedKey().isEmpty()) {
                return items;
            }
            scan = scan.startAfter(page.lastEvaluatedKey().get());
        }
    }

    /** Waits until, in every group, every running replica applied what that group's leader applied. */
    public void awaitConverged() {
        int groups = running.values().iterator().next().layout().count();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (int g = 0; g < groups; g++) {
                int group = g;
                Optional<ReplicaNode> leader = running.values().stream().filter(n -> n.isLeader(group)).findFirst();
                if (leader.isEmpty()) {
                    return false;
                }
                long target = leader.get().replica(group).appliedIndex().get();
                if (!running.values().stream().allMatch(n -> n.replica(group).appliedIndex().get() >= target)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        new ArrayList<>(running.keySet()).forEach(this::kill);
    }
}
