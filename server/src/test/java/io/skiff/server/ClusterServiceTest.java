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
import io.skiff.protocol.v1.AddVoterRequest;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import io.skiff.protocol.v1.Peer;
import io.skiff.protocol.v1.RemoveServerRequest;
import io.skiff.protocol.v1.TransferLeaderRequest;
import io.skiff.replication.Consistency;
import io.skiff.replication.LocalCluster;
import io.skiff.replication.ReplicaNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Status and membership over gRPC, against a real cluster and a single node. */
class ClusterServiceTest {

    @TempDir
    Path dir;

    @Test
    void statusAddVoterTransferLeaderAndRemoveServer() throws Exception {
        try (LocalCluster cluster = LocalCluster.start(dir, 3, settings -> settings.withGroups(2))) {
            // With several groups, n1 is group 0's preferred leader: wait until it leads and n2 knows it.
            await().atMost(Duration.ofSeconds(30)).until(() -> cluster.node("n1").isLeader(0)
                    && cluster.node("n2").leaderId(0).filter("n1"::equals).isPresent());
            ReplicaNode follower = cluster.node("n2");
            SkiffServer server = SkiffServer.start(follower.store(Consistency.EVENTUAL), Optional.of(follower),
                    "127.0.0.1", 0, Duration.ofMinutes(5));
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                var admin = ClusterServiceGrpc.newBlockingStub(channel);
                ClusterStatusResponse status = admin.status(ClusterStatusRequest.getDefaultInstance());
                assertThat(status.getReplicated()).isTrue();
                assertThat(status.getNodeId()).isEqualTo(follower.nodeId());
                assertThat(status.getGroupsList()).hasSize(2);
                GroupStatus group0 = status.getGroups(0);
                assertThat(group0.getRole()).isEqualTo("FOLLOWER");
                assertThat(group0.getLeaderId()).isEqualTo("n1");
                assertThat(group0.getPeersList()).extracting(Peer::getNodeId).containsExactly("n1", "n2", "n3");
                assertThat(group0.getTerm()).isPositive();
                assertThat(group0.getAppliedIndex()).isLessThanOrEqualTo(group0.getCommitIndex());

                ReplicaNode newcomer = cluster.startJoining("n4");
                String address = cluster.members().get(3).address();
                ClusterStatusResponse added = admin.addVoter(AddVoterRequest.newBuilder().setNodeId("n4")
                        .setRaftAddress(address).build());
                assertThat(added.getGroupsList()).allSatisfy(group -> assertThat(group.getPeersList())
                        .extracting(Peer::getNodeId).containsExactly("n1", "n2", "n3", "n4"));
                cluster.awaitConverged();
                assertThat(newcomer.status()).allSatisfy(group -> assertThat(group.role()).isEqualTo("FOLLOWER"));

                admin.transferLeader(TransferLeaderRequest.newBuilder().setNodeId("n4").setGroup(1).build());
                await().atMost(Duration.ofSeconds(30)).until(() -> newcomer.isLeader(1));

                StatusRuntimeException unknown = catchThrowableOfType(StatusRuntimeException.class, () ->
                        admin.removeServer(RemoveServerRequest.newBuilder().setNodeId("n9").build()));
                assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                assertThat(ProtoErrors.fromStatus(unknown).orElseThrow().getMessage()).contains("'n9' is not a voter");

                ClusterStatusResponse removed = admin.removeServer(RemoveServerRequest.newBuilder().setNodeId("n4")
                        .build());
                assertThat(removed.getGroupsList()).allSatisfy(group -> assertThat(group.getPeersList())
                        .extracting(Peer::getNodeId).containsExactly("n1", "n2", "n3"));
                await().atMost(Duration.ofSeconds(30)).until(() -> cluster.running().stream()
                        .filter(n -> !n.nodeId().equals("n4")).anyMatch(n -> n.isLeader(1)));
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                server.stop(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void aSingleNodeAnswersStatusAndRefusesMembershipChanges() throws Exception {
        try (RunningServer single = new RunningServer()) {
            var admin = ClusterServiceGrpc.newBlockingStub(single.channel);
            assertThat(admin.status(ClusterStatusRequest.getDefaultInstance()).getReplicated()).isFalse();
            StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () ->
                    admin.addVoter(AddVoterRequest.newBuilder().setNodeId("n2").setRaftAddress("h:1").build()));
            assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(ProtoErrors.fromStatus(refused).orElseThrow().code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            assertThat(refused.getStatus().getDescription()).contains("single node");
        }
    }
}
