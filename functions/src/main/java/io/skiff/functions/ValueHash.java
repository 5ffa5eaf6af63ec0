package io.skiff.functions;

import io.skiff.core.value.AttributeValue;

/**
 * 64-bit hashes of what values are: the FNV-1a hash of their {@link ValueBytes#canonical
 * canonical bytes}, then MurmurHash3's finalizer so that nearby values spread over all bits.
 * Equal values (1.5 and 1.50, sets in any order) hash alike on every machine, which estimators
 * need to count a value once and index plugins need to file it in one place. The hash of a value
 * never changes: filters are stored.
 */
public final class ValueHash {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private ValueHash() {
    }

    /** The hash of a value. */
    public static long of(AttributeValue value) {
        return of(ValueBytes.canonical(value));
    }

    /** The hash of some bytes, e.g. a word's {@link ValueBytes#utf8 UTF-8}. */
    public static long of(byte[] bytes) {
        long hash = FNV_OFFSET;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return mix(hash);
    }

    /**
     * MurmurHash3's 64-bit finalizer: a bijection whose every output bit depends on every input
     * bit, for deriving further hashes from one (e.g. {@code mix(hash ^ salt)}).
     */
    public static long mix(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
