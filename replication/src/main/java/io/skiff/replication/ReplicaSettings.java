package io.skiff.replication;

import io.skiff.storage.EngineOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one node of a replicated deployment runs.
 *
 * @param nodeId this node's id; it must be one of {@code members} unless {@code joining}
 * @param members the voters of the group when it is first formed
 * @param dataDirectory where the node keeps its Raft log, snapshots and data
 * @param engineOptions how replicas open their storage engines
 * @param requestTimeout how long a write or a strong read may wait for the cluster
 * @param electionTimeout the shortest election timeout; the longest is twice it
 * @param snapshotEveryEntries how many log entries after the last snapshot trigger the next one
 * @param logSegmentBytes the size of a Raft log segment, the unit the log is purged in
 * @param joining whether this node starts outside the group, waiting to be added as a voter
 * @param groups how many Raft groups share the keyspace (the same on every node)
 */
public record ReplicaSettings(String nodeId, List<ClusterMember> members, Path dataDirectory,
                              EngineOptions engineOptions, Duration requestTimeout, Duration electionTimeout,
                              long snapshotEveryEntries, long logSegmentBytes, boolean joining, int groups) {

    public ReplicaSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        members = List.copyOf(members);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(engineOptions, "engineOptions");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(electionTimeout, "electionTimeout");
        if (!joining && members.stream().noneMatch(m -> m.id().equals(nodeId))) {
            throw new IllegalArgumentException("Node '" + nodeId + "' is not one of the peers " + members);
        }
        if (members.stream().map(ClusterMember::id).distinct().count() != members.size()) {
            throw new IllegalArgumentException("Two peers share one id: " + members);
        }
        GroupLayout.checkCount(groups);
    }

    /** Settings with the defaults: 10 s requests, 1 s elections, a snapshot every 100,000 entries. */
    public static ReplicaSettings of(String nodeId, List<ClusterMember> members, Path dataDirectory) {
        return new ReplicaSettings(nodeId, members, dataDirectory, EngineOptions.defaults(), Duration.ofSeconds(10),
                Duration.ofSeconds(1), 100_000, 8L << 20, false, 1);
    }

    /** This node as a member. */
    public ClusterMember self() {
        return members.stream().filter(m -> m.id().equals(nodeId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Node '" + nodeId + "' is not in " + members));
    }

    public ReplicaSettings withSnapshotEveryEntries(long entries, long segmentBytes) {
        return new ReplicaSettings(nodeId, members, dataDirectory, engineOptions, requestTimeout, electionTimeout,
                entries, segmentBytes, joining, groups);
    }

    public ReplicaSettings withElectionTimeout(Duration timeout) {
        return new ReplicaSettings(nodeId, members, dataDirectory, engineOptions, requestTimeout, timeout,
                snapshotEveryEntries, logSegmentBytes, joining, groups);
    }

    /** Settings for a node that starts outside the group and is then added as a voter. */
    public ReplicaSettings asJoining() {
        return new ReplicaSettings(nodeId, members, dataDirectory, engineOptions, requestTimeout, electionTimeout,
                snapshotEveryEntries, logSegmentBytes, true, groups);
    }

    /** Settings whose writes and strong reads wait at most {@code timeout} for the cluster. */
    public ReplicaSettings withRequestTimeout(Duration timeout) {
        return new ReplicaSettings(nodeId, members, dataDirectory, engineOptions, timeout, electionTimeout,
                snapshotEveryEntries, logSegmentBytes, joining, groups);
    }

    /** Settings whose replicas open their engines with {@code options}. */
    public ReplicaSettings withEngineOptions(EngineOptions options) {
        return new ReplicaSettings(nodeId, members, dataDirectory, options, requestTimeout, electionTimeout,
                snapshotEveryEntries, logSegmentBytes, joining, groups);
    }

    /** Settings for a deployment whose keyspace is hashed over {@code count} Raft groups. */
    public ReplicaSettings withGroups(int count) {
        return new ReplicaSettings(nodeId, members, dataDirectory, engineOptions, requestTimeout, electionTimeout,
                snapshotEveryEntries, logSegmentBytes, joining, count);
    }
}
