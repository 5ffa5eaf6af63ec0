package io.skiff.replication.command;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.protocol.ProtoErrors;
import io.skiff.protocol.ProtoValues;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.Decided;
import io.skiff.replication.v1.Outcome;
import io.skiff.replication.v1.Written;
import io.skiff.storage.Engine;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.WriteResult;

/**
 * Applies one replicated command to a replica's engine. Everything a write decides (conditions,
 * duplicates, update actions, limits) is decided here from the stored data alone, so every
 * replica that applies the same log reaches the same state and the same outcome. A refused
 * write is an outcome, not a failure of the log: it changes nothing and is reported back.
 */
public final class CommandApplier {

    private final Engine engine;

    public CommandApplier(Engine engine) {
        this.engine = engine;
    }

    /** Applies {@code command}, the log entry at {@code at}, and says what came of it. */
    public Outcome apply(Command command, LogPosition at) {
        try {
            if (command.getKindCase() == Command.KindCase.DECIDE) {
                boolean commit = engine.decideTransaction(command.getDecide().getId(), command.getDecide().getCommit(),
                        at);
                return Outcome.newBuilder().setDecided(Decided.newBuilder().setCommit(commit)).build();
            }
            if (command.getKindCase() == Command.KindCase.CREATE_INDEX) {
                // The apply only defines the index (building, maintained by the writes that follow
                // in the log); this replica fills it in the background, so the log goes on at once.
                // Every replica ends with the same entries: each files the current value of each key.
                // The count says whether a build started (1) or IF NOT EXISTS found the index (0).
                boolean started = engine.startIndex(CommandCodec.definition(command.getCreateIndex()),
                        command.getCreateIndex().getIfNotExists(), at).isPresent();
                return Outcome.newBuilder().setWritten(Written.newBuilder().setCount(started ? 1 : 0)).build();
            }
            return written(run(command, at));
        } catch (SkiffException e) {
            if (e.code() == ErrorCode.STORAGE_ERROR || e.code() == ErrorCode.ENGINE_CLOSED) {
                // Not a decision about the write: the replica cannot store. Stop applying.
                throw e;
            }
            return Outcome.newBuilder().setRefused(ProtoErrors.toErrorInfo(e)).build();
        }
    }

    private WriteResult run(Command command, LogPosition at) {
        switch (command.getKindCase()) {
            case CREATE_TABLE:
                engine.createTable(CommandCodec.schema(command.getCreateTable()), at);
                return WriteResult.NOTHING;
            case DROP_TABLE:
                engine.dropTable(command.getDropTable().getName(), at);
                return WriteResult.NOTHING;
            case PUT:
                return engine.put(CommandCodec.fromProto(command.getPut()), at);
            case UPDATE:
                return engine.update(CommandCodec.fromProto(command.getUpdate()), at);
            case DELETE:
                return engine.delete(CommandCodec.fromProto(command.getDelete()), at);
            case BATCH_WRITE:
                engine.batchWrite(CommandCodec.fromProto(command.getBatchWrite()), at);
                return WriteResult.NOTHING;
            case TRANSACTION:
                engine.transactWrite(CommandCodec.fromProto(command.getTransaction()), at);
                return WriteResult.NOTHING;
            case STATEMENT:
                engine.statementWrite(CommandCodec.fromProto(command.getStatement()), at);
                return WriteResult.NOTHING;
            case PREPARE:
                engine.prepareTransaction(command.getPrepare().getId(), command.getPrepare().getCoordinator(),
                        CommandCodec.fromProto(command.getPrepare().getItems()), command.getPrepare().getStatement(),
                        at);
                return WriteResult.NOTHING;
            case COMMIT_PREPARED:
                engine.commitPrepared(command.getCommitPrepared().getId(), at);
                return WriteResult.NOTHING;
            case ABORT_PREPARED:
                engine.abortPrepared(command.getAbortPrepared().getId(), at);
                return WriteResult.NOTHING;
            case DROP_INDEX:
                engine.dropIndex(command.getDropIndex().getTable(), command.getDropIndex().getName(),
                        command.getDropIndex().getIfExists(), at);
                return WriteResult.NOTHING;
            case FORGET:
                engine.forgetTransaction(command.getForget().getId(), at);
                return WriteResult.NOTHING;
            default:
                throw CommandCodec.malformed("a command without a kind");
        }
    }

    private static Outcome written(WriteResult result) {
        Written.Builder written = Written.newBuilder();
        result.attributes().ifPresent(item -> written.setAttributes(ProtoValues.toProto(item)));
        return Outcome.newBuilder().setWritten(written).build();
    }

    /** What an outcome means to the caller: the write's result, or the refusal rethrown. */
    public static WriteResult resultOf(Outcome outcome) {
        if (outcome.hasRefused()) {
            throw ProtoErrors.fromErrorInfo(outcome.getRefused());
        }
        if (outcome.hasDecided()) {
            throw new IllegalArgumentException("A decision is not a write's result");
        }
        Written written = outcome.getWritten();
        return written.hasAttributes() ? new WriteResult(java.util.Optional.of(ProtoValues.fromProto(
                written.getAttributes()))) : WriteResult.NOTHING;
    }
}
