package io.skiff.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.replication.command.CommandApplier;
import io.skiff.replication.command.CommandCodec;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.Outcome;
import io.skiff.storage.Engine;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.Page;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.Query;
import io.skiff.storage.api.Scan;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.api.WriteResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;

/**
 * The {@link ItemStore} of a replicated node: every write becomes a command committed by the
 * group (through its leader, wherever it is) and is acknowledged once a quorum holds it and it
 * was applied; reads are served by this node's replica at the chosen {@link Consistency}.
 *
 * <p>Reads always see the writes made through this store, even {@link Consistency#EVENTUAL}
 * ones on a follower: they first wait until the replica applied the last of them.
 */
public final class ReplicatedStore implements ItemStore {

    private final RaftClient client;
    private final RaftPeerId localPeer;
    private final SkiffStateMachine replica;
    private final Consistency consistency;
    private final Duration timeout;
    /** The log index of the last write through this store (and its views). */
    private final AtomicLong lastWrite;

    ReplicatedStore(RaftClient client, RaftPeerId localPeer, SkiffStateMachine replica, Consistency consistency,
                    Duration timeout) {
        this(client, localPeer, replica, consistency, timeout, new AtomicLong(-1));
    }

    private ReplicatedStore(RaftClient client, RaftPeerId localPeer, SkiffStateMachine replica,
                            Consistency consistency, Duration timeout, AtomicLong lastWrite) {
        this.client = client;
        this.localPeer = localPeer;
        this.replica = replica;
        this.consistency = consistency;
        this.timeout = timeout;
        this.lastWrite = lastWrite;
    }

    /** The same store, reading at {@code newConsistency}. */
    public ReplicatedStore withConsistency(Consistency newConsistency) {
        return newConsistency == consistency ? this
                : new ReplicatedStore(client, localPeer, replica, newConsistency, timeout, lastWrite);
    }

    public Consistency consistency() {
        return consistency;
    }

    @Override
    public ReplicatedStore consistentReads() {
        return withConsistency(Consistency.STRONG);
    }

    // ---- writes -------------------------------------------------------------------------

    @Override
    public void createTable(TableSchema schema) {
        submit(CommandCodec.createTable(schema));
    }

    @Override
    public void dropTable(String name) {
        submit(CommandCodec.dropTable(name));
    }

    @Override
    public WriteResult put(PutItem request) {
        return submit(CommandCodec.put(request));
    }

    @Override
    public WriteResult delete(DeleteItem request) {
        return submit(CommandCodec.delete(request));
    }

    @Override
    public WriteResult update(UpdateItem request) {
        return submit(CommandCodec.update(request));
    }

    @Override
    public void batchWrite(List<WriteRequest> writes) {
        submit(CommandCodec.batchWrite(writes));
    }

    @Override
    public void transactWrite(List<TransactWriteItem> items) {
        submit(CommandCodec.transactWrite(items));
    }

    @Override
    public void statementWrite(List<TransactWriteItem> items) {
        submit(CommandCodec.statementWrite(items));
    }

    private WriteResult submit(Command command) {
        RaftClientReply reply = await(client.async().send(
                Message.valueOf(UnsafeByteOperations.unsafeWrap(command.toByteArray()))), "commit the write");
        lastWrite.accumulateAndGet(reply.getLogIndex(), Math::max);
        try {
            return CommandApplier.resultOf(Outcome.parseFrom(reply.getMessage().getContent().toByteArray()));
        } catch (InvalidProtocolBufferException e) {
            throw new SkiffException(ErrorCode.INTERNAL_ERROR, "Unreadable outcome of a replicated write", e);
        }
    }

    // ---- reads --------------------------------------------------------------------------

    @Override
    public TableSchema describeTable(String name) {
        return read(engine -> engine.describeTable(name));
    }

    @Override
    public Optional<TableSchema> findTable(String name) {
        return read(engine -> engine.findTable(name));
    }

    @Override
    public List<TableSchema> listTables() {
        return read(Engine::listTables);
    }

    @Override
    public Optional<Item> get(GetItem request) {
        return read(engine -> engine.get(request));
    }

    @Override
    public Page query(Query request) {
        return read(engine -> engine.query(request));
    }

    @Override
    public Page scan(Scan request) {
        return read(engine -> engine.scan(request));
    }

    @Override
    public List<Optional<Item>> batchGet(List<GetItem> gets) {
        return read(engine -> engine.batchGet(gets));
    }

    private <T> T read(Function<Engine, T> reading) {
        if (consistency == Consistency.STRONG) {
            // Ratis answers this read-only request at this replica only after it applied
            // everything the leader had committed when the request arrived (ReadIndex).
            await(client.async().sendReadOnlyUnordered(Message.EMPTY, localPeer), "confirm a strong read");
        } else {
            awaitOwnWrites();
        }
        return reading.apply(replica.engine());
    }

    private void awaitOwnWrites() {
        long target = lastWrite.get();
        try {
            if (target >= 0 && !replica.appliedIndex().await(target, timeout)) {
                throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "This replica did not catch up with its own"
                        + " last write (log index " + target + ") within " + timeout.toSeconds() + " s");
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
