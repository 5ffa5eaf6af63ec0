package io.skiff.replication;

import com.google.protobuf.InvalidProtocolBufferException;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.replication.command.CommandApplier;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.Outcome;
import io.skiff.replication.v1.Written;
import io.skiff.storage.Engine;
import io.skiff.storage.EngineOptions;
import io.skiff.storage.api.LogPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.thirdparty.com.google.protobuf.UnsafeByteOperations;
import org.apache.ratis.util.LifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One replica of a group's data: a storage engine that only applies the commands of the log,
 * in log order. Each applied entry's position is committed with the data it wrote, so a
 * restart skips exactly the entries already held. Snapshots are checkpoints of the engine.
 *
 * <p>The live engine lives outside Ratis' state-machine directory, because installing a
 * snapshot from the leader replaces that directory wholesale.
 */
public final class SkiffStateMachine extends BaseStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(SkiffStateMachine.class);

    private final Path engineDirectory;
    private final EngineOptions engineOptions;
    private final CheckpointSnapshots snapshots = new CheckpointSnapshots();
    private final AppliedIndex applied = new AppliedIndex();
    private volatile Engine engine;
    private volatile CommandApplier applier;
    private volatile boolean startedFromSnapshot;
    /** Entries up to here are already in the engine: a replayed log skips them. */
    private volatile LogPosition stored = LogPosition.NONE;

    /**
     * @param engineDirectory where this replica keeps its live data (created if missing)
     * @param engineOptions how to open the engine
     */
    public SkiffStateMachine(Path engineDirectory, EngineOptions engineOptions) {
        this.engineDirectory = engineDirectory;
        this.engineOptions = engineOptions;
    }

    /** The engine, for reads; it changes when a snapshot from the leader is installed. */
    public Engine engine() {
        Engine current = engine;
        if (current == null) {
            throw new SkiffException(ErrorCode.CLUSTER_UNAVAILABLE, "This replica is not open yet");
        }
        return current;
    }

    /** Whether this replica's data was last replaced by a snapshot (its own or the leader's). */
    public boolean startedFromSnapshot() {
        return startedFromSnapshot;
    }

    /** The index of the last entry applied here; it only grows. */
    public AppliedIndex appliedIndex() {
        return applied;
    }

    @Override
    public StateMachineStorage getStateMachineStorage() {
        return snapshots;
    }

    @Override
    public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage storage) throws IOException {
        super.initialize(server, groupId, storage);
        getLifeCycle().startAndTransition(() -> {
            snapshots.init(storage);
            open();
        });
    }

    @Override
    public synchronized void pause() {
        if (getLifeCycle().getCurrentState() == LifeCycle.State.RUNNING) {
            getLifeCycle().transition(LifeCycle.State.PAUSING);
            getLifeCycle().transition(LifeCycle.State.PAUSED);
        }
    }

    /** Called after a snapshot from the leader was installed: start again from it. */
    @Override
    public synchronized void reinitialize() throws IOException {
        closeEngine();
        snapshots.reload();
        open();
        if (getLifeCycle().getCurrentState() == LifeCycle.State.PAUSED) {
            getLifeCycle().transition(LifeCycle.State.STARTING);
            getLifeCycle().transition(LifeCycle.State.RUNNING);
        }
    }

    /**
     * Opens the live engine. When the latest snapshot is ahead of it (a fresh replica, or one
     * that received the leader's snapshot), the engine is first replaced with a copy of it.
     */
    private void open() throws IOException {
        Files.createDirectories(engineDirectory.getParent());
        CheckpointSnapshots.Snapshot snapshot = snapshots.latest().orElse(null);
        Engine opened = Engine.open(engineDirectory, engineOptions);
        if (snapshot != null && snapshot.position().getIndex() > opened.appliedPosition().index()) {
            LOG.info("Replica {} starts from snapshot {}", engineDirectory, snapshot.position());
            opened.close();
            Engine.replaceWithCopy(snapshot.dataDirectory(), engineDirectory);
            opened = Engine.open(engineDirectory, engineOptions);
            startedFromSnapshot = true;
        }
        stored = opened.appliedPosition();
        TermIndex start = snapshot != null ? snapshot.position() : TermIndex.valueOf(0, RaftLog.INVALID_LOG_INDEX);
        setLastAppliedTermIndex(start);
        applied.reset(start.getIndex());
        applier = new CommandApplier(opened);
        engine = opened;
    }

    @Override
    public CompletableFuture<Message> applyTransaction(TransactionContext transaction) {
        var entry = transaction.getLogEntry();
        TermIndex position = TermIndex.valueOf(entry);
        Outcome outcome;
        if (position.getIndex() <= stored.index()) {
            // Replayed after a restart: the engine already holds this entry's writes.
            outcome = Outcome.newBuilder().setWritten(Written.getDefaultInstance()).build();
        } else {
            Command command;
            try {
                command = Command.parseFrom(entry.getStateMachineLogEntry().getLogData().toByteArray());
            } catch (InvalidProtocolBufferException e) {
                return CompletableFuture.failedFuture(new SkiffException(ErrorCode.INTERNAL_ERROR,
                        "Unreadable command at log index " + position.getIndex() + ": " + e.getMessage(), e));
            }
            outcome = applier.apply(command, new LogPosition(position.getTerm(), position.getIndex()));
        }
        updateLastAppliedTermIndex(position);
        applied.advance(position.getIndex());
        return CompletableFuture.completedFuture(
                Message.valueOf(UnsafeByteOperations.unsafeWrap(outcome.toByteArray())));
    }

    @Override
    public void notifyTermIndexUpdated(long term, long index) {
        super.notifyTermIndexUpdated(term, index);
        applied.advance(index);
    }

    /** A read barrier: answered once this replica has applied everything the leader committed. */
    @Override
    public CompletableFuture<Message> query(Message request) {
        return CompletableFuture.completedFuture(Message.EMPTY);
    }

    @Override
    public long takeSnapshot() throws IOException {
        TermIndex last = getLastAppliedTermIndex();
        if (last == null || last.getIndex() < 0) {
            return RaftLog.INVALID_LOG_INDEX;
        }
        Path target = snapshots.pathFor(last);
        if (!Files.exists(target)) {
            // The last entries may have written nothing; the checkpoint must still say where it stands.
            engine().recordApplied(new LogPosition(last.getTerm(), last.getIndex()));
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            CheckpointSnapshots.deleteTree(partial);
            engine().checkpointTo(partial);
            Files.move(partial, target);
        }
        snapshots.added(last);
        LOG.debug("Snapshot of {} at {}", engineDirectory, last);
        return last.getIndex();
    }

    @Override
    public void close() throws IOException {
        closeEngine();
        super.close();
    }

    private void closeEngine() {
        Engine current = engine;
        engine = null;
        applier = null;
        if (current != null) {
            current.close();
        }
    }
}
