package io.skiff.storage;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over item keys. A conditional write reads, checks and writes under the lock of
 * its key, so racing writers to one key are serialized; multi-key writes take all their stripes
 * in ascending order, so they cannot deadlock with each other.
 */
final class KeyLocks {

    private final ReentrantLock[] stripes;
    private final int mask;

    KeyLocks(int stripeCount) {
        int size = Integer.highestOneBit(Math.max(1, stripeCount - 1)) << 1;
        stripes = new ReentrantLock[size];
        for (int i = 0; i < size; i++) {
            stripes[i] = new ReentrantLock();
        }
        mask = size - 1;
    }

    /** Locks the stripe of one key; close the returned handle to unlock. */
    Held lock(byte[] key) {
        ReentrantLock lock = stripes[stripeOf(key)];
        lock.lock();
        return lock::unlock;
    }

    /** Locks the stripes of many keys in ascending stripe order. */
    Held lockAll(Iterable<byte[]> keys) {
        int[] indexes = new int[keys instanceof Collection<?> c ? Math.max(1, c.size()) : 8];
        int count = 0;
        for (byte[] key : keys) {
            if (count == indexes.length) {
                indexes = Arrays.copyOf(indexes, count * 2);
            }
            indexes[count++] = stripeOf(key);
        }
        Arrays.sort(indexes, 0, count);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || indexes[i] != indexes[distinct - 1]) {
                indexes[distinct++] = indexes[i];
            }
        }
        int[] held = indexes;
        int heldCount = distinct;
        for (int i = 0; i < heldCount; i++) {
            stripes[held[i]].lock();
        }
        return () -> {
            for (int i = heldCount - 1; i >= 0; i--) {
                stripes[held[i]].unlock();
            }
        };
    }

    private int stripeOf(byte[] key) {
        int h = Arrays.hashCode(key);
        return (h ^ (h >>> 16)) & mask;
    }

    /** A held set of locks. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
