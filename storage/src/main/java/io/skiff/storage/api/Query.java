package io.skiff.storage.api;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the items of one partition in sort-key order, optionally within a sort-key range.
 *
 * @param table the table name
 * @param partitionKey the partition key value
 * @param sortKey the sort-key range, if any
 * @param forward ascending sort-key order when true, descending otherwise
 * @param limit most items to evaluate (before the filter), like the reference system; 0 for no limit
 * @param exclusiveStartKey the {@link Page#lastEvaluatedKey()} of the previous page
 * @param filter applied to evaluated items; items that fail it are not returned
 * @param projection paths to return; empty for whole items
 */
public record Query(String table, AttributeValue partitionKey, Optional<SortKeyCondition> sortKey,
                    boolean forward, int limit, Optional<Item> exclusiveStartKey, Optional<Condition> filter,
                    List<Path> projection) {

    public Query {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
        Objects.requireNonNull(exclusiveStartKey, "exclusiveStartKey");
        Objects.requireNonNull(filter, "filter");
        projection = List.copyOf(projection);
        Page.checkLimit(limit);
    }

    /** All items of a partition, ascending. */
    public static Query partition(String table, AttributeValue partitionKey) {
        return new Query(table, partitionKey, Optional.empty(), true, 0, Optional.empty(), Optional.empty(),
                List.of());
    }

    public Query where(SortKeyCondition condition) {
        return new Query(table, partitionKey, Optional.of(condition), forward, limit, exclusiveStartKey, filter,
                projection);
    }

    public Query reverse() {
        return new Query(table, partitionKey, sortKey, !forward, limit, exclusiveStartKey, filter, projection);
    }

    public Query limit(int newLimit) {
        return new Query(table, partitionKey, sortKey, forward, newLimit, exclusiveStartKey, filter, projection);
    }

    public Query startAfter(Item key) {
        return new Query(table, partitionKey, sortKey, forward, limit, Optional.ofNullable(key), filter,
                projection);
    }

    public Query filter(Condition newFilter) {
        return new Query(table, partitionKey, sortKey, forward, limit, exclusiveStartKey, Optional.of(newFilter),
                projection);
    }

    public Query project(List<Path> paths) {
        return new Query(table, partitionKey, sortKey, forward, limit, exclusiveStartKey, filter, paths);
    }
}
