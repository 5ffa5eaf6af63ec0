package io.skiff.replication;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.exceptions.AlreadyClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ratis client through which this node reaches one group's leader, replaced when Ratis
 * reports it closed. An ordered async request that fails for good (its retries used up while
 * the leader was down, say) closes the client's sliding window, and every later ordered request
 * on that client fails at once with {@link AlreadyClosedException}: without a new client, the
 * node could never again forward a write to that group, nor resolve a prepared transaction
 * whose coordinator is there.
 */
final class GroupClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupClient.class);

    private final int group;
    private final Supplier<RaftClient> factory;
    private volatile RaftClient current;

    GroupClient(int group, Supplier<RaftClient> factory) {
        this.group = group;
        this.factory = factory;
        this.current = factory.get();
    }

    /** The client to use now. */
    RaftClient current() {
        return current;
    }

    /** Sends through the current client; a closed client is replaced for the calls that follow. */
    CompletableFuture<RaftClientReply> send(Function<RaftClient, CompletableFuture<RaftClientReply>> call) {
        RaftClient used = current;
        CompletableFuture<RaftClientReply> reply;
        try {
            reply = call.apply(used);
        } catch (RuntimeException e) {
            replaceIfClosed(used, e);
            throw e;
        }
        return reply.whenComplete((answer, failure) -> {
            replaceIfClosed(used, failure);
            if (answer != null) {
                replaceIfClosed(used, answer.getException());
            }
        });
    }

    private void replaceIfClosed(RaftClient used, Throwable failure) {
        if (closed(failure)) {
            replace(used);
        }
    }

    private synchronized void replace(RaftClient failed) {
        if (current != failed) {
            return; // another call already replaced it
        }
        current = factory.get();
        LOG.info("event=raft-client-replaced group={} reason=closed", group);
        ReplicaNode.closeQuietly(failed);
    }

    static boolean closed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AlreadyClosedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        ReplicaNode.closeQuietly(current);
    }
}
