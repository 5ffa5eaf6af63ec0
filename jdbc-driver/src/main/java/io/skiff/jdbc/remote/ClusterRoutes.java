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
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Which server of a URL's host list leads each Raft group, so that a statement keyed by one
 * partition goes straight to the leader of the group that owns the partition's hash, as the
 * cluster splits the keyspace. The servers are asked with the cluster service: each says which
 * node it is, and the connected one says who leads each group. The first view is asked for when
 * the connection opens ({@link #start}); from then on a daemon thread of the connection asks
 * again every {@link #REFRESH}, and at once after a routed call failed, so a statement only reads
 * the latest view and never waits for a server's answer. A single node is never routed to, and
 * needs no thread.
 *
 * <p>A route is only a shortcut: a server that does not lead the group forwards the write to
 * the leader, so a stale view costs a hop, never a wrong answer.
 */
final class ClusterRoutes implements AutoCloseable {

    /** How often the connected server is asked who leads each group. */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** The name of every connection's refreshing thread starts with this. */
    static final String THREAD_NAME = "skiff-leader-view ";
    private static final long ASK_TIMEOUT_MILLIS = 2_000;
    /** How long to wait before asking again a server that did not say which node it is. */
    private static final Duration RETRY_SILENT = Duration.ofSeconds(30);
    /** How long closing waits for a refresh under way (its calls are cancelled at once). */
    private static final long CLOSE_WAIT_SECONDS = 5;

    private final String home;
    private final List<String> endpoints;
    private final Function<String, ManagedChannel> channels;
    private final Duration refreshEvery;

    /** The endpoint of each node that said which it is. */
    private final Map<String, String> endpointOfNode = new ConcurrentHashMap<>();
    /** When each endpoint that did not answer was last asked. */
    private final Map<String, Long> silentSince = new ConcurrentHashMap<>();
    /** Whether a refresh asked for by {@link #forget} waits to run, so that failures in a row queue one. */
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    private volatile View view;
    private volatile boolean singleNode;
    /** The thread that refreshes the view; null before {@link #start}, for a single node, and once closed. */
    private volatile ScheduledExecutorService refresher;
    /** The refresher's one thread, so that closing can wait for it to be gone, not only idle. */
    private volatile Thread refresherThread;
    private volatile boolean closed;

    /**
     * @param home the endpoint the connection went to
     * @param endpoints every endpoint of the URL's host list, {@code home} among them
     * @param channels the channel to an endpoint, opened once and closed by the caller
     */
    ClusterRoutes(String home, List<String> endpoints, Function<String, ManagedChannel> channels) {
        this(home, endpoints, channels, REFRESH);
    }

    /** Routes refreshed every {@code refreshEvery}: for tests. */
    ClusterRoutes(String home, List<String> endpoints, Function<String, ManagedChannel> channels,
                  Duration refreshEvery) {
        this.home = home;
        this.endpoints = List.copyOf(endpoints);
        this.channels = channels;
        this.refreshEvery = refreshEvery;
    }

    /**
     * Asks for the first view on the calling thread, as the connection opens (so its first
     * statements are routed already), then starts the thread that keeps it fresh, unless the
     * connected server is a single node.
     */
    synchronized void start() {
        if (closed || refresher != null) {
            return;
        }
        view = ask();
        if (singleNode) {
            return;
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread refreshing = new Thread(task, THREAD_NAME + home);
            refreshing.setDaemon(true);
            refresherThread = refreshing;
            return refreshing;
        });
        long every = refreshEvery.toNanos();
        thread.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.NANOSECONDS);
        refresher = thread;
    }

    /**
     * The endpoint of the server that leads the group owning {@code partitionKey}, when the
     * latest view knows it. Never waits: a view being asked for is not waited for.
     */
    Optional<String> leaderOf(AttributeValue partitionKey) {
        View current = singleNode ? null : view;
        if (current == null || current.leaders().isEmpty()) {
            return Optional.empty();
        }
        int group = PartitionHashes.sliceOf(PartitionHashes.of(partitionKey), current.leaders().size());
        return Optional.ofNullable(current.leaders().get(group));
    }

    /**
     * Forgets the view, after a routed call failed, and has it asked for again at once in the
     * background; statements go to the connected server meanwhile.
     */
    void forget() {
        view = null;
        ScheduledExecutorService thread = refresher;
        if (thread == null || !refreshQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.execute(() -> {
                refreshQueued.set(false);
                refresh();
            });
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: nothing is routed any more.
            refreshQueued.set(false);
        }
    }

    /** Runs on the refreshing thread: one refresh at a time, whatever asked for it. */
    private void refresh() {
        try {
            View fresh = ask();
            if (!closed) {
                view = fresh;
            }
            ScheduledExecutorService thread = refresher;
            if (singleNode && thread != null) {
                thread.shutdown();
            }
        } catch (RuntimeException e) {
            // Keep the view: a route is only a shortcut, and the next refresh asks again.
        }
    }

    /** Asks the connected server who leads each group: null for a single node, no leaders when it cannot tell. */
    private View ask() {
        long now = System.nanoTime();
        Optional<ClusterStatusResponse> status = statusOf(home);
        if (status.isEmpty()) {
            return new View(List.of());
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
        return new View(java.util.Collections.unmodifiableList(leaders));
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

    /**
     * Stops the refreshing thread: a call under way is cancelled (the thread is interrupted), and
     * closing returns once the thread has ended, before the connection closes its channels.
     */
    @Override
    public void close() {
        ScheduledExecutorService thread;
        synchronized (this) {
            closed = true;
            thread = refresher;
            refresher = null;
        }
        view = null;
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            // The executor counts as terminated a moment before its thread has exited.
            Thread exiting = refresherThread;
            if (exiting != null) {
                exiting.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The leader endpoint of each group, in group order: null where no listed server leads it. */
    private record View(List<String> leaders) {
    }
}
