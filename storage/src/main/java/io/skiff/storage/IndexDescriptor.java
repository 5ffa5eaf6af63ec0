package io.skiff.storage;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.TermIndex;
import io.skiff.storage.api.IndexDefinition;

/**
 * An index of a table as the engine keeps it: its id (which prefixes its entries), its
 * definition, the plugin's method and its {@link IndexState state}. A term index's entries live
 * in RocksDB; a filter index lives in memory ({@link LiveFilter}), rebuilt from the table when
 * the engine opens.
 */
record IndexDescriptor(int id, IndexDefinition definition, IndexMethod method, LiveFilter filter, IndexState state) {

    static IndexDescriptor of(int id, IndexDefinition definition, IndexMethod method, IndexState state) {
        return new IndexDescriptor(id, definition, method,
                method instanceof FilterIndex filterIndex ? new LiveFilter(filterIndex) : null, state);
    }

    /** The same index in another state; a filter keeps its cells, which a build has been filling. */
    IndexDescriptor withState(IndexState changed) {
        return new IndexDescriptor(id, definition, method, filter, changed);
    }

    boolean ready() {
        return state == IndexState.READY;
    }

    String name() {
        return definition.name();
    }

    /** The indexed attribute of an item; null for no item, or an item without it. */
    AttributeValue valueOf(Item item) {
        return item == null ? null : item.get(definition.attribute());
    }

    /** The term index, when this is one. */
    TermIndex terms() {
        return method instanceof TermIndex termIndex ? termIndex : null;
    }
}
