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
import java.util.Map;
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
    private final PreparedTransactions prepared;

    ItemWriter(RocksDB db, RocksResources rocks, Catalog catalog, KeyLocks locks, WriteRules rules,
               PreparedTransactions prepared) {
        this.db = db;
        this.rocks = rocks;
        this.catalog = catalog;
        this.locks = locks;
        this.rules = rules;
        this.prepared = prepared;
    }

    WriteResult put(PutItem request, LogPosition at) {
        TableDescriptor table = catalog.require(request.table());
        Item item = rules.checkNewItem(table.schema(), request.item());
        byte[] key = KeyLayout.itemKey(table.id(), table.schema(), item);
        boolean needsOld = request.condition().isPresent() || request.onlyIfAbsent()
                || request.returnValues() == ReturnValues.ALL_OLD || request.expected().isPresent()
                || table.hasIndexes();
        try (KeyLocks.Held held = locks.lock(key)) {
            prepared.checkUnlocked(key);
            Item old = needsOld ? read(key) : null;
            rules.checkPut(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(key, ItemCodec.encode(item));
                write(batch, at, table, key, old, item);
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
                || request.expected().isPresent() || table.hasIndexes();
        try (KeyLocks.Held held = locks.lock(key)) {
            prepared.checkUnlocked(key);
            Item old = needsOld ? read(key) : null;
            rules.checkDelete(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.delete(key);
                write(batch, at, table, key, old, null);
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
            prepared.checkUnlocked(key);
            Item old = read(key);
            Item updated = rules.applyUpdate(request, table.schema(), old);
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(key, ItemCodec.encode(updated));
                write(batch, at, table, key, old, updated);
            }
            return new WriteResult(WriteRules.updateResult(request.returnValues(),
                    request.update().topLevelNames(), old, updated));
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("updating table '" + table.name() + "'", e);
        }
    }

    void batchWrite(List<WriteRequest> writes, LogPosition at) {
        checkCount(writes.size(), ItemStore.MAX_BATCH_WRITES, "A batch write");
        List<TableDescriptor> tables = new ArrayList<>(writes.size());
        List<byte[]> keys = new ArrayList<>(writes.size());
        List<Item> items = new ArrayList<>(writes.size());
        boolean indexed = false;
        for (WriteRequest write : writes) {
            TableDescriptor table = catalog.require(write.table());
            tables.add(table);
            indexed |= table.hasIndexes();
            if (write instanceof WriteRequest.Put put) {
                Item item = rules.checkNewItem(table.schema(), put.item());
                keys.add(KeyLayout.itemKey(table.id(), table.schema(), item));
                items.add(item);
            } else {
                Item key = table.schema().checkKey(((WriteRequest.Delete) write).key());
                keys.add(KeyLayout.itemKey(table.id(), table.schema(), key));
                items.add(null);
            }
        }
        checkDistinct(keys, "Provided list of item keys contains duplicates");
        try (KeyLocks.Held held = locks.lockAll(keys); WriteBatch batch = new WriteBatch()) {
            prepared.checkUnlocked(keys);
            List<byte[]> olds = indexed ? db.multiGetAsList(rocks.readOptions, keys) : null;
            IndexWrites indexWrites = new IndexWrites();
            for (int i = 0; i < keys.size(); i++) {
                if (items.get(i) == null) {
                    batch.delete(keys.get(i));
                } else {
                    batch.put(keys.get(i), ItemCodec.encode(items.get(i)));
                }
                if (tables.get(i).hasIndexes()) {
                    Item old = olds.get(i) == null ? null : ItemCodec.decode(olds.get(i));
                    indexWrites.stage(tables.get(i), keys.get(i), old, items.get(i), batch);
                }
            }
            write(batch, at);
            indexWrites.committed();
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
        checkStatementKeys(items, targets);
        commit(items, targets, at);
    }

    /**
     * One statement writes each key once; a second insert of a key the statement already inserts
     * is a duplicate, as if the first had been stored before it.
     */
    private static void checkStatementKeys(List<TransactWriteItem> items, Targets targets) {
        int repeated = firstRepeated(targets.keys());
        if (repeated >= 0) {
            TransactWriteItem item = items.get(repeated);
            if (isInsert(item) && isInsert(items.get(firstIndexOf(targets.keys(), targets.keys().get(repeated))))) {
                TableSchema schema = targets.tables()[repeated].schema();
                throw new SkiffException(ErrorCode.DUPLICATE_ITEM, "Duplicate item: one statement or batch inserts"
                        + " the key " + WriteRules.describeKey(schema, ((TransactWriteItem.Put) item).request().item())
                        + " into table '" + schema.name() + "' twice; nothing of it was written");
            }
            throw SkiffException.validation("One statement or batch cannot write one item twice; nothing of it was"
                    + " written");
        }
    }

    /**
     * Decides a transaction (or a statement's writes) now and keeps its writes, prepared, with
     * its keys locked until {@link #commitPrepared} or {@link #abortPrepared}: the first phase of
     * a commit over several stores. Refused like {@link #transactWrite} when an item's condition
     * fails, and with {@code WRITE_CONFLICT} when another prepared transaction holds a key.
     */
    void prepare(String id, int coordinator, List<TransactWriteItem> items, boolean statement, LogPosition at) {
        checkCount(items.size(), statement ? ItemStore.MAX_STATEMENT_ITEMS : ItemStore.MAX_TRANSACTION_ITEMS,
                "A transaction");
        Targets targets = targetsOf(items);
        if (statement) {
            checkStatementKeys(items, targets);
        } else {
            checkDistinct(targets.keys(), "Transaction request cannot include multiple operations on one item");
        }
        // A prepared transaction's filter removals are dropped: a filter may keep a stale value, never miss one.
        try (KeyLocks.Held held = locks.lockAll(targets.keys());
             WriteBatch writes = stageAll(items, targets, new IndexWrites()); WriteBatch record = new WriteBatch()) {
            PreparedTransactions.Prepared transaction = new PreparedTransactions.Prepared(coordinator,
                    targets.keys(), writes.data());
            prepared.stagePrepare(id, transaction, record);
            write(record, at);
            prepared.register(id, transaction);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("preparing a transaction", e);
        }
    }

    /** Applies a prepared transaction's writes and unlocks its keys; an unknown id changes nothing. */
    void commitPrepared(String id, LogPosition at) {
        finishPrepared(id, true, at);
    }

    /** Drops a prepared transaction and unlocks its keys; an unknown id changes nothing. */
    void abortPrepared(String id, LogPosition at) {
        finishPrepared(id, false, at);
    }

    private void finishPrepared(String id, boolean commit, LogPosition at) {
        PreparedTransactions.Prepared transaction = prepared.find(id).orElse(null);
        if (transaction == null) {
            return;
        }
        try (KeyLocks.Held held = locks.lockAll(transaction.keys());
             WriteBatch batch = commit ? new WriteBatch(transaction.writes()) : new WriteBatch()) {
            prepared.stageRemove(id, batch);
            write(batch, at);
            prepared.release(id);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap((commit ? "committing" : "aborting") + " a prepared transaction", e);
        }
    }

    /**
     * Records a coordinator's decision on a transaction unless one is recorded already, and
     * returns the recorded one: the first decision wins.
     */
    boolean decide(String id, boolean commit, LogPosition at) {
        byte[] key = PreparedTransactions.decisionKey(id);
        try (KeyLocks.Held held = locks.lock(key); WriteBatch batch = new WriteBatch()) {
            byte[] recorded = db.get(rocks.readOptions, key);
            if (recorded != null) {
                return recorded[0] == 1;
            }
            batch.put(key, new byte[] {(byte) (commit ? 1 : 0)});
            write(batch, at);
            return commit;
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("recording a transaction decision", e);
        }
    }

    /** Refuses to drop {@code table} while a prepared transaction holds one of its items. */
    void checkNotPreparedIn(TableDescriptor table) {
        prepared.checkNoneIn(table);
    }

    /** Whether a prepared transaction holds an item of {@code table}. */
    boolean hasPreparedIn(TableDescriptor table) {
        return prepared.holdsItemsOf(table);
    }

    /** The transactions prepared here, by id, with the index of their coordinator. */
    Map<String, Integer> preparedTransactions() {
        return prepared.coordinators();
    }

    /** Drops a decision that no participant needs any more. */
    void forget(String id, LogPosition at) {
        try (WriteBatch batch = new WriteBatch()) {
            batch.delete(PreparedTransactions.decisionKey(id));
            write(batch, at);
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("dropping a transaction decision", e);
        }
    }

    /** The checked table schema and storage key of every item, each key encoded once. */
    private Targets targetsOf(List<TransactWriteItem> items) {
        TableDescriptor[] tables = new TableDescriptor[items.size()];
        List<byte[]> keys = new ArrayList<>(items.size());
        TableDescriptor table = null;
        for (int i = 0; i < tables.length; i++) {
            TransactWriteItem item = items.get(i);
            // A statement writes one table: look it up once, not per item.
            if (table == null || !table.name().equals(item.table())) {
                table = catalog.require(item.table());
            }
            tables[i] = table;
            keys.add(KeyLayout.itemKey(table.id(), table.schema(), targetKey(table.schema(), item)));
        }
        return new Targets(tables, keys);
    }

    /** Reads every target under its lock, decides every item, and writes all or nothing. */
    private void commit(List<TransactWriteItem> items, Targets targets, LogPosition at) {
        IndexWrites indexWrites = new IndexWrites();
        try (KeyLocks.Held held = locks.lockAll(targets.keys()); WriteBatch batch = stageAll(items, targets,
                indexWrites)) {
            write(batch, at);
            indexWrites.committed();
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("writing a transaction", e);
        }
    }

    /**
     * The writes of a transaction whose keys the caller holds locked, decided against the stored
     * items; throws {@code TRANSACTION_CANCELLED} with one reason per item when any is refused.
     */
    private WriteBatch stageAll(List<TransactWriteItem> items, Targets targets, IndexWrites indexWrites)
            throws RocksDBException {
        List<byte[]> keys = targets.keys();
        prepared.checkUnlocked(keys);
        List<byte[]> olds = db.multiGetAsList(rocks.readOptions, keys);
        List<CancellationReason> reasons = new ArrayList<>(items.size());
        boolean cancelled = false;
        WriteBatch batch = new WriteBatch();
        try {
            for (int i = 0; i < items.size(); i++) {
                Item old = olds.get(i) == null ? null : ItemCodec.decode(olds.get(i));
                try {
                    Item after = stage(items.get(i), targets.tables()[i].schema(), old, keys.get(i), batch);
                    if (after != old && targets.tables()[i].hasIndexes()) {
                        indexWrites.stage(targets.tables()[i], keys.get(i), old, after, batch);
                    }
                    reasons.add(CancellationReason.NONE);
                } catch (SkiffException e) {
                    reasons.add(CancellationReason.of(e.code(), e.getMessage()));
                    cancelled = true;
                }
            }
        } catch (RocksDBException | RuntimeException e) {
            batch.close();
            throw e;
        }
        if (cancelled) {
            batch.close();
            throw SkiffException.transactionCancelled(reasons);
        }
        return batch;
    }

    /** The table and storage key of each item of a transaction, in order. */
    private record Targets(TableDescriptor[] tables, List<byte[]> keys) {
    }

    private static boolean isInsert(TransactWriteItem item) {
        return item instanceof TransactWriteItem.Put put && put.request().onlyIfAbsent();
    }

    /**
     * Decides one transaction item against its stored item and adds its write to the batch;
     * returns the item as it will be (null once deleted; {@code old} itself for a check).
     */
    private Item stage(TransactWriteItem item, TableSchema schema, Item old, byte[] key, WriteBatch batch)
            throws RocksDBException {
        if (item instanceof TransactWriteItem.Put put) {
            rules.checkPut(put.request(), schema, old);
            batch.put(key, ItemCodec.encode(put.request().item()));
            return put.request().item();
        } else if (item instanceof TransactWriteItem.Update update) {
            Item updated = rules.applyUpdate(update.request(), schema, old);
            batch.put(key, ItemCodec.encode(updated));
            return updated;
        } else if (item instanceof TransactWriteItem.Delete delete) {
            rules.checkDelete(delete.request(), schema, old);
            batch.delete(key);
            return null;
        }
        rules.checkCondition(Optional.of(((TransactWriteItem.ConditionCheck) item).condition()), old);
        return old;
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

    /** Commits the write of one item together with the index changes it implies. */
    private void write(WriteBatch batch, LogPosition at, TableDescriptor table, byte[] key, Item old, Item now)
            throws RocksDBException {
        if (!table.hasIndexes()) {
            write(batch, at);
            return;
        }
        IndexWrites indexWrites = new IndexWrites();
        indexWrites.stage(table, key, old, now, batch);
        write(batch, at);
        indexWrites.committed();
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
