package io.skiff.jdbc.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.skiff.core.value.StringValue;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The view of the leaders is kept fresh by a thread of its own: a statement reads the latest view
 * and never waits for a server's answer, even while one is slow to give it, and closing stops the
 * thread. Two fake nodes answer the cluster service over real gRPC.
 */
@Timeout(60)
class ClusterRoutesTest {

    private static final StringValue KEY = new StringValue("user#1");

    private final List<FakeNode> nodes = new ArrayList<>();
    private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
    private ClusterRoutes routes;

    @AfterEach
    void stop() throws InterruptedException {
        if (routes != null) {
            routes.close();
        }
        nodes.forEach(FakeNode::answerNow);
        channels.values().forEach(ManagedChannel::shutdownNow);
        for (FakeNode node : nodes) {
            node.server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private FakeNode node(String id) throws IOException {
        FakeNode node = new FakeNode(id);
        nodes.add(node);
        return node;
    }

    private ManagedChannel channel(String endpoint) {
        return channels.computeIfAbsent(endpoint, key -> NettyChannelBuilder.forTarget(key).usePlaintext().build());
    }

    /** Routes from {@code home} over the fake nodes, refreshed every few milliseconds. */
    private ClusterRoutes routesFrom(FakeNode home) {
        List<String> endpoints = nodes.stream().map(FakeNode::endpoint).toList();
        return new ClusterRoutes(home.endpoint(), endpoints, this::channel, Duration.ofMillis(5));
    }

    private static Optional<Thread> refreshingThread(FakeNode home) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals(ClusterRoutes.THREAD_NAME + home.endpoint())).findFirst();
    }

    @Test
    void aStatementReadsTheLatestViewWhileAServerIsSlowToAnswer() throws Exception {
        FakeNode home = node("n1");
        FakeNode other = node("n2");
        home.leadersAre("n2", "n2");
        routes = routesFrom(home);
        routes.start();
        assertThat(routes.leaderOf(KEY)).contains(other.endpoint());

        // The next refresh is stuck in the home's Status call: the view ages meanwhile.
        CountDownLatch asked = home.holdAnswers();
        asked.await();
        assertThat(routes.leaderOf(KEY)).as("the view before, at once").contains(other.endpoint());
        // A routed call failed: the view is dropped and asked for again; statements go home meanwhile.
        routes.forget();
        assertThat(routes.leaderOf(KEY)).isEmpty();

        home.leadersAre("n1", "n1");
        home.answerNow();
        while (!routes.leaderOf(KEY).equals(Optional.of(home.endpoint()))) {
            Thread.sleep(5);
        }
    }

    @Test
    void closingStopsTheRefreshingThreadEvenInTheMiddleOfACall() throws Exception {
        FakeNode home = node("n1");
        node("n2");
        home.leadersAre("n2", "n1");
        routes = routesFrom(home);
        routes.start();
        Thread thread = refreshingThread(home).orElseThrow();
        assertThat(thread.isDaemon()).isTrue();

        home.holdAnswers().await();
        routes.close();
        assertThat(thread.isAlive()).isFalse();
        assertThat(refreshingThread(home)).isEmpty();
        assertThat(routes.leaderOf(KEY)).isEmpty();
    }

    @Test
    void aSingleNodeIsNeverRoutedToAndNeedsNoThread() throws Exception {
        FakeNode home = node("n1");
        home.singleNode();
        routes = routesFrom(home);
        routes.start();
        assertThat(refreshingThread(home)).isEmpty();
        assertThat(routes.leaderOf(KEY)).isEmpty();
    }

    /** A node's cluster service: says who it is and who leads each group, at once or when let to. */
    private static final class FakeNode extends ClusterServiceGrpc.ClusterServiceImplBase {
        final String id;
        final Server server;
        private volatile ClusterStatusResponse answer;
        private volatile CountDownLatch held;
        private volatile CountDownLatch release = new CountDownLatch(0);

        FakeNode(String id) throws IOException {
            this.id = id;
            this.answer = ClusterStatusResponse.newBuilder().setReplicated(true).setNodeId(id).build();
            this.server = NettyServerBuilder.forPort(0).addService(this).build().start();
        }

        String endpoint() {
            return "127.0.0.1:" + server.getPort();
        }

        void leadersAre(String... leaderIds) {
            ClusterStatusResponse.Builder builder = ClusterStatusResponse.newBuilder().setReplicated(true).setNodeId(id);
            for (int group = 0; group < leaderIds.length; group++) {
                builder.addGroups(GroupStatus.newBuilder().setGroup(group).setLeaderId(leaderIds[group]));
            }
            answer = builder.build();
        }

        void singleNode() {
            answer = ClusterStatusResponse.newBuilder().setReplicated(false).setNodeId(id).build();
        }

        /** From now on Status waits until {@link #answerNow}; the latch opens when one is waiting. */
        CountDownLatch holdAnswers() {
            CountDownLatch asked = new CountDownLatch(1);
            release = new CountDownLatch(1);
            held = asked;
            return asked;
        }

        void answerNow() {
            held = null;
            release.countDown();
        }

        @Override
        public void status(ClusterStatusRequest request, StreamObserver<ClusterStatusResponse> observer) {
            CountDownLatch asked = held;
            if (asked != null) {
                asked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            observer.onNext(answer);
            observer.onCompleted();
        }
    }
}
