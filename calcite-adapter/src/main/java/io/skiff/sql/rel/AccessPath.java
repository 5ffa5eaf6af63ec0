package io.skiff.sql.rel;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a plan reads a table: a point get (one or more full keys), a range scan (one or more
 * partitions, optionally a sort-key range), or a full scan.
 */
public sealed interface AccessPath permits AccessPath.PointGet, AccessPath.RangeScan, AccessPath.FullScan {

    /** The name EXPLAIN shows, with the key bounds. */
    String describe();

    /** Relative cost against a full scan, for the planner. */
    double costFactor();

    /** Reads items by their full keys: {@code pk = v [AND sk = w]}, or {@code pk IN (...)}. */
    record PointGet(List<ValueSource> partitionKeys, Optional<ValueSource> sortKey) implements AccessPath {
        @Override
        public String describe() {
            String keys = partitionKeys.stream().map(ValueSource::describe).collect(Collectors.joining(", "));
            String sort = sortKey.map(v -> ", sort key = " + v.describe()).orElse("");
            return (partitionKeys.size() == 1 ? "point get: partition key = " + keys
                    : "multi-get: partition key in (" + keys + ")") + sort;
        }

        @Override
        public double costFactor() {
            return 0.001 * partitionKeys.size();
        }
    }

    /**
     * Reads whole partitions, optionally restricted to a sort-key range, in ascending sort-key
     * order, or descending when {@code descending}.
     */
    record RangeScan(List<ValueSource> partitionKeys, Optional<SortRange> sortRange, boolean descending)
            implements AccessPath {

        RangeScan(List<ValueSource> partitionKeys, Optional<SortRange> sortRange) {
            this(partitionKeys, sortRange, false);
        }

        /** The same scan in the other direction. */
        RangeScan reversed() {
            return new RangeScan(partitionKeys, sortRange, !descending);
        }

        @Override
        public String describe() {
            String keys = partitionKeys.stream().map(ValueSource::describe).collect(Collectors.joining(", "));
            String partitions = partitionKeys.size() == 1 ? "partition key = " + keys
                    : "partition key in (" + keys + ")";
            return "range scan: " + partitions + sortRange.map(r -> ", sort key " + r.describe()).orElse("")
                    + (descending ? ", descending" : "");
        }

        @Override
        public double costFactor() {
            return (sortRange.isPresent() ? 0.01 : 0.05) * partitionKeys.size();
        }
    }

    /** Reads the whole table. */
    record FullScan() implements AccessPath {
        @Override
        public String describe() {
            return "full scan";
        }

        @Override
        public double costFactor() {
            return 1.0;
        }
    }
}
