package io.skiff.server;

import io.grpc.stub.StreamObserver;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.v1.AddVoterRequest;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import io.skiff.protocol.v1.Peer;
import io.skiff.protocol.v1.RemoveServerRequest;
import io.skiff.protocol.v1.TransferLeaderRequest;
import io.skiff.replication.ClusterMember;
import io.skiff.replication.ReplicaNode;
import java.util.List;
import java.util.Optional;

/** Status and membership calls, answered by this node's view of the cluster. */
final class ClusterEndpoint extends ClusterServiceGrpc.ClusterServiceImplBase {

    private final Optional<ReplicaNode> node;

    /** @param node this server's node of a cluster; empty for a single node */
    ClusterEndpoint(Optional<ReplicaNode> node) {
        this.node = node;
    }

    @Override
    public void status(ClusterStatusRequest request, StreamObserver<ClusterStatusResponse> observer) {
        Calls.answer(observer, "Status", () -> node.map(ClusterEndpoint::status)
                .orElse(ClusterStatusResponse.newBuilder().setReplicated(false).build()));
    }

    @Override
    public void addVoter(AddVoterRequest request, StreamObserver<ClusterStatusResponse> observer) {
        Calls.answer(observer, "AddVoter", () -> {
            ReplicaNode cluster = requireCluster();
            ClusterMember member;
            try {
                member = ClusterMember.of(request.getNodeId(), request.getRaftAddress());
            } catch (IllegalArgumentException e) {
                throw SkiffException.validation("Cannot add voter '" + request.getNodeId() + "' at '"
                        + request.getRaftAddress() + "': " + e.getMessage());
            }
            cluster.addVoter(member);
            return status(cluster);
        });
    }

    @Override
    public void removeServer(RemoveServerRequest request, StreamObserver<ClusterStatusResponse> observer) {
        Calls.answer(observer, "RemoveServer", () -> {
            ReplicaNode cluster = requireCluster();
            cluster.removeServer(request.getNodeId());
            return status(cluster);
        });
    }

    @Override
    public void transferLeader(TransferLeaderRequest request, StreamObserver<ClusterStatusResponse> observer) {
        Calls.answer(observer, "TransferLeader", () -> {
            ReplicaNode cluster = requireCluster();
            int groups = cluster.layout().count();
            if (!request.getAllGroups() && (request.getGroup() < 0 || request.getGroup() >= groups)) {
                throw SkiffException.validation("Group " + request.getGroup() + " does not exist; the groups are 0 to "
                        + (groups - 1));
            }
            for (int group = 0; group < groups; group++) {
                if (request.getAllGroups() || group == request.getGroup()) {
                    cluster.transferLeadership(group, request.getNodeId());
                }
            }
            return status(cluster);
        });
    }

    private ReplicaNode requireCluster() {
        return node.orElseThrow(() -> SkiffException.validation("This server is a single node, not a member of a"
                + " cluster: start it with --node-id and --peers to form one"));
    }

    private static ClusterStatusResponse status(ReplicaNode node) {
        ClusterStatusResponse.Builder response = ClusterStatusResponse.newBuilder().setReplicated(true)
                .setNodeId(node.nodeId());
        for (io.skiff.replication.GroupStatus group : node.status()) {
            response.addGroups(toProto(group));
        }
        return response.build();
    }

    private static GroupStatus toProto(io.skiff.replication.GroupStatus group) {
        GroupStatus.Builder wire = GroupStatus.newBuilder().setGroup(group.group()).setGroupId(group.groupId())
                .setRole(group.role()).setTerm(group.term()).setCommitIndex(group.commitIndex())
                .setAppliedIndex(group.appliedIndex()).setForwardedWrites(group.forwardedWrites());
        group.leaderId().ifPresent(wire::setLeaderId);
        List<ClusterMember> peers = group.peers();
        peers.forEach(peer -> wire.addPeers(Peer.newBuilder().setNodeId(peer.id()).setRaftAddress(peer.address())));
        return wire.build();
    }
}
