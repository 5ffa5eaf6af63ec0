package io.skiff.storage;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * What one write does to its table's indexes: term entries added and removed in the write's own
 * batch, so an item and its entries commit together; filter values added at once and old ones
 * removed once the batch committed ({@link #committed}), so a filter never misses a stored value.
 */
final class IndexWrites {

    private static final byte[] NO_VALUE = new byte[0];

    private final List<Runnable> afterCommit = new ArrayList<>(0);

    /**
     * Stages the index changes of the item stored at {@code itemKey} going from {@code before} to
     * {@code after}; null for an item that was not there, or is deleted.
     */
    void stage(TableDescriptor table, byte[] itemKey, Item before, Item after, WriteBatch batch)
            throws RocksDBException {
        for (IndexDescriptor index : table.indexes()) {
            AttributeValue old = index.valueOf(before);
            AttributeValue now = index.valueOf(after);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (index.filter() != null) {
                if (now != null) {
                    index.filter().add(now);
                }
                // A building filter may not hold the old value yet: removing a value never added
                // would take counts from values that were, so a build's writes only add.
                if (old != null && index.ready()) {
                    afterCommit.add(() -> index.filter().remove(old));
                }
                continue;
            }
            Set<ByteBuffer> oldTerms = termsOf(index, old);
            Set<ByteBuffer> newTerms = termsOf(index, now);
            for (ByteBuffer term : oldTerms) {
                if (!newTerms.contains(term)) {
                    batch.delete(KeyLayout.indexEntryKey(table.id(), index.id(), term.array(), itemKey));
                }
            }
            for (ByteBuffer term : newTerms) {
                if (!oldTerms.contains(term)) {
                    batch.put(KeyLayout.indexEntryKey(table.id(), index.id(), term.array(), itemKey), NO_VALUE);
                }
            }
        }
    }

    /** Stages the entries of an item filed for the first time in one index (building it). */
    static void file(TableDescriptor table, IndexDescriptor index, byte[] itemKey, Item item, WriteBatch batch)
            throws RocksDBException {
        AttributeValue value = index.valueOf(item);
        if (index.filter() != null) {
            if (value != null) {
                index.filter().add(value);
            }
            return;
        }
        for (ByteBuffer term : termsOf(index, value)) {
            batch.put(KeyLayout.indexEntryKey(table.id(), index.id(), term.array(), itemKey), NO_VALUE);
        }
    }

    /** Applies what had to wait for the batch to commit. */
    void committed() {
        afterCommit.forEach(Runnable::run);
        afterCommit.clear();
    }

    private static Set<ByteBuffer> termsOf(IndexDescriptor index, AttributeValue value) {
        if (value == null) {
            return Set.of();
        }
        Set<ByteBuffer> terms = new LinkedHashSet<>();
        index.terms().terms(value).forEach(term -> terms.add(ByteBuffer.wrap(term)));
        return terms;
    }
}
