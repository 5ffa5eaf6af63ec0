package io.skiff.functions;

import io.skiff.core.value.AttributeValue;

/**
 * A membership filter kept as a fixed array of 64-bit cells that storage persists; adding or
 * removing a value reads and writes only a few cells, so a write changes a few small keys. It
 * answers "certainly absent" or "maybe present", never a false "absent".
 */
public non-sealed interface FilterIndex extends IndexMethod {

    /** The number of cells, fixed by the options; a new filter's cells are all zero. */
    int cells();

    /** Adds a value; a missing or {@code NULL} value, or one of a type the filter does not take, is ignored. */
    void add(AttributeValue value, Cells cells);

    /**
     * Removes a value added before; only {@link #removable()} filters can, the others ignore it.
     * Removing a value that was never added may make the filter forget another value, so storage
     * removes exactly the values it added (the old value of an updated or deleted item).
     */
    void remove(AttributeValue value, Cells cells);

    /** False when {@code value} was certainly never added (or was removed); true when it may have been. */
    boolean mightContain(AttributeValue value, Cells cells);

    /** Whether {@link #remove} takes values out; filters that cannot only gain false positives until rebuilt. */
    boolean removable();

    /** The filter's storage: cells read and written by index, all zero at first. */
    interface Cells {
        long get(int index);

        void set(int index, long value);

        /** Cells held in a plain array, all zero at first: a filter kept in memory. */
        static Cells ofSize(int size) {
            long[] array = new long[size];
            return new Cells() {
                @Override
                public long get(int index) {
                    return array[index];
                }

                @Override
                public void set(int index, long value) {
                    array[index] = value;
                }
            };
        }
    }
}
