package io.skiff.replication;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.ItemLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.GroupManagementRequest;
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
 * One node of a replicated deployment: a Ratis server hosting this node's replica of every
 * group (one RocksDB engine each), and per group a client through which the node's callers
 * reach that group's leader.
 *
 * <p>On disk, {@code <data>/raft/<group>/} holds each group's Raft log and snapshots, and
 * {@code <data>/replicas/<group>/} the live data of this node's replica of it.
 */
public final class ReplicaNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaNode.class);
    /** Ratis' default; a write of up to {@link GroupReplica#MAX_COMMAND_BYTES} fits with room. */
    private static final long LOG_WRITE_BUFFER_BYTES = 8L << 20;

    private final ReplicaSettings settings;
    private final GroupLayout layout;
    private final RaftServer server;
    private final List<GroupReplica> groups;
    private final TransactionResolver resolver;

    private ReplicaNode(ReplicaSettings settings, GroupLayout layout, RaftServer server, List<GroupReplica> groups) {
        this.settings = settings;
        this.layout = layout;
        this.server = server;
        this.groups = groups;
        // A coordinator finishes its transaction within a few request timeouts; a share still
        // prepared after three of them was left behind.
        this.resolver = groups.size() > 1
                ? new TransactionResolver(groups, this::isLeader, settings.requestTimeout().multipliedBy(3),
                        settings.nodeId())
                : null;
    }

    /** Starts the node: opens (or recovers) the log and replica of every group and joins them. */
    public static ReplicaNode start(ReplicaSettings settings) {
        GroupLayout layout = new GroupLayout(settings.groups());
        RaftProperties properties = properties(settings);
        Map<RaftGroupId, SkiffStateMachine> replicas = new HashMap<>();
        for (RaftGroupId id : layout.ids()) {
            replicas.put(id, new SkiffStateMachine(settings.dataDirectory().resolve("replicas")
                    .resolve(id.getUuid().toString()), settings.engineOptions()));
            CoveredLogSegments.remove(settings.dataDirectory().resolve("raft").resolve(id.getUuid().toString()));
        }
        RaftServer server = null;
        try {
            server = RaftServer.newBuilder()
                    .setServerId(RaftPeerId.valueOf(settings.nodeId()))
                    .setProperties(properties)
                    .setStateMachineRegistry(id -> {
                        SkiffStateMachine replica = replicas.get(id);
                        if (replica == null) {
                            throw new IllegalArgumentException("Group " + id + " is not one of this deployment's "
                                    + layout.count() + " groups: every node needs the same --groups");
                        }
                        return replica;
                    })
                    .setOption(RaftStorage.StartupOption.RECOVER)
                    .build();
            server.start();
            addMissingGroups(server, settings, layout);
        } catch (IOException | RuntimeException e) {
            closeQuietly(server);
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Cannot start node '" + settings.nodeId()
                    + "' on port " + settings.self().raftPort() + ": " + e.getMessage(), e);
        }
        List<GroupReplica> groups = new ArrayList<>();
        for (int index = 0; index < layout.count(); index++) {
            RaftGroupId id = layout.id(index);
            RaftGroup group = RaftGroup.valueOf(id, peers(settings.members(), index, layout.count()));
            GroupClient client = new GroupClient(index, () -> RaftClient.newBuilder()
                    .setProperties(properties)
                    .setRaftGroup(group)
                    .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
                            (int) Math.max(10, settings.requestTimeout().toMillis() / 100),
                            TimeDuration.valueOf(100, TimeUnit.MILLISECONDS)))
                    .build());
            groups.add(new GroupReplica(index, id, replicas.get(id), client, RaftPeerId.valueOf(settings.nodeId()),
                    settings.requestTimeout(), server));
        }
        LOG.info("Node {} started on Raft port {} ({} peers, {} groups{})", settings.nodeId(),
                settings.self().raftPort(), settings.members().size(), layout.count(),
                settings.joining() ? ", joining" : "");
        return new ReplicaNode(settings, layout, server, List.copyOf(groups));
    }

    /**
     * Creates the groups this server does not hold yet: all of them on a first start (a joining
     * node with no voters, waiting to be added), none on a restart, which recovers them from disk.
     */
    private static void addMissingGroups(RaftServer server, ReplicaSettings settings, GroupLayout layout)
            throws IOException {
        Set<RaftGroupId> present = new HashSet<>();
        server.getGroupIds().forEach(present::add);
        RaftPeerId self = RaftPeerId.valueOf(settings.nodeId());
        for (int index = 0; index < layout.count(); index++) {
            RaftGroupId id = layout.id(index);
            if (present.contains(id)) {
                continue;
            }
            RaftGroup group = settings.joining() ? RaftGroup.valueOf(id)
                    : RaftGroup.valueOf(id, peers(settings.members(), index, layout.count()));
            RaftClientReply reply = server.groupManagement(
                    GroupManagementRequest.newAdd(ClientId.randomId(), self, index, group));
            if (!reply.isSuccess()) {
                throw new IOException("Cannot add group " + index + ": " + reply.getException());
            }
        }
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
        // One log entry carries one whole write: let the largest one Skiff proposes through. The
        // log's write buffer (direct memory, one per group) must hold an entry and its header.
        RaftServerConfigKeys.Log.setWriteBufferSize(properties, SizeInBytes.valueOf(LOG_WRITE_BUFFER_BYTES));
        RaftServerConfigKeys.Log.Appender.setBufferByteLimit(properties,
                SizeInBytes.valueOf(LOG_WRITE_BUFFER_BYTES - 64));
        return properties;
    }

    private static TimeDuration timeDuration(long millis) {
        return TimeDuration.valueOf(millis, TimeUnit.MILLISECONDS);
    }

    /**
     * The peers of group {@code group}. With several groups, one member per group is preferred
     * as its leader (Ratis hands leadership to the highest priority), so leaders spread over the
     * nodes; with one group no member is preferred, and leadership stays where it lands.
     */
    static List<RaftPeer> peers(List<ClusterMember> members, int group, int groupCount) {
        return peers(members, groupCount > 1 ? members.get(group % members.size()).id() : null);
    }

    /** The peers, with {@code preferred} (a node id, or null for none) as the preferred leader. */
    private static List<RaftPeer> peers(List<ClusterMember> members, String preferred) {
        List<RaftPeer> peers = new ArrayList<>(members.size());
        for (ClusterMember member : members) {
            peers.add(RaftPeer.newBuilder().setId(member.id()).setAddress(member.address())
                    .setPriority(member.id().equals(preferred) ? 1 : 0).build());
        }
        return peers;
    }

    /** A store over this node's replicas; reads are {@code consistency} unless asked otherwise. */
    public ReplicatedStore store(Consistency consistency) {
        return new ReplicatedStore(groups, layout, consistency, new ItemLimits(settings.engineOptions().maxItemBytes()));
    }

    /** This node's replica of group 0, the only group of a single-group deployment. */
    public SkiffStateMachine replica() {
        return replica(0);
    }

    /** Group {@code index} as this node reaches it. */
    GroupReplica group(int index) {
        return groups.get(index);
    }

    /** This node's replica of group {@code group}. */
    public SkiffStateMachine replica(int group) {
        return groups.get(group).replica();
    }

    /** How the keyspace is split over groups. */
    public GroupLayout layout() {
        return layout;
    }

    public String nodeId() {
        return settings.nodeId();
    }

    /** Whether this node leads group 0 now. */
    public boolean isLeader() {
        return isLeader(0);
    }

    /** Whether this node leads group {@code group} now. */
    public boolean isLeader(int group) {
        try {
            return server.getDivision(layout.id(group)).getInfo().isLeader();
        } catch (IOException e) {
            return false;
        }
    }

    /** The id of group {@code group}'s leader as this node knows it, if it knows one. */
    public Optional<String> leaderId(int group) {
        try {
            RaftPeerId leader = server.getDivision(layout.id(group)).getInfo().getLeaderId();
            return Optional.ofNullable(leader).map(RaftPeerId::toString);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first index still in this node's log of group 0; above 0 once a snapshot let it purge. */
    public long logStartIndex() {
        try {
            return server.getDivision(layout.id(0)).getRaftLog().getStartIndex();
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Node '" + settings.nodeId() + "' has no group", e);
        }
    }

    /**
     * Makes {@code members} the voters of every group (adding and removing at once), through each
     * group's leader; a new member receives a snapshot or the log and then votes.
     */
    public void setVoters(List<ClusterMember> members) {
        for (GroupReplica group : groups) {
            try {
                RaftClientReply reply = group.client().admin().setConfiguration(
                        peers(members, group.index(), layout.count()));
                if (!reply.isSuccess()) {
                    throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Changing the voters of group "
                            + group.index() + " to " + members + " failed: " + reply.getException());
                }
            } catch (IOException e) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Changing the voters of group "
                        + group.index() + " to " + members + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** How long ago this node's transaction resolver finished a round; empty with one group (it has none). */
    public Optional<Duration> sinceLastResolverRound() {
        return resolver == null ? Optional.empty() : Optional.of(resolver.sinceLastRound());
    }

    /** This node's view of every group, in group order. */
    public List<GroupStatus> status() {
        List<GroupStatus> statuses = new ArrayList<>(groups.size());
        for (GroupReplica group : groups) {
            try {
                RaftServer.Division division = server.getDivision(group.id());
                var info = division.getInfo();
                statuses.add(new GroupStatus(group.index(), group.id().getUuid().toString(),
                        Optional.ofNullable(info.getLeaderId()).map(RaftPeerId::toString), info.getCurrentRole().name(),
                        info.getCurrentTerm(), division.getRaftLog().getLastCommittedIndex(),
                        info.getLastAppliedIndex(), members(division), group.forwardedWrites()));
            } catch (IOException e) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Node '" + settings.nodeId()
                        + "' has no group " + group.index(), e);
            }
        }
        return statuses;
    }

    private static List<ClusterMember> members(RaftServer.Division division) {
        List<ClusterMember> members = new ArrayList<>();
        for (RaftPeer peer : division.getGroup().getPeers()) {
            String address = peer.getAddress();
            int colon = address.lastIndexOf(':');
            members.add(new ClusterMember(peer.getId().toString(), address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))));
        }
        members.sort(java.util.Comparator.comparing(ClusterMember::id));
        return members;
    }

    /** The voters of group 0 now (every group has the same voters). */
    public List<ClusterMember> voters() {
        try {
            return members(server.getDivision(layout.id(0)));
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Node '" + settings.nodeId() + "' has no group", e);
        }
    }

    /** Adds {@code member} as a voter of every group (it must be running, started with --join). */
    public void addVoter(ClusterMember member) {
        List<ClusterMember> members = new ArrayList<>(voters());
        if (members.stream().anyMatch(m -> m.id().equals(member.id()))) {
            throw SkiffException.validation("Node '" + member.id() + "' is already a voter");
        }
        members.add(member);
        setVoters(members);
    }

    /** Removes the node {@code nodeId} from every group. */
    public void removeServer(String nodeId) {
        List<ClusterMember> members = new ArrayList<>(voters());
        if (!members.removeIf(m -> m.id().equals(nodeId))) {
            throw SkiffException.validation("Node '" + nodeId + "' is not a voter; the voters are " + members);
        }
        if (members.isEmpty()) {
            throw SkiffException.validation("Node '" + nodeId + "' is the last voter and cannot be removed");
        }
        setVoters(members);
    }

    /**
     * Moves the leadership of group {@code group} to {@code nodeId}. The node becomes the group's
     * preferred leader, so the move lasts until leadership is moved again.
     */
    public void transferLeadership(int group, String nodeId) {
        GroupReplica target = groups.get(group);
        List<ClusterMember> members = voters();
        if (members.stream().noneMatch(m -> m.id().equals(nodeId))) {
            throw SkiffException.validation("Node '" + nodeId + "' is not a voter; the voters are " + members);
        }
        try {
            RaftClientReply reply = target.client().admin().setConfiguration(peers(members, nodeId));
            if (reply.isSuccess()) {
                reply = target.client().admin().transferLeadership(RaftPeerId.valueOf(nodeId),
                        settings.requestTimeout().toMillis());
            }
            if (!reply.isSuccess()) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Moving the leadership of group " + group
                        + " to '" + nodeId + "' failed: " + reply.getException());
            }
        } catch (IOException e) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Moving the leadership of group " + group
                    + " to '" + nodeId + "' failed: " + e.getMessage(), e);
        }
    }

    /** Asks every group's leader to take a snapshot now (and purge its log up to it). */
    public void takeSnapshot() {
        for (GroupReplica group : groups) {
            try {
                RaftClientReply reply = group.client().getSnapshotManagementApi()
                        .create(true, settings.requestTimeout().toMillis());
                if (!reply.isSuccess()) {
                    throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Snapshot of group " + group.index()
                            + " failed: " + reply.getException());
                }
            } catch (IOException e) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "Snapshot of group " + group.index()
                        + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Stops the node: its replicas close cleanly; the rest of each group carries on without it. */
    @Override
    public void close() {
        closeQuietly(resolver);
        groups.forEach(GroupReplica::closeClient);
        closeQuietly(server);
        LOG.info("Node {} stopped", settings.nodeId());
    }

    /** Closes what may be closed already or half open; a failure is logged, not thrown. */
    static void closeQuietly(AutoCloseable closeable) {
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
        return "ReplicaNode{" + settings.nodeId() + ", " + layout.count() + " groups}";
    }
}
