package io.skiff.storage;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;

/**
 * A filter index's cells in memory. Writers add a value before their batch commits and remove
 * the old one after, so the filter may briefly claim a value that is not stored, never miss one
 * that is. It is not persisted: the engine rebuilds it from the table's items when it opens.
 */
final class LiveFilter {

    private final FilterIndex method;
    private final FilterIndex.Cells cells;

    LiveFilter(FilterIndex method) {
        this.method = method;
        this.cells = FilterIndex.Cells.ofSize(method.cells());
    }

    synchronized void add(AttributeValue value) {
        method.add(value, cells);
    }

    synchronized void remove(AttributeValue value) {
        method.remove(value, cells);
    }

    synchronized boolean mightContain(AttributeValue value) {
        return method.mightContain(value, cells);
    }
}
