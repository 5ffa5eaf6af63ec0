package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * Transactions prepared here and not yet committed or aborted: the first phase of a commit over
 * several stores. A prepared transaction's writes are decided and kept (as a serialized write
 * batch) under a metadata key, and its keys are locked: any other write to them is refused with
 * {@code WRITE_CONFLICT} until the transaction is committed or aborted. Reads see the data as it
 * was before. Everything lives in the database, so a restart or a checkpoint keeps it.
 *
 * <p>Decisions of a coordinator (commit or abort, first one wins) live here too.
 */
final class PreparedTransactions {

    private static final byte[] PREPARED_PREFIX = "prepared/".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DECISION_PREFIX = "decision/".getBytes(StandardCharsets.UTF_8);

    private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
    private final Set<ByteBuffer> locked = ConcurrentHashMap.newKeySet();

    /** One prepared transaction: its coordinator, the keys it locks and its decided writes. */
    record Prepared(int coordinator, List<byte[]> keys, byte[] writes) {
    }

    /** Loads the transactions prepared before the database was last closed. */
    static PreparedTransactions load(RocksDB db) throws RocksDBException {
        PreparedTransactions transactions = new PreparedTransactions();
        byte[] start = metaKey(PREPARED_PREFIX, "");
        try (Slice lower = new Slice(start);
             Slice upper = new Slice(KeyLayout.prefixEnd(start));
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                String id = new String(it.key(), start.length, it.key().length - start.length, StandardCharsets.UTF_8);
                transactions.register(id, decode(it.value()));
            }
            it.status();
        }
        return transactions;
    }

    /** Refuses a write to any key a prepared transaction holds. */
    void checkUnlocked(List<byte[]> keys) {
        if (locked.isEmpty()) {
            return;
        }
        for (byte[] key : keys) {
            if (locked.contains(ByteBuffer.wrap(key))) {
                throw new SkiffException(ErrorCode.WRITE_CONFLICT, "An item of this request is being written by"
                        + " a transaction in progress; nothing was written, retry");
            }
        }
    }

    /** Refuses to drop a table while a prepared transaction holds one of its items. */
    void checkNoneIn(TableDescriptor table) {
        if (holdsItemsOf(table)) {
            throw new SkiffException(ErrorCode.WRITE_CONFLICT, "Table '" + table.name() + "' has items"
                    + " being written by a transaction in progress; it was not dropped, retry");
        }
    }

    /** Whether a prepared transaction holds an item of {@code table}. */
    boolean holdsItemsOf(TableDescriptor table) {
        byte[] start = KeyLayout.tableStart(table.id());
        for (Prepared transaction : prepared.values()) {
            for (byte[] key : transaction.keys()) {
                if (key.length >= start.length && java.util.Arrays.equals(key, 0, start.length, start, 0,
                        start.length)) {
                    return true;
                }
            }
        }
        return false;
    }

    void checkUnlocked(byte[] key) {
        checkUnlocked(List.of(key));
    }

    /** Records a prepared transaction in {@code batch}; it takes effect once the batch is written. */
    void stagePrepare(String id, Prepared transaction, WriteBatch batch) throws RocksDBException {
        if (prepared.containsKey(id)) {
            throw SkiffException.validation("Transaction '" + id + "' is already prepared here");
        }
        batch.put(metaKey(PREPARED_PREFIX, id), encode(transaction));
    }

    /** Marks the transaction prepared and its keys locked, after its batch was written. */
    void register(String id, Prepared transaction) {
        prepared.put(id, transaction);
        for (byte[] key : transaction.keys()) {
            locked.add(ByteBuffer.wrap(key));
        }
    }

    Optional<Prepared> find(String id) {
        return Optional.ofNullable(prepared.get(id));
    }

    /** Removes the record in {@code batch}; call {@link #release} once the batch is written. */
    void stageRemove(String id, WriteBatch batch) throws RocksDBException {
        batch.delete(metaKey(PREPARED_PREFIX, id));
    }

    void release(String id) {
        Prepared transaction = prepared.remove(id);
        if (transaction != null) {
            for (byte[] key : transaction.keys()) {
                locked.remove(ByteBuffer.wrap(key));
            }
        }
    }

    /** The prepared transactions, by id, with their coordinators. */
    Map<String, Integer> coordinators() {
        Map<String, Integer> all = new java.util.TreeMap<>();
        prepared.forEach((id, transaction) -> all.put(id, transaction.coordinator()));
        return Collections.unmodifiableMap(all);
    }

    static byte[] decisionKey(String id) {
        return metaKey(DECISION_PREFIX, id);
    }

    private static byte[] metaKey(byte[] prefix, String id) {
        byte[] name = id.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[1 + prefix.length + name.length];
        key[0] = KeyLayout.META;
        System.arraycopy(prefix, 0, key, 1, prefix.length);
        System.arraycopy(name, 0, key, 1 + prefix.length, name.length);
        return key;
    }

    /** coordinator:4, key count:4, (length:4, key)*, the write batch's bytes. */
    private static byte[] encode(Prepared transaction) {
        int size = 8 + transaction.writes().length;
        for (byte[] key : transaction.keys()) {
            size += 4 + key.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size).putInt(transaction.coordinator()).putInt(transaction.keys().size());
        for (byte[] key : transaction.keys()) {
            out.putInt(key.length).put(key);
        }
        return out.put(transaction.writes()).array();
    }

    private static Prepared decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int coordinator = in.getInt();
        int count = in.getInt();
        List<byte[]> keys = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = new byte[in.getInt()];
            in.get(key);
            keys.add(key);
        }
        byte[] writes = new byte[in.remaining()];
        in.get(writes);
        return new Prepared(coordinator, keys, writes);
    }
}
