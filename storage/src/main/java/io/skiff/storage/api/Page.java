package io.skiff.storage.api;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query or scan.
 *
 * @param items the items that passed the filter, projected
 * @param scannedCount how many items were evaluated, before the filter
 * @param lastEvaluatedKey present when more items may follow: pass it as the next request's
 *                         exclusive start key
 */
public record Page(List<Item> items, int scannedCount, Optional<Item> lastEvaluatedKey) {

    /** Most bytes of stored items one page reads, like the reference system's 1 MB. */
    public static final int MAX_PAGE_BYTES = 1024 * 1024;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(lastEvaluatedKey, "lastEvaluatedKey");
    }

    static void checkLimit(int limit) {
        if (limit < 0) {
            throw SkiffException.validation("Limit " + limit + " is invalid; it must be positive, or 0 for none");
        }
    }
}
