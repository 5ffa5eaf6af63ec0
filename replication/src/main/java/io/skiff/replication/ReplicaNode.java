package io.skiff.replication;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node of a replicated deployment: a Ratis server hosting this node's replica of the group,
 * and a client through which the node's own callers write to the group's leader.
 *
 * <p>On disk, {@code <data>/raft/} holds the Raft log and snapshots, {@code <data>/replicas/<group>/}
 * the live data of the replica.
 */
public final class ReplicaNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaNode.class);
    /** The one group of a single-group deployment; multi-raft deployments derive theirs likewise. */
    static final RaftGroupId DEFAULT_GROUP =
            RaftGroupId.valueOf(UUID.nameUUIDFromBytes("skiff/group/0".getBytes(StandardCharsets.UTF_8)));

    private final ReplicaSettings settings;
    private final RaftServer server;
    private final SkiffStateMachine replica;
    private final RaftClient client;
    private final RaftGroup group;

    private ReplicaNode(ReplicaSettings settings, RaftServer server, SkiffStateMachine replica, RaftClient client,
                        RaftGroup group) {
        this.settings = settings;
        this.server = server;
        this.replica = replica;
        this.client = client;
        this.group = group;
    }

    /** Starts the node: opens (or recovers) its log and replica and joins the group. */
    public static ReplicaNode start(ReplicaSettings settings) {
        RaftProperties properties = properties(settings);
        RaftGroup group = RaftGroup.valueOf(DEFAULT_GROUP, peers(settings.members()));
        SkiffStateMachine replica = new SkiffStateMachine(
                settings.dataDirectory().resolve("replicas").resolve(DEFAULT_GROUP.getUuid().toString()),
                settings.engineOptions());
        RaftServer server = null;
        try {
            CoveredLogSegments.remove(settings.dataDirectory().resolve("raft").resolve(DEFAULT_GROUP.getUuid().toString()));
            server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(settings.nodeId()))
                    // A joining node knows no voters: it waits until the leader adds it.
                    .setGroup(settings.joining() ? RaftGroup.valueOf(DEFAULT_GROUP) : group)
                    .setProperties(properties)
                    .setStateMachine(replica)
                    .setOption(RaftStorage.StartupOption.RECOVER)
                    .build();
            server.start();
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Cannot start node '" + settings.nodeId()
                    + "' on port " + settings.self().raftPort() + ": " + e.getMessage(), e);
        }
        RaftClient client = RaftClient.newBuilder()
                .setProperties(properties)
                .setRaftGroup(group)
                .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                        (int) Math.max(10, settings.requestTimeout().toMillis() / 100),
                        TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                .build();
        LOG.info("Node {} started on Raft port {} ({} peers{})", settings.nodeId(), settings.self().raftPort(),
                settings.members().size(), settings.joining() ? ", joining" : "");
        return new ReplicaNode(settings, server, replica, client, group);
    }

    private static RaftProperties properties(ReplicaSettings settings) {
        RaftProperties properties = new RaftProperties();
        RaftServerConfigKeys.setStorageDir(properties, List.of(settings.dataDirectory().resolve("raft").toFile()));
        GrpcConfigKeys.Server.setPort(properties, settings.self().raftPort());
        // Reads at any replica are linearizable when asked: the replica learns the leader's
        // commit index (ReadIndex) and waits until it has applied it.
        RaftServerConfigKeys.Read.setOption(properties, RaftServerConfigKeys.Read.Option.LINEARIZABLE);
        RaftServerConfigKeys.Read.setTimeout(properties, timeDuration(settings.requestTimeout().toMillis()));
        long election = settings.electionTimeout().toMillis();
        RaftServerConfigKeys.Rpc.setTimeoutMin(properties, timeDuration(election));
        RaftServerConfigKeys.Rpc.setTimeoutMax(properties, timeDuration(2 * election));
        RaftServerConfigKeys.Snapshot.setAutoTriggerEnabled(properties, true);
        RaftServerConfigKeys.Snapshot.setAutoTriggerThreshold(properties, settings.snapshotEveryEntries());
        RaftServerConfigKeys.Snapshot.setRetentionFileNum(properties, 2);
        RaftServerConfigKeys.Log.setPurgeUptoSnapshotIndex(properties, true);
        RaftServerConfigKeys.Log.setPurgeGap(properties, (int) Math.min(1024, settings.snapshotEveryEntries()));
        RaftServerConfigKeys.Log.setSegmentSizeMax(properties, SizeInBytes.valueOf(settings.logSegmentBytes()));
        return properties;
    }

    private static TimeDuration timeDuration(long millis) {
        return TimeDuration.valueOf(millis, TimeUnit.MILLISECONDS);
    }

    static List<RaftPeer> peers(List<ClusterMember> members) {
        List<RaftPeer> peers = new ArrayList<>(members.size());
        for (ClusterMember member : members) {
            peers.add(RaftPeer.newBuilder().setId(member.id()).setAddress(member.address()).build());
        }
        return peers;
    }

    /** A store over this node's replica; reads are {@code consistency} unless asked otherwise. */
    public ReplicatedStore store(Consistency consistency) {
        return new ReplicatedStore(client, RaftPeerId.valueOf(settings.nodeId()), replica, consistency,
                settings.requestTimeout());
    }

    /** This node's replica of the group's data. */
    public SkiffStateMachine replica() {
        return replica;
    }

    public String nodeId() {
        return settings.nodeId();
    }

    /** Whether this node leads the group now. */
    public boolean isLeader() {
        try {
            return server.getDivision(DEFAULT_GROUP).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    /** The id of the group's leader as this node knows it, if it knows one. */
    public Optional<String> leaderId() {
        try {
            RaftPeerId leader = server.getDivision(DEFAULT_GROUP).getInfo().getLeaderId();
            return Optional.ofNullable(leader).map(RaftPeerId::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first index still in this node's Raft log; above 0 once a snapshot let it purge. */
    public long logStartIndex() {
        try {
            return server.getDivision(DEFAULT_GROUP).getRaftLog().getStartIndex();
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Node '" + settings.nodeId() + "' has no group", e);
        }
    }

    /**
     * Makes {@code members} the group's voters (adding and removing at once), through the leader;
     * a new member receives a snapshot or the log and then votes.
     */
    public void setVoters(List<ClusterMember> members) {
        try {
            RaftClientReply reply = client.admin().setConfiguration(peers(members));
            if (!reply.isSuccess()) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Changing the voters to " + members
                        + " failed: " + reply.getException());
            }
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Changing the voters to " + members
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** Asks the leader to take a snapshot now (and purge the log up to it); returns its index. */
    public long takeSnapshot() {
        try {
            RaftClientReply reply = client.getSnapshotManagementApi().create(true, settings.requestTimeout().toMillis());
            if (!reply.isSuccess()) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Snapshot failed: " + reply.getException());
            }
            return reply.getLogIndex();
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Snapshot failed: " + e.getMessage(), e);
        }
    }

    /** Stops the node: its replica closes cleanly; the rest of the group carries on without it. */
    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(server);
        LOG.info("Node {} stopped", settings.nodeId());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable, e.toString());
        }
    }

    @Override
    public String toString() {
        return "ReplicaNode{" + settings.nodeId() + ", " + group.getPeers().size() + " peers}";
    }
}
