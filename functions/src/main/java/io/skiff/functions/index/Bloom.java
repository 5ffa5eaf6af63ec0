package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import java.util.Map;

/**
 * {@code bloom}: a Bloom filter (Bloom 1970) of one bit per position, 64 per cell, sized by
 * {@code capacity} (default 1,000,000) and {@code fpp} (default 0.01) as {@link BloomShape} says:
 * about 9.6 bits and 7 hashes per value at 1%, 1.2 MB for a million values. It cannot remove a
 * value (a bit may belong to several), so deletes and updates only add false positives until the
 * filter is rebuilt; past its capacity the false-positive rate rises above {@code fpp}.
 */
public final class Bloom implements IndexPlugin {

    @Override
    public String name() {
        return "bloom";
    }

    @Override
    public String description() {
        return "maybe-contains with false positives at rate fpp, no removal (filter)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        return new Bits(BloomShape.read(name(), options, Long.SIZE));
    }

    /** The filter's bits. */
    static final class Bits extends ConfiguredIndex implements FilterIndex {

        private final BloomShape shape;

        Bits(BloomShape shape) {
            super(shape.options, true);
            this.shape = shape;
        }

        @Override
        public int cells() {
            return shape.cells(Long.SIZE);
        }

        @Override
        public void add(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return;
            }
            for (long position : shape.positions(value)) {
                int cell = (int) (position >>> 6);
                long bit = 1L << position;
                long word = cells.get(cell);
                if ((word & bit) == 0) {
                    cells.set(cell, word | bit);
                }
            }
        }

        /** A Bloom filter cannot forget a value: nothing happens. */
        @Override
        public void remove(AttributeValue value, Cells cells) {
        }

        @Override
        public boolean mightContain(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return false;
            }
            for (long position : shape.positions(value)) {
                if ((cells.get((int) (position >>> 6)) & 1L << position) == 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean removable() {
            return false;
        }
    }
}
