package io.skiff.functions;

import io.skiff.core.value.AttributeValue;

/**
 * A summary of the values added to it. Not thread-safe: one sketch per scan, merged afterwards.
 * Values are compared by what they are, not how they are written: the numbers 1.5 and 1.50 are
 * one value.
 */
public interface Sketch {

    /** Adds a value; {@code null} (missing) and the {@code NULL} value are not added. */
    void add(AttributeValue value);

    /** Adds everything {@code other} holds; it must come from the same estimator. */
    void merge(Sketch other);

    /** For a sketch that counts distinct values: how many distinct values were added. */
    interface DistinctCount extends Sketch {
        long distinct();
    }

    /** For a sketch that counts occurrences: how many times {@code value} was added, never fewer. */
    interface Frequency extends Sketch {
        long frequency(AttributeValue value);
    }
}
