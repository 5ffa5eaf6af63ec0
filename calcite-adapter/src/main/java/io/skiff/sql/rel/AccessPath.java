package io.skiff.sql.rel;

import io.skiff.sql.schema.TableIndex;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a plan reads a table: a point get (one or more full keys), a range scan (one or more
 * partitions, optionally a sort-key range), or a full scan.
 */
public sealed interface AccessPath permits AccessPath.PointGet, AccessPath.RangeScan, AccessPath.FullScan,
        AccessPath.IndexProbe, AccessPath.FilterGuard {

    /** The name EXPLAIN shows, with the key bounds. */
    String describe();

    /** Relative cost against a full scan, for the planner. */
    double costFactor();

    /** Relative cost against a full scan of a table of about {@code rows} items. */
    default double costFactor(double rows) {
        return costFactor();
    }

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

    /**
     * Reads the items a secondary index offers for a search (its candidates), or the whole table
     * when the index cannot narrow the search's values in one execution. The search's predicate
     * stays in the plan above, so only matching rows come out, whatever the index offered.
     *
     * @param fraction the share of the table the candidates are expected to be
     */
    record IndexProbe(TableIndex index, IndexSearch search, double fraction) implements AccessPath {

        /** What reading the candidates costs beyond them, in items of a full scan. */
        static final double PROBE_ROWS = 50;

        @Override
        public String describe() {
            return "index probe: " + index.describe() + " for " + search.describe()
                    + (index.method().exact() ? "" : " (approximate)") + ", else full scan";
        }

        @Override
        public double costFactor() {
            return costFactor(1000);
        }

        /** A tiny table is cheaper to scan than to probe: the probe's fixed cost outweighs it. */
        @Override
        public double costFactor(double rows) {
            return Math.min(1.5, fraction + PROBE_ROWS / Math.max(1, rows));
        }
    }

    /**
     * A full scan skipped altogether when a filter index (bloom, cbloom, cuckoo) says no item
     * holds the value an equality asks for.
     */
    record FilterGuard(TableIndex index, IndexSearch search) implements AccessPath {
        @Override
        public String describe() {
            return "full scan unless " + index.describe() + " rules out " + search.describe();
        }

        /** The share of the table that comes through: all of it, or nothing. */
        @Override
        public double costFactor() {
            return 0.5;
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
