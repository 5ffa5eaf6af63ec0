package io.skiff.storage;

import io.skiff.core.error.CancellationReason;
import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.LogPosition;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteRequest;
import io.skiff.storage.api.WriteResult;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The write path. Every write reads the stored item (when its rules need it), decides with
 * {@link WriteRules}, and commits in one RocksDB write, all under the striped locks of its keys:
 * racing conditional writes to one key are serialized, and a batch or transaction is one
 * atomic {@link WriteBatch}.
 */
final class ItemWriter {

    private final RocksDB db;
    private final RocksResources rocks;
    private final Catalog catalog;
    private final KeyLocks locks;
    private final WriteRules rules;

    ItemWriter(RocksDB db, RocksResources rocks, Catalog catalog, KeyLocks locks, WriteRules rules) {
        this.db = db;
        this.rocks = rocks;
        this.catalog = catalog;
        this.locks = locks;
        this.rules = rules;
    }

    WriteResult put(PutItem request, LogPosition at) {
        TableDescriptor table = catalog.require(request.table());
        Item item = rules.checkNewItem(table.schema(), request.item());
        byte[] key = KeyLayout.itemKey(table.id(), table.schema(), item);
        boolean needsOld = request.condition().isPresent() || request.onlyIfAbsent()
                || request.returnValues() == ReturnValues.ALL_OLD || request.expected().isPresent();
        try (KeyLocks.Held held = locks.lock(key)) {
            Item old = needsOld ? read(key) : null;
            rules.checkPut(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(key, ItemCodec.encode(item));
                write(batch, at);
            }
            return request.returnValues() == ReturnValues.ALL_OLD ? result(old) : WriteResult.NOTHING;
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("writing to table '" + table.name() + "'", e);
        }
    }

    WriteResult delete(DeleteItem request, LogPosition at) {
        TableDescriptor table = catalog.require(request.table());
        byte[] key = KeyLayout.itemKey(table.id(), table.schema(), table.schema().checkKey(request.key()));
        boolean needsOld = request.condition().isPresent() || request.returnValues() == ReturnValues.ALL_OLD
                || request.expected().isPresent();
        try (KeyLocks.Held held = locks.lock(key)) {
            Item old = needsOld ? read(key) : null;
            rules.checkDelete(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.delete(key);
                write(batch, at);
            }
            return request.returnValues() == ReturnValues.ALL_OLD ? result(old) : WriteResult.NOTHING;
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("deleting from table '" + table.name() + "'", e);
        }
    }

    WriteResult update(UpdateItem request, LogPosition at) {
        TableDescriptor table = catalog.require(request.table());
        byte[] key = KeyLayout.itemKey(table.id(), table.schema(), table.schema().checkKey(request.key()));
        try (KeyLocks.Held held = locks.lock(key)) {
            Item old = read(key);
            Item updated = rules.applyUpdate(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(key, ItemCodec.encode(updated));
                write(batch, at);
            }
            return new WriteResult(WriteRules.updateResult(request.returnValues(),
                    request.update().topLevelNames(), old, updated));
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("updating table '" + table.name() + "'", e);
        }
    }

    void batchWrite(List<WriteRequest> writes, LogPosition at) {
        checkCount(writes.size(), ItemStore.MAX_BATCH_WRITES, "A batch write");
        List<byte[]> keys = new ArrayList<>(writes.size());
        List<byte[]> values = new ArrayList<>(writes.size());
        for (WriteRequest write : writes) {
            TableDescriptor table = catalog.require(write.table());
            if (write instanceof WriteRequest.Put put) {
                Item item = rules.checkNewItem(table.schema(), put.item());
                keys.add(KeyLayout.itemKey(table.id(), table.schema(), item));
                values.add(ItemCodec.encode(item));
            } else {
                Item key = table.schema().checkKey(((WriteRequest.Delete) write).key());
                keys.add(KeyLayout.itemKey(table.id(), table.schema(), key));
                values.add(null);
            }
        }
        checkDistinct(keys, "Provided list of item keys contains duplicates");
        try (KeyLocks.Held held = locks.lockAll(keys); WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) == null) {
                    batch.delete(keys.get(i));
                } else {
                    batch.put(keys.get(i), values.get(i));
                }
            }
            write(batch, at);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("writing a batch", e);
        }
    }

    /** Up to {@code maxItems} conditioned writes, all or nothing; one item per key. */
    void transactWrite(List<TransactWriteItem> items, int maxItems, LogPosition at) {
        checkCount(items.size(), maxItems, "A transaction");
        Targets targets = targetsOf(items);
        checkDistinct(targets.keys(), "Transaction request cannot include multiple operations on one item");
        commit(items, targets, at);
    }

    /**
     * The writes of one SQL statement: a transaction of up to {@link ItemStore#MAX_STATEMENT_ITEMS}
     * items, in which a second insert of a key the statement already inserts is a duplicate, as
     * if the first had been stored before it.
     */
    void statementWrite(List<TransactWriteItem> items, LogPosition at) {
        checkCount(items.size(), ItemStore.MAX_STATEMENT_ITEMS, "A transaction");
        Targets targets = targetsOf(items);
        int repeated = firstRepeated(targets.keys());
        if (repeated >= 0) {
            TransactWriteItem item = items.get(repeated);
            if (isInsert(item) && isInsert(items.get(firstIndexOf(targets.keys(), targets.keys().get(repeated))))) {
                TableSchema schema = targets.schemas()[repeated];
                throw new SkiffException(ErrorCode.DUPLICATE_ITEM, "Duplicate item: one statement or batch inserts"
                        + " the key " + WriteRules.describeKey(schema, ((TransactWriteItem.Put) item).request().item())
                        + " into table '" + schema.name() + "' twice; nothing of it was written");
            }
            throw SkiffException.validation("One statement or batch cannot write one item twice; nothing of it was"
                    + " written");
        }
        commit(items, targets, at);
    }

    /** The checked table schema and storage key of every item, each key encoded once. */
    private Targets targetsOf(List<TransactWriteItem> items) {
        TableSchema[] schemas = new TableSchema[items.size()];
        List<byte[]> keys = new ArrayList<>(items.size());
        TableDescriptor table = null;
        for (int i = 0; i < schemas.length; i++) {
            TransactWriteItem item = items.get(i);
            // A statement writes one table: look it up once, not per item.
            if (table == null || !table.name().equals(item.table())) {
                table = catalog.require(item.table());
            }
            schemas[i] = table.schema();
            keys.add(KeyLayout.itemKey(table.id(), table.schema(), targetKey(table.schema(), item)));
        }
        return new Targets(schemas, keys);
    }

    /** Reads every target under its lock, decides every item, and writes all or nothing. */
    private void commit(List<TransactWriteItem> items, Targets targets, LogPosition at) {
        List<byte[]> keys = targets.keys();
        try (KeyLocks.Held held = locks.lockAll(keys); WriteBatch batch = new WriteBatch()) {
            List<byte[]> olds = db.multiGetAsList(rocks.readOptions, keys);
            List<CancellationReason> reasons = new ArrayList<>(items.size());
            boolean cancelled = false;
            for (int i = 0; i < items.size(); i++) {
                Item old = olds.get(i) == null ? null : ItemCodec.decode(olds.get(i));
                try {
                    stage(items.get(i), targets.schemas()[i], old, keys.get(i), batch);
                    reasons.add(CancellationReason.NONE);
                } catch (SkiffException e) {
                    reasons.add(CancellationReason.of(e.code(), e.getMessage()));
                    cancelled = true;
                }
            }
            if (cancelled) {
                throw SkiffException.transactionCancelled(reasons);
            }
            write(batch, at);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("writing a transaction", e);
        }
    }

    /** The schema and storage key of each item of a transaction, in order. */
    private record Targets(TableSchema[] schemas, List<byte[]> keys) {
    }

    private static boolean isInsert(TransactWriteItem item) {
        return item instanceof TransactWriteItem.Put put && put.request().onlyIfAbsent();
    }

    /** Decides one transaction item against its stored item and adds its write to the batch. */
    private void stage(TransactWriteItem item, TableSchema schema, Item old, byte[] key, WriteBatch batch)
            throws RocksDBException {
        if (item instanceof TransactWriteItem.Put put) {
            rules.checkPut(put.request(), schema, old);
            batch.put(key, ItemCodec.encode(put.request().item()));
        } else if (item instanceof TransactWriteItem.Update update) {
            batch.put(key, ItemCodec.encode(rules.applyUpdate(update.request(), schema, old)));
        } else if (item instanceof TransactWriteItem.Delete delete) {
            rules.checkDelete(delete.request(), schema, old);
            batch.delete(key);
        } else {
            rules.checkCondition(Optional.of(((TransactWriteItem.ConditionCheck) item).condition()), old);
        }
    }

    /** The key a transaction item targets, checked; puts are checked whole up front. */
    private Item targetKey(TableSchema schema, TransactWriteItem item) {
        if (item instanceof TransactWriteItem.Put put) {
            return rules.checkNewItem(schema, put.request().item());
        }
        if (item instanceof TransactWriteItem.Update update) {
            return schema.checkKey(update.request().key());
        }
        if (item instanceof TransactWriteItem.Delete delete) {
            return schema.checkKey(delete.request().key());
        }
        return schema.checkKey(((TransactWriteItem.ConditionCheck) item).key());
    }

    /**
     * Commits a batch; a write applied from a replicated log records its position in the same
     * batch, so the data and the position that produced it are stored together or not at all.
     */
    void write(WriteBatch batch, LogPosition at) throws RocksDBException {
        write(batch, at, rocks.writeOptions);
    }

    void write(WriteBatch batch, LogPosition at, WriteOptions options) throws RocksDBException {
        if (at.isPresent()) {
            batch.put(KeyLayout.APPLIED_POSITION_KEY, at.toBytes());
        }
        db.write(options, batch);
    }

    private Item read(byte[] key) throws RocksDBException {
        byte[] value = db.get(rocks.readOptions, key);
        return value == null ? null : ItemCodec.decode(value);
    }

    private static WriteResult result(Item old) {
        return new WriteResult(Optional.ofNullable(old));
    }

    private static void checkCount(int count, int max, String what) {
        if (count == 0) {
            throw SkiffException.validation(what + " needs at least one item");
        }
        if (count > max) {
            throw SkiffException.validation(what + " has " + count + " items; at most " + max + " are allowed");
        }
    }

    private static void checkDistinct(List<byte[]> keys, String message) {
        if (firstRepeated(keys) >= 0) {
            throw SkiffException.validation(message);
        }
    }

    /** The index of the first key equal to an earlier one, or -1 when all are distinct. */
    private static int firstRepeated(List<byte[]> keys) {
        Set<ByteBuffer> seen = new HashSet<>(keys.size() * 2);
        for (int i = 0; i < keys.size(); i++) {
            if (!seen.add(ByteBuffer.wrap(keys.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstIndexOf(List<byte[]> keys, byte[] key) {
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i), key)) {
                return i;
            }
        }
        return -1;
    }
}
