package io.skiff.jdbc.remote;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.skiff.core.key.PartitionHashes;
import io.skiff.core.value.AttributeValue;
import io.skiff.protocol.v1.ClusterServiceGrpc;
import io.skiff.protocol.v1.ClusterStatusRequest;
import io.skiff.protocol.v1.ClusterStatusResponse;
import io.skiff.protocol.v1.GroupStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which server of a URL's host list leads each Raft group, so that a statement keyed by one
 * partition goes straight to the leader of the group that owns the partition's hash, as the
 * cluster splits the keyspace. The servers are asked with the cluster service: each says which
 * node it is, and the connected one says who leads each group. A view older than
 * {@link #FRESH} is asked again when next used; a single node is never routed to.
 *
 * <p>A route is only a shortcut: a server that does not lead the group forwards the write to
 * the leader, so a stale view costs a hop, never a wrong answer.
 */
final class ClusterRoutes {

    /** How long a view of the leaders is used before the connected server is asked again. */
    static final Duration FRESH = Duration.ofSeconds(2);
    private static final long ASK_TIMEOUT_MILLIS = 2_000;

    private final String home;
    private final List<String> endpoints;
    private final Function<String, ManagedChannel> channels;
    /** How long to wait before asking again a server that did not say which node it is. */
    private static final Duration RETRY_SILENT = Duration.ofSeconds(30);

    /** The endpoint of each node that said which it is. */
    private final Map<String, String> endpointOfNode = new ConcurrentHashMap<>();
    /** When each endpoint that did not answer was last asked. */
    private final Map<String, Long> silentSince = new ConcurrentHashMap<>();
    private volatile View view;
    private volatile boolean singleNode;

    /**
     * @param home the endpoint the connection went to
     * @param endpoints every endpoint of the URL's host list, {@code home} among them
     * @param channels the channel to an endpoint, opened once and closed by the caller
     */
    ClusterRoutes(String home, List<String> endpoints, Function<String, ManagedChannel> channels) {
        this.home = home;
        this.endpoints = List.copyOf(endpoints);
        this.channels = channels;
    }

    /** The endpoint of the server that leads the group owning {@code partitionKey}, when it is known. */
    Optional<String> leaderOf(AttributeValue partitionKey) {
        View current = current();
        if (current == null || current.leaders().isEmpty()) {
            return Optional.empty();
        }
        int group = PartitionHashes.sliceOf(PartitionHashes.of(partitionKey), current.leaders().size());
        return Optional.ofNullable(current.leaders().get(group));
    }

    /** Forgets the view, after a routed call failed, so that the next statement asks again. */
    void forget() {
        view = null;
    }

    private View current() {
        if (singleNode) {
            return null;
        }
        View current = view;
        if (current != null && System.nanoTime() - current.askedAtNanos() < FRESH.toNanos()) {
            return current;
        }
        synchronized (this) {
            current = view;
            if (current == null || System.nanoTime() - current.askedAtNanos() >= FRESH.toNanos()) {
                current = ask();
                view = current;
            }
            return current;
        }
    }

    /** Asks the connected server who leads each group: null for a single node, no leaders when it cannot tell. */
    private View ask() {
        long now = System.nanoTime();
        Optional<ClusterStatusResponse> status = statusOf(home);
        if (status.isEmpty()) {
            return new View(List.of(), now);
        }
        if (!status.get().getReplicated()) {
            singleNode = true;
            return null;
        }
        endpointOfNode.put(status.get().getNodeId(), home);
        for (String endpoint : endpoints) {
            Long silent = silentSince.get(endpoint);
            if (endpointOfNode.containsValue(endpoint) || silent != null && now - silent < RETRY_SILENT.toNanos()) {
                continue;
            }
            Optional<ClusterStatusResponse> answer = statusOf(endpoint);
            if (answer.isPresent()) {
                endpointOfNode.put(answer.get().getNodeId(), endpoint);
                silentSince.remove(endpoint);
            } else {
                silentSince.put(endpoint, now);
            }
        }
        List<String> leaders = new ArrayList<>();
        for (GroupStatus group : status.get().getGroupsList()) {
            leaders.add(endpointOfNode.get(group.getLeaderId()));
        }
        return new View(java.util.Collections.unmodifiableList(leaders), now);
    }

    private Optional<ClusterStatusResponse> statusOf(String endpoint) {
        try {
            return Optional.of(ClusterServiceGrpc.newBlockingStub(channels.apply(endpoint))
                    .withDeadlineAfter(ASK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .status(ClusterStatusRequest.getDefaultInstance()));
        } catch (StatusRuntimeException e) {
            return Optional.empty();
        }
    }

    /** The leader endpoint of each group, in group order: null where no listed server leads it. */
    private record View(List<String> leaders, long askedAtNanos) {
    }
}
