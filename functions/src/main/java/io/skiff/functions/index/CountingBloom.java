package io.skiff.functions.index;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import java.util.Map;

/**
 * {@code cbloom}: a counting Bloom filter (Fan et al. 2000) that can remove values. Each position
 * of a {@link Bloom} filter is a 4-bit counter instead of a bit, 16 per cell (4 times the
 * space: 4.8 MB for the default million values at 1%). Adding a value increments its counters,
 * removing it decrements them. A counter saturates at 15 and then stays there for good: it may
 * stand for more values than it can count, so decrementing it could make the filter forget one
 * (a false negative); a saturated counter only costs false positives until the filter is rebuilt.
 * Sized by {@code capacity} and {@code fpp} as for {@code bloom}, distinct values saturate a
 * counter with probability about 10^-15 per position; one value added 15 times (by 15 items)
 * saturates its own counters, so it stays "maybe present" after they are all removed.
 */
public final class CountingBloom implements IndexPlugin {

    private static final int PER_CELL = 16;
    private static final long SATURATED = 15;

    @Override
    public String name() {
        return "cbloom";
    }

    @Override
    public String description() {
        return "maybe-contains with false positives at rate fpp, with removal, by 4-bit counters (filter)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        return new Counters(BloomShape.read(name(), options, PER_CELL));
    }

    /** The filter's counters. */
    static final class Counters extends ConfiguredIndex implements FilterIndex {

        private final BloomShape shape;

        Counters(BloomShape shape) {
            super(shape.options, true);
            this.shape = shape;
        }

        @Override
        public int cells() {
            return shape.cells(PER_CELL);
        }

        @Override
        public void add(AttributeValue value, Cells cells) {
            if (BloomShape.takes(value)) {
                for (long position : shape.positions(value)) {
                    change(position, +1, cells);
                }
            }
        }

        @Override
        public void remove(AttributeValue value, Cells cells) {
            if (BloomShape.takes(value)) {
                for (long position : shape.positions(value)) {
                    change(position, -1, cells);
                }
            }
        }

        /** Counts a position up or down, leaving a saturated counter, and an empty one on the way down, as it is. */
        private static void change(long position, int by, Cells cells) {
            int cell = (int) (position / PER_CELL);
            int shift = (int) (position % PER_CELL) * 4;
            long word = cells.get(cell);
            long counter = word >>> shift & 0xF;
            if (counter == SATURATED || (counter == 0 && by < 0)) {
                return;
            }
            cells.set(cell, word + ((long) by << shift));
        }

        @Override
        public boolean mightContain(AttributeValue value, Cells cells) {
            if (!BloomShape.takes(value)) {
                return false;
            }
            for (long position : shape.positions(value)) {
                if ((cells.get((int) (position / PER_CELL)) >>> (int) (position % PER_CELL) * 4 & 0xF) == 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean removable() {
            return true;
        }
    }
}
