package io.skiff.replication.command;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.protocol.ProtoTables;
import io.skiff.protocol.ProtoValues;
import io.skiff.replication.v1.BatchEntry;
import io.skiff.replication.v1.BatchWrite;
import io.skiff.replication.v1.Command;
import io.skiff.replication.v1.ConditionCheck;
import io.skiff.replication.v1.CreateIndex;
import io.skiff.replication.v1.CreateTable;
import io.skiff.replication.v1.DropIndex;
import io.skiff.replication.v1.Decision;
import io.skiff.replication.v1.Delete;
import io.skiff.replication.v1.DropTable;
import io.skiff.replication.v1.Prepare;
import io.skiff.replication.v1.Put;
import io.skiff.replication.v1.Transaction;
import io.skiff.replication.v1.TransactionEntry;
import io.skiff.replication.v1.TransactionId;
import io.skiff.replication.v1.Update;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.IndexDefinition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The storage requests of {@link io.skiff.storage.api.ItemStore} to and from {@link Command}s.
 * Encoding happens where a write enters the cluster; decoding in every replica's apply path.
 */
public final class CommandCodec {

    private CommandCodec() {
    }

    public static Command createTable(TableSchema schema) {
        return Command.newBuilder().setCreateTable(CreateTable.newBuilder().setSchema(ProtoTables.toProto(schema)))
                .build();
    }

    public static Command dropTable(String name) {
        return Command.newBuilder().setDropTable(DropTable.newBuilder().setName(name)).build();
    }

    public static Command createIndex(IndexDefinition definition, boolean ifNotExists) {
        return Command.newBuilder().setCreateIndex(CreateIndex.newBuilder().setTable(definition.table())
                .setName(definition.name()).setAttribute(definition.attribute()).setPlugin(definition.plugin())
                .putAllOptions(definition.options()).setIfNotExists(ifNotExists)).build();
    }

    static IndexDefinition definition(CreateIndex create) {
        return new IndexDefinition(create.getName(), create.getTable(), create.getAttribute(), create.getPlugin(),
                new java.util.TreeMap<>(create.getOptionsMap()));
    }

    public static Command dropIndex(String table, String name, boolean ifExists) {
        return Command.newBuilder().setDropIndex(DropIndex.newBuilder().setTable(table).setName(name)
                .setIfExists(ifExists)).build();
    }

    public static Command put(PutItem request) {
        return Command.newBuilder().setPut(toProto(request)).build();
    }

    public static Command update(UpdateItem request) {
        return Command.newBuilder().setUpdate(toProto(request)).build();
    }

    public static Command delete(DeleteItem request) {
        return Command.newBuilder().setDelete(toProto(request)).build();
    }

    public static Command batchWrite(List<WriteRequest> writes) {
        BatchWrite.Builder batch = BatchWrite.newBuilder();
        for (WriteRequest write : writes) {
            BatchEntry.Builder entry = batch.addWritesBuilder().setTable(write.table());
            if (write instanceof WriteRequest.Put put) {
                entry.setPut(ProtoValues.toProto(put.item()));
            } else {
                entry.setDeleteKey(ProtoValues.toProto(((WriteRequest.Delete) write).key()));
            }
        }
        return Command.newBuilder().setBatchWrite(batch).build();
    }

    public static Command transactWrite(List<TransactWriteItem> items) {
        return Command.newBuilder().setTransaction(toProto(items)).build();
    }

    public static Command statementWrite(List<TransactWriteItem> items) {
        return Command.newBuilder().setStatement(toProto(items)).build();
    }

    /** A group's share of a transaction over several groups, prepared under {@code id}. */
    public static Command prepare(String id, int coordinator, List<TransactWriteItem> items, boolean statement) {
        return Command.newBuilder().setPrepare(Prepare.newBuilder().setId(id).setCoordinator(coordinator)
                .setItems(toProto(items)).setStatement(statement)).build();
    }

    public static Command commitPrepared(String id) {
        return Command.newBuilder().setCommitPrepared(TransactionId.newBuilder().setId(id)).build();
    }

    public static Command abortPrepared(String id) {
        return Command.newBuilder().setAbortPrepared(TransactionId.newBuilder().setId(id)).build();
    }

    public static Command decide(String id, boolean commit) {
        return Command.newBuilder().setDecide(Decision.newBuilder().setId(id).setCommit(commit)).build();
    }

    public static Command forget(String id) {
        return Command.newBuilder().setForget(TransactionId.newBuilder().setId(id)).build();
    }

    // ---- decoding -----------------------------------------------------------------------

    public static TableSchema schema(CreateTable wire) {
        return ProtoTables.fromProto(wire.getSchema());
    }

    public static PutItem fromProto(Put wire) {
        return new PutItem(wire.getTable(), ProtoValues.fromProto(wire.getItem()),
                wire.hasCondition() ? Optional.of(ExpressionCodec.fromProto(wire.getCondition())) : Optional.empty(),
                wire.getOnlyIfAbsent(), returnValues(wire.getReturnValues()),
                wire.hasExpected() ? Optional.of(ProtoValues.fromProto(wire.getExpected())) : Optional.empty());
    }

    public static UpdateItem fromProto(Update wire) {
        return new UpdateItem(wire.getTable(), ProtoValues.fromProto(wire.getKey()),
                ExpressionCodec.fromProto(wire.getActionsList()),
                wire.hasCondition() ? Optional.of(ExpressionCodec.fromProto(wire.getCondition())) : Optional.empty(),
                returnValues(wire.getReturnValues()));
    }

    public static DeleteItem fromProto(Delete wire) {
        return new DeleteItem(wire.getTable(), ProtoValues.fromProto(wire.getKey()),
                wire.hasCondition() ? Optional.of(ExpressionCodec.fromProto(wire.getCondition())) : Optional.empty(),
                returnValues(wire.getReturnValues()),
                wire.hasExpected() ? Optional.of(ProtoValues.fromProto(wire.getExpected())) : Optional.empty());
    }

    public static List<WriteRequest> fromProto(BatchWrite wire) {
        List<WriteRequest> writes = new ArrayList<>(wire.getWritesCount());
        for (BatchEntry entry : wire.getWritesList()) {
            switch (entry.getKindCase()) {
                case PUT:
                    writes.add(WriteRequest.put(entry.getTable(), ProtoValues.fromProto(entry.getPut())));
                    break;
                case DELETE_KEY:
                    writes.add(WriteRequest.delete(entry.getTable(), ProtoValues.fromProto(entry.getDeleteKey())));
                    break;
                default:
                    throw malformed("a batch entry without a kind");
            }
        }
        return writes;
    }

    public static List<TransactWriteItem> fromProto(Transaction wire) {
        List<TransactWriteItem> items = new ArrayList<>(wire.getItemsCount());
        for (TransactionEntry entry : wire.getItemsList()) {
            switch (entry.getKindCase()) {
                case PUT:
                    items.add(TransactWriteItem.put(fromProto(entry.getPut())));
                    break;
                case UPDATE:
                    items.add(TransactWriteItem.update(fromProto(entry.getUpdate())));
                    break;
                case DELETE:
                    items.add(TransactWriteItem.delete(fromProto(entry.getDelete())));
                    break;
                case CHECK:
                    ConditionCheck check = entry.getCheck();
                    items.add(TransactWriteItem.check(check.getTable(), ProtoValues.fromProto(check.getKey()),
                            ExpressionCodec.fromProto(check.getCondition())));
                    break;
                default:
                    throw malformed("a transaction item without a kind");
            }
        }
        return items;
    }

    /** A command that no version of Skiff writes: a bug or a corrupt log, never user input. */
    static SkiffException malformed(String what) {
        return new SkiffException(ErrorCode.INTERNAL_ERROR, "Malformed replicated command: " + what);
    }

    // ---- encoding helpers ---------------------------------------------------------------

    private static Put toProto(PutItem request) {
        Put.Builder wire = Put.newBuilder().setTable(request.table()).setItem(ProtoValues.toProto(request.item()))
                .setOnlyIfAbsent(request.onlyIfAbsent()).setReturnValues(request.returnValues().name());
        request.condition().ifPresent(condition -> wire.setCondition(ExpressionCodec.toProto(condition)));
        request.expected().ifPresent(expected -> wire.setExpected(ProtoValues.toProto(expected)));
        return wire.build();
    }

    private static Update toProto(UpdateItem request) {
        Update.Builder wire = Update.newBuilder().setTable(request.table()).setKey(ProtoValues.toProto(request.key()))
                .addAllActions(ExpressionCodec.toProto(request.update()))
                .setReturnValues(request.returnValues().name());
        request.condition().ifPresent(condition -> wire.setCondition(ExpressionCodec.toProto(condition)));
        return wire.build();
    }

    private static Delete toProto(DeleteItem request) {
        Delete.Builder wire = Delete.newBuilder().setTable(request.table()).setKey(ProtoValues.toProto(request.key()))
                .setReturnValues(request.returnValues().name());
        request.condition().ifPresent(condition -> wire.setCondition(ExpressionCodec.toProto(condition)));
        request.expected().ifPresent(expected -> wire.setExpected(ProtoValues.toProto(expected)));
        return wire.build();
    }

    private static Transaction toProto(List<TransactWriteItem> items) {
        Transaction.Builder wire = Transaction.newBuilder();
        for (TransactWriteItem item : items) {
            TransactionEntry.Builder entry = wire.addItemsBuilder();
            if (item instanceof TransactWriteItem.Put put) {
                entry.setPut(toProto(put.request()));
            } else if (item instanceof TransactWriteItem.Update update) {
                entry.setUpdate(toProto(update.request()));
            } else if (item instanceof TransactWriteItem.Delete delete) {
                entry.setDelete(toProto(delete.request()));
            } else {
                TransactWriteItem.ConditionCheck check = (TransactWriteItem.ConditionCheck) item;
                entry.setCheck(ConditionCheck.newBuilder().setTable(check.table())
                        .setKey(ProtoValues.toProto(check.key()))
                        .setCondition(ExpressionCodec.toProto(check.condition())));
            }
        }
        return wire.build();
    }

    private static ReturnValues returnValues(String name) {
        return name.isEmpty() ? ReturnValues.NONE : ReturnValues.valueOf(name);
    }
}
