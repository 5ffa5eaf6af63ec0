package io.skiff.server;

import io.skiff.replication.Consistency;
import io.skiff.replication.ReplicaNode;
import io.skiff.replication.ReplicaSettings;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.ItemStore;
import java.util.Optional;

/**
 * The store a server serves, opened from its settings: the storage engine of a single node, or
 * this node's replica of a Raft group. Either way the server sees an {@link ItemStore}.
 */
record OpenStore(ItemStore store, Optional<ReplicaNode> node, AutoCloseable owner, String description)
        implements AutoCloseable {

    static OpenStore open(ServerSettings settings) {
        EngineOptions engineOptions = EngineOptions.builder().syncWrites(settings.syncWrites()).build();
        if (settings.cluster().isEmpty()) {
            Engine engine = Engine.open(settings.dataDir(), engineOptions);
            return new OpenStore(engine, Optional.empty(), engine, "");
        }
        ServerSettings.Cluster cluster = settings.cluster().get();
        ReplicaSettings replica = ReplicaSettings.of(cluster.nodeId(), cluster.peers(), settings.dataDir())
                .withGroups(cluster.groups()).withEngineOptions(engineOptions);
        ReplicaNode node = ReplicaNode.start(cluster.join() ? replica.asJoining() : replica);
        return new OpenStore(node.store(Consistency.EVENTUAL), Optional.of(node), node, "as node " + cluster.nodeId() + " of "
                + cluster.peers().size() + " (Raft port " + replica.self().raftPort() + ", " + cluster.groups() + " groups)");
    }

    /** What to add to the start-up line. */
    String describe() {
        return description.isEmpty() ? "" : ", " + description;
    }

    @Override
    public void close() {
        try {
            owner.close();
        } catch (Exception e) {
            throw new IllegalStateException("Closing the store failed: " + e.getMessage(), e);
        }
    }
}
