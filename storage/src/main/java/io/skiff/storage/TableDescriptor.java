package io.skiff.storage;

import io.skiff.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table as the engine knows it: its schema, the id that prefixes its item keys, and its
 * secondary indexes with the id the next one gets (ids are never reused within a table).
 */
record TableDescriptor(long id, TableSchema schema, List<IndexDescriptor> indexes, int nextIndexId) {

    TableDescriptor {
        indexes = List.copyOf(indexes);
    }

    TableDescriptor(long id, TableSchema schema) {
        this(id, schema, List.of(), 1);
    }

    String name() {
        return schema.name();
    }

    boolean hasIndexes() {
        return !indexes.isEmpty();
    }

    Optional<IndexDescriptor> index(String name) {
        return indexes.stream().filter(index -> index.name().equals(name)).findFirst();
    }

    /** The index with id {@code indexId}, in whatever state. */
    Optional<IndexDescriptor> index(int indexId) {
        return indexes.stream().filter(index -> index.id() == indexId).findFirst();
    }

    /** The indexes reads may use: those whose build finished. */
    List<IndexDescriptor> readyIndexes() {
        return indexes.stream().filter(IndexDescriptor::ready).toList();
    }

    /** This table with {@code changed} in place of the index of the same id. */
    TableDescriptor withIndexReplaced(IndexDescriptor changed) {
        return new TableDescriptor(id, schema, indexes.stream()
                .map(index -> index.id() == changed.id() ? changed : index).toList(), nextIndexId);
    }

    TableDescriptor withIndex(IndexDescriptor index) {
        List<IndexDescriptor> more = new ArrayList<>(indexes);
        more.add(index);
        return new TableDescriptor(id, schema, more, Math.max(nextIndexId, index.id() + 1));
    }

    TableDescriptor withoutIndex(String name) {
        return new TableDescriptor(id, schema, indexes.stream().filter(index -> !index.name().equals(name)).toList(),
                nextIndexId);
    }
}
