package io.skiff.storage.api;

import io.skiff.core.expr.Path;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Objects;

/**
 * Reads one item by its key.
 *
 * @param table the table name
 * @param key exactly the key attributes
 * @param projection the paths to return; empty for the whole item
 */
public record GetItem(String table, Item key, List<Path> projection) {

    public GetItem {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        projection = List.copyOf(projection);
    }

    public static GetItem of(String table, Item key) {
        return new GetItem(table, key, List.of());
    }

    public GetItem project(List<Path> paths) {
        return new GetItem(table, key, paths);
    }
}
