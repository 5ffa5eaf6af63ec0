package io.skiff.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.replication.command.CommandApplier;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.Outcome;
import io.skiff.storage.api.WriteResult;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.LeaderNotReadyException;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * One Raft group as a node sees it: the node's replica of the group's data, and a client that
 * reaches the group's leader wherever it is.
 */
final class GroupReplica {

    /** The largest write, encoded, that one log entry carries. */
    static final int MAX_COMMAND_BYTES = 7 << 20;

    private final int index;
    private final RaftGroupId id;
    private final SkiffStateMachine replica;
    private final GroupClient client;
    private final RaftPeerId localPeer;
    private final Duration timeout;
    private final RaftServer server;
    /** Identifies this node's own in-process requests to the local server, for its retry cache. */
    private final ClientId localClient = ClientId.randomId();
    private final AtomicLong localCalls = new AtomicLong();
    /** Writes this node handed to another node because it did not lead the group. */
    private final AtomicLong forwardedWrites = new AtomicLong();

    GroupReplica(int index, RaftGroupId id, SkiffStateMachine replica, GroupClient client, RaftPeerId localPeer,
                 Duration timeout, RaftServer server) {
        this.index = index;
        this.id = id;
        this.replica = replica;
        this.client = client;
        this.localPeer = localPeer;
        this.timeout = timeout;
        this.server = server;
    }

    int index() {
        return index;
    }

    RaftGroupId id() {
        return id;
    }

    SkiffStateMachine replica() {
        return replica;
    }

    /** The client that reaches the group's leader now (a closed one is replaced). */
    RaftClient client() {
        return client.current();
    }

    /** Closes this node's client of the group. */
    void closeClient() {
        client.close();
    }

    /** How many writes reached this node while another led the group, and went on to the leader. */
    long forwardedWrites() {
        return forwardedWrites.get();
    }

    /** Commits a command through the leader; returns its result and the log index it got. */
    Committed submit(Command command) {
        int size = command.getSerializedSize();
        if (size > MAX_COMMAND_BYTES) {
            throw SkiffException.validation("This write is " + (size >> 20) + " MiB once encoded; one replicated"
                    + " write may carry at most " + (MAX_COMMAND_BYTES >> 20) + " MiB: split it into smaller"
                    + " statements or batches (nothing was written)");
        }
        Message message = Message.valueOf(UnsafeByteOperations.unsafeWrap(command.toByteArray()));
        RaftClientReply reply = submitLocally(message);
        if (reply == null) {
            forwardedWrites.incrementAndGet();
            reply = await(client.send(raft -> raft.async().send(message)), "commit the write");
        }
        try {
            Outcome outcome = Outcome.parseFrom(reply.getMessage().getContent().toByteArray());
            return new Committed(outcome, reply.getLogIndex());
        } catch (InvalidProtocolBufferException e) {
            throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Unreadable outcome of a replicated write", e);
        }
    }

    /**
     * When this node leads the group, hands the command to the local Raft server in-process,
     * sparing the two loopback RPCs a client call costs; returns null when it does not lead (or
     * stopped leading), so the caller goes through the client, which finds the leader.
     */
    private RaftClientReply submitLocally(Message message) {
        RaftClientReply reply;
        try {
            if (!server.getDivision(id).getInfo().isLeader()) {
                return null;
            }
            RaftClientRequest request = RaftClientRequest.newBuilder().setClientId(localClient).setServerId(localPeer)
                    .setGroupId(id).setCallId(localCalls.incrementAndGet()).setMessage(message)
                    .setType(RaftClientRequest.writeRequestType()).build();
            reply = server.submitClientRequestAsync(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return null;
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            // The entry may be in the log already: sending it again could apply it twice.
            throw unavailable("commit the write", e instanceof ExecutionException ? e.getCause() : e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkiffException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for the cluster to commit"
                    + " the write");
        }
        if (reply.isSuccess()) {
            return reply;
        }
        if (reply.getNotLeaderException() != null || reply.getException() instanceof LeaderNotReadyException) {
            // Refused before it reached the log: the client finds the leader.
            return null;
        }
        throw unavailable("commit the write", reply.getException());
    }

    /** What a committed command produced, and where it is in the log. */
    record Committed(Outcome outcome, long logIndex) {
        WriteResult result() {
            return CommandApplier.resultOf(outcome);
        }
    }

    /**
     * Returns once this replica applied everything the leader had committed when the call began
     * (Ratis' ReadIndex, answered at this replica): a read after it is linearizable.
     */
    void awaitLeaderCommit() {
        // A replica that just started, or whose leader just changed, does not know the leader
        // for a moment and refuses at once: try again until the time is up.
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        while (true) {
            try {
                await(client.send(raft -> raft.async().sendReadOnlyUnordered(Message.EMPTY, localPeer)),
                        "confirm a strong read");
                return;
            } catch (SkiffException e) {
                if (e.code() != ErrorCode.CLUSTER_UNAVAILABLE || System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SkiffException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for the cluster");
            }
            pause = Math.min(500, pause * 2);
        }
    }

    /** Returns once this replica applied the entry at {@code logIndex} (a write made through it). */
    void awaitApplied(long logIndex) {
        try {
            if (logIndex >= 0 && !replica.appliedIndex().await(logIndex, timeout)) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "This replica did not catch up with its own"
                        + " last write (log index " + logIndex + ") within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkiffException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for this replica");
        }
    }

    private RaftClientReply await(CompletableFuture<RaftClientReply> call, String what) {
        RaftClientReply reply;
        try {
            reply = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "The cluster could not " + what + " within "
                    + timeout.toSeconds() + " s (no leader or no quorum); a write may still take effect", e);
        } catch (ExecutionException e) {
            throw unavailable(what, e.getCause());
        } catch (CancellationException e) {
            throw unavailable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SkiffException(ErrorCode.QUERY_CANCELLED, "Interrupted while waiting for the cluster to " + what);
        }
        if (!reply.isSuccess()) {
            throw unavailable(what, reply.getException());
        }
        return reply;
    }

    private static SkiffException unavailable(String what, Throwable cause) {
        return new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "The cluster could not " + what + ": "
                + (cause == null ? "unknown failure" : cause.getMessage()), cause);
    }
}
