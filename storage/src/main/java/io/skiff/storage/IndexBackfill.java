package io.skiff.storage;

import io.skiff.core.value.AttributeValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.WriteBatch;

/**
 * Files a table's existing items in a building index, one chunk of items at a time, while
 * writes go on. Each chunk passes three steps: read the next items ({@link #read}, under the
 * engine's shared lock), compute their entries ({@link #prepare}, under no lock: this is the
 * slow part, and DDL must not wait for it), and file them ({@link #file}, under the shared lock
 * and the key locks of the chunk's items).
 *
 * <p>Why filing holds the key locks: every write of an item takes its key's lock, reads the old
 * value and replaces the old value's entries by the new one's in its own batch. Filing reads the
 * current value under the same lock and commits its entries before letting go, so a write either
 * came before (its value is the one filed; filing it again writes the same keys) or comes after
 * (it removes exactly what was filed). An entry of a value that a write had already replaced can
 * therefore never be left behind, and an item deleted meanwhile is not filed at all.
 */
final class IndexBackfill {

    private static final byte[] NO_VALUE = new byte[0];

    private final RocksDB db;
    private final RocksResources rocks;
    private final KeyLocks locks;

    IndexBackfill(RocksDB db, RocksResources rocks, KeyLocks locks) {
        this.db = db;
        this.rocks = rocks;
        this.locks = locks;
    }

    /** Up to {@code max} stored items of {@code table} after the key {@code after} (null: from the start). */
    Chunk read(TableDescriptor table, byte[] after, int max) {
        List<byte[]> keys = new ArrayList<>(max);
        List<byte[]> values = new ArrayList<>(max);
        byte[] from = after == null ? KeyLayout.tableStart(table.id()) : KeyLayout.after(after);
        try (Slice lower = new Slice(from);
             Slice upper = new Slice(KeyLayout.tableEnd(table.id()));
             ReadOptions options = new ReadOptions().setIterateLowerBound(lower).setIterateUpperBound(upper);
             RocksIterator it = db.newIterator(options)) {
            for (it.seekToFirst(); it.isValid() && keys.size() < max; it.next()) {
                keys.add(it.key());
                values.add(it.value());
            }
            it.status();
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("reading table '" + table.name() + "'", e);
        }
        return new Chunk(keys, values);
    }

    /** The entries of each item of the chunk as it was read; counts each in {@code progress}. */
    List<Filing> prepare(TableDescriptor table, IndexDescriptor index, Chunk chunk,
                         BuildsInProgress.Running progress) {
        List<Filing> filings = new ArrayList<>(chunk.keys().size());
        for (int i = 0; i < chunk.keys().size(); i++) {
            filings.add(Filing.of(table, index, chunk.keys().get(i), chunk.values().get(i)));
            progress.filedOne();
        }
        return filings;
    }

    /**
     * Files the current value of each item of {@code filings} under the locks of their keys, in
     * one batch: what {@link #prepare} computed when the item has not changed since, its new
     * value's entries when it has, nothing when it is gone.
     */
    void file(TableDescriptor table, IndexDescriptor index, List<Filing> filings, BuildsInProgress.Running progress) {
        if (filings.isEmpty()) {
            return;
        }
        List<byte[]> keys = filings.stream().map(Filing::itemKey).toList();
        try (KeyLocks.Held held = locks.lockAll(keys); WriteBatch batch = new WriteBatch()) {
            List<byte[]> current = db.multiGetAsList(rocks.readOptions, keys);
            List<AttributeValue> filterValues = new ArrayList<>();
            for (int i = 0; i < filings.size(); i++) {
                byte[] value = current.get(i);
                if (value == null) {
                    progress.uncountOne();
                    continue;
                }
                Filing filing = Arrays.equals(value, filings.get(i).value()) ? filings.get(i)
                        : Filing.of(table, index, keys.get(i), value);
                for (byte[] entry : filing.entries()) {
                    batch.put(entry, NO_VALUE);
                }
                if (filing.filterValue() != null) {
                    filterValues.add(filing.filterValue());
                }
            }
            db.write(rocks.writeOptions, batch);
            // Still under the key locks: a write that replaces one of these values removes it after this.
            filterValues.forEach(value -> index.filter().add(value));
        } catch (RocksDBException e) {
            throw StorageFailures.wrap("building index '" + index.name() + "'", e);
        }
    }

    /** Stored items in key order: their keys and their encoded values. */
    record Chunk(List<byte[]> keys, List<byte[]> values) {

        boolean isEmpty() {
            return keys.isEmpty();
        }

        byte[] lastKey() {
            return keys.get(keys.size() - 1);
        }
    }

    /**
     * What filing one item's value means: the keys of its term entries, or the value a filter
     * index adds (null when the item has no indexed attribute).
     */
    record Filing(byte[] itemKey, byte[] value, List<byte[]> entries, AttributeValue filterValue) {

        static Filing of(TableDescriptor table, IndexDescriptor index, byte[] itemKey, byte[] value) {
            AttributeValue indexed = index.valueOf(ItemCodec.decode(value, Set.of(index.definition().attribute())));
            if (index.filter() != null || indexed == null) {
                return new Filing(itemKey, value, List.of(), indexed);
            }
            List<byte[]> entries = new ArrayList<>();
            for (byte[] term : index.terms().terms(indexed)) {
                entries.add(KeyLayout.indexEntryKey(table.id(), index.id(), term, itemKey));
            }
            return new Filing(itemKey, value, entries, null);
        }
    }
}
