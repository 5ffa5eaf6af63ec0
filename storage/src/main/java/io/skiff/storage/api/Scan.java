package io.skiff.storage.api;

import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads every item of a table, or of one segment of it. Segments split the table into
 * {@code totalSegments} disjoint parts by partition-key hash, so that many workers can scan one
 * table in parallel; the order of items is the order of that hash.
 *
 * @param table the table name
 * @param segment which segment, from 0 to {@code totalSegments - 1}
 * @param totalSegments how many segments the table is split into (1 to 1,000,000)
 * @param limit most items to evaluate (before the filter); 0 for no limit
 * @param exclusiveStartKey the {@link Page#lastEvaluatedKey()} of the previous page
 * @param filter applied to evaluated items; items that fail it are not returned
 * @param projection paths to return; empty for whole items
 */
public record Scan(String table, int segment, int totalSegments, int limit, Optional<Item> exclusiveStartKey,
                   Optional<Condition> filter, List<Path> projection) {

    /** Most segments a scan may be split into, like the reference system. */
    public static final int MAX_TOTAL_SEGMENTS = 1_000_000;

    public Scan {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(exclusiveStartKey, "exclusiveStartKey");
        Objects.requireNonNull(filter, "filter");
        projection = List.copyOf(projection);
        if (totalSegments < 1 || totalSegments > MAX_TOTAL_SEGMENTS) {
            throw SkiffException.validation("TotalSegments " + totalSegments + " is out of range; it must be from 1 to "
                    + MAX_TOTAL_SEGMENTS);
        }
        if (segment < 0 || segment >= totalSegments) {
            throw SkiffException.validation("Segment " + segment + " is out of range; with TotalSegments "
                    + totalSegments + " it must be from 0 to " + (totalSegments - 1));
        }
        Page.checkLimit(limit);
    }

    /** The whole table, in one segment. */
    public static Scan table(String table) {
        return new Scan(table, 0, 1, 0, Optional.empty(), Optional.empty(), List.of());
    }

    public Scan segment(int newSegment, int newTotalSegments) {
        return new Scan(table, newSegment, newTotalSegments, limit, exclusiveStartKey, filter, projection);
    }

    public Scan limit(int newLimit) {
        return new Scan(table, segment, totalSegments, newLimit, exclusiveStartKey, filter, projection);
    }

    public Scan startAfter(Item key) {
        return new Scan(table, segment, totalSegments, limit, Optional.ofNullable(key), filter, projection);
    }

    public Scan filter(Condition newFilter) {
        return new Scan(table, segment, totalSegments, limit, exclusiveStartKey, Optional.of(newFilter), projection);
    }

    public Scan project(List<Path> paths) {
        return new Scan(table, segment, totalSegments, limit, exclusiveStartKey, filter, paths);
    }
}
