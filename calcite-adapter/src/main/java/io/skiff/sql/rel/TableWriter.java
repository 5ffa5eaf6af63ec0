package io.skiff.sql.rel;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.core.value.StringValue;
import io.skiff.sql.ddl.DdlExecutor;
import io.skiff.sql.schema.RowMapper;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.TransactWriteItem;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.core.TableModify;

/**
 * Runs the writes of one INSERT, UPDATE or DELETE: the rows the plan produced become one
 * all-or-nothing storage write, and the statement's count is the number of items written.
 */
public final class TableWriter {

    private final ItemStore store;
    private final RowMapper rows;
    private final TableModify.Operation operation;
    private final List<String> updatedColumns;

    public TableWriter(ItemStore store, RowMapper rows, TableModify.Operation operation, List<String> updatedColumns) {
        this.store = store;
        this.rows = rows;
        this.operation = operation;
        this.updatedColumns = updatedColumns;
    }

    /** Writes every row; called by generated code. */
    public Enumerable<Long> apply(Enumerable<Object[]> input, DataContext context) {
        List<TransactWriteItem> writes = new ArrayList<>();
        TableSchema schema = rows.columns().schema();
        for (Object[] row : input) {
            writes.add(writeFor(schema, row));
        }
        submit(store, writes, context.get(WriteCollector.CONTEXT_KEY));
        return Linq4j.singletonEnumerable((long) writes.size());
    }

    /** Commits writes now, or hands them to the batch's collector when there is one. */
    static void submit(ItemStore store, List<TransactWriteItem> writes, Object collector) {
        if (collector instanceof WriteCollector batch) {
            batch.add(store, writes);
        } else if (!writes.isEmpty()) {
            commit(store, writes);
        }
    }

    /** Commits one write now, or hands it to the batch's collector when there is one. */
    static void submit(ItemStore store, TransactWriteItem write, WriteCollector collector) {
        if (collector != null) {
            collector.add(store, write);
        } else {
            commit(store, List.of(write));
        }
    }

    /** The write of one inserted item: fails with DUPLICATE_ITEM when the key exists. */
    static TransactWriteItem insertOf(TableSchema schema, Item item) {
        return TransactWriteItem.put(PutItem.insert(schema.name(), withGeneratedKey(schema, item)));
    }

    private TransactWriteItem writeFor(TableSchema schema, Object[] row) {
        switch (operation) {
            case INSERT:
                return insertOf(schema, rows.toItem(row));
            case DELETE:
                Item read = rows.toItem(row);
                return TransactWriteItem.delete(DeleteItem.of(schema.name(), schema.keyOf(read)).ifUnchanged(read));
            case UPDATE:
                // Written only if the item is still the one read: concurrent updates cannot be lost.
                return TransactWriteItem.put(PutItem.of(schema.name(), updated(schema, row))
                        .ifUnchanged(rows.toItem(java.util.Arrays.copyOf(row, rows.columns().size()))));
            default:
                throw SkiffException.validation(operation + " is not supported");
        }
    }

    /** The item an UPDATE leaves: the old row with the SET columns replaced. */
    private Item updated(TableSchema schema, Object[] row) {
        int width = rows.columns().size();
        Object[] next = java.util.Arrays.copyOf(row, width);
        for (int i = 0; i < updatedColumns.size(); i++) {
            String column = updatedColumns.get(i);
            if (schema.isKeyAttribute(column)) {
                throw SkiffException.validation("Cannot update column '" + column + "': it is part of the key of"
                        + " table '" + schema.name() + "'; delete the row and insert it with the new key");
            }
            next[rows.columns().columnIndex(column)] = row[width + i];
        }
        return rows.toItem(next);
    }

    /** Tables without a declared key get a generated one when the row does not name it. */
    private static Item withGeneratedKey(TableSchema schema, Item item) {
        String key = schema.partitionKey().name();
        if (key.equals(DdlExecutor.GENERATED_KEY) && !item.has(key)) {
            return item.with(key, new StringValue(UUID.randomUUID().toString()));
        }
        return item;
    }

    /** Commits writes as one statement write; a cancelled one is reported as its first failure. */
    static void commit(ItemStore store, List<TransactWriteItem> writes) {
        try {
            store.statementWrite(writes);
        } catch (SkiffException e) {
            if (e.code() != ErrorCode.TRANSACTION_CANCELLED) {
                throw e;
            }
            for (CancellationReason reason : e.cancellationReasons()) {
                if (!reason.isNone()) {
                    throw new SkiffException(reason.code(), reason.message()
                            + (writes.size() > 1 ? " (nothing of the statement was written)" : ""));
                }
            }
            throw e;
        }
    }
}
