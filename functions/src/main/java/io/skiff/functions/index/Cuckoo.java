package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.ValueHash;
import java.util.Map;

/**
 * {@code cuckoo}: a cuckoo filter (Fan, Andersen, Kaminsky and Mitzenmacher 2014) that can remove
 * values. A value's 16-bit fingerprint lives in one of two buckets of 4 slots, a bucket per cell;
 * the second bucket is the first XOR a hash of the fingerprint (partial-key cuckoo hashing), so a
 * fingerprint can move between its buckets without the value. When both are full, a resident is
 * evicted to its other bucket, up to 500 times; the slot evicted is chosen from the value's hash
 * and the kick number, never at random, so every replica makes the same moves. False positives
 * stay below 8 / 2^16 (about 0.012%).
 *
 * <p>Option {@code capacity} (1 to 500,000,000, default 1,000,000): the buckets are the power of two at
 * or above capacity / 3.8 (full at 95% of 4 slots), 4.2 MB for a million values. Cell 0 is a
 * header; when an insertion runs out of kicks, the fingerprint left without a slot would be lost,
 * so the header is marked overflowed instead, and from then on the filter answers "maybe" for
 * every value until it is rebuilt: never a false negative. A value is stored once per add, so
 * removal stays exact for values added several times, but a value added more than 8 times (by
 * more than 8 items) always overflows: this filter suits attributes whose values are nearly
 * unique (keys, dedup tokens); {@code cbloom} suits repeated values.
 */
public final class Cuckoo implements IndexPlugin {

    static final int SLOTS = 4;
    static final int MAX_KICKS = 500;
    private static final long OVERFLOWED = 1;

    @Override
    public String name() {
        return "cuckoo";
    }

    @Override
    public String description() {
        return "maybe-contains with removal and false positives below 0.012%, for nearly unique values (filter)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options read = Options.read(name(), options, "capacity");
        int capacity = read.integer("capacity", 1_000_000, 1, 500_000_000);
        long wanted = (long) Math.ceil(capacity / (SLOTS * 0.95));
        int buckets = Integer.highestOneBit((int) Math.max(1, wanted));
        if (buckets < wanted) {
            buckets <<= 1;
        }
        return new Buckets(buckets, read.resolved());
    }

    /** The buckets, in cells 1 to {@code buckets}. */
    static final class Buckets extends ConfiguredIndex implements FilterIndex {

        private final int buckets;

        Buckets(int buckets, Map<String, String> options) {
            super(options, true);
            this.buckets = buckets;
        }

        @Override
        public int cells() {
            return buckets + 1;
        }

        /** A value's fingerprint: the top 16 bits of its hash, never 0, which marks an empty slot. */
        private static int fingerprint(long hash) {
            int fingerprint = (int) (hash >>> 48);
            return fingerprint == 0 ? 1 : fingerprint;
        }

        /** The first bucket: the hash's low bits, apart from the fingerprint's. */
        private int first(long hash) {
            return (int) hash & (buckets - 1);
        }

        /** The other bucket of a fingerprint in {@code bucket}: each of the two is the other's alternate. */
        private int alternate(int bucket, int fingerprint) {
            return (bucket ^ (int) ValueHash.mix(fingerprint)) & (buckets - 1);
        }

        @Override
        public void add(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return;
            }
            long hash = ValueHash.of(value);
            int fingerprint = fingerprint(hash);
            int bucket = first(hash);
            if (put(bucket, fingerprint, cells) || put(alternate(bucket, fingerprint), fingerprint, cells)) {
                return;
            }
            // Both buckets are full: make room by moving residents to their other bucket.
            if ((hash >>> 47 & 1) == 1) {
                bucket = alternate(bucket, fingerprint);
            }
            for (int kick = 0; kick < MAX_KICKS; kick++) {
                int slot = (int) (ValueHash.mix(hash + kick) & (SLOTS - 1));
                long word = cells.get(1 + bucket);
                int evicted = slotOf(word, slot);
                cells.set(1 + bucket, withSlot(word, slot, fingerprint));
                fingerprint = evicted;
                bucket = alternate(bucket, fingerprint);
                if (put(bucket, fingerprint, cells)) {
                    return;
                }
            }
            // Out of kicks: a fingerprint has no slot. Rather than lose it, answer "maybe" for everything.
            cells.set(0, cells.get(0) | OVERFLOWED);
        }

        @Override
        public void remove(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return;
            }
            long hash = ValueHash.of(value);
            int fingerprint = fingerprint(hash);
            int bucket = first(hash);
            if (!take(bucket, fingerprint, cells)) {
                take(alternate(bucket, fingerprint), fingerprint, cells);
            }
        }

        @Override
        public boolean mightContain(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return false;
            }
            if ((cells.get(0) & OVERFLOWED) != 0) {
                return true;
            }
            long hash = ValueHash.of(value);
            int fingerprint = fingerprint(hash);
            int bucket = first(hash);
            return find(cells.get(1 + bucket), fingerprint) >= 0
                    || find(cells.get(1 + alternate(bucket, fingerprint)), fingerprint) >= 0;
        }

        @Override
        public boolean removable() {
            return true;
        }

        /** Puts a fingerprint in a free slot of a bucket, if it has one. */
        private static boolean put(int bucket, int fingerprint, Cells cells) {
            long word = cells.get(1 + bucket);
            int free = find(word, 0);
            if (free < 0) {
                return false;
            }
            cells.set(1 + bucket, withSlot(word, free, fingerprint));
            return true;
        }

        /** Takes one copy of a fingerprint out of a bucket, if it holds one. */
        private static boolean take(int bucket, int fingerprint, Cells cells) {
            long word = cells.get(1 + bucket);
            int slot = find(word, fingerprint);
            if (slot < 0) {
                return false;
            }
            cells.set(1 + bucket, withSlot(word, slot, 0));
            return true;
        }

        /** The first slot of a bucket holding {@code fingerprint} (0: a free slot), or -1. */
        private static int find(long word, int fingerprint) {
            for (int slot = 0; slot < SLOTS; slot++) {
                if (slotOf(word, slot) == fingerprint) {
                    return slot;
                }
            }
            return -1;
        }

        private static int slotOf(long word, int slot) {
            return (int) (word >>> (16 * slot)) & 0xFFFF;
        }

        private static long withSlot(long word, int slot, int fingerprint) {
            int shift = 16 * slot;
            return word & ~(0xFFFFL << shift) | (long) fingerprint << shift;
        }
    }
}
