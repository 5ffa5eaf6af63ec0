package io.skiff.sql.partiql;

import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the next page of a read starts: which of the access path's keys or partitions (in the
 * order the statement names them), and within a partition or a scan the key of the last item
 * evaluated.
 *
 * @param position the index of the key (multi-get) or partition (range scan) to continue with; 0
 *                 for a full scan
 * @param lastKey the last evaluated key within that partition or scan, if reading it had begun
 */
record Cursor(int position, Optional<Item> lastKey) {

    /** The first page. */
    static final Cursor START = new Cursor(0, Optional.empty());

    public Cursor {
        if (position < 0) {
            throw new IllegalArgumentException("position " + position);
        }
        Objects.requireNonNull(lastKey, "lastKey");
    }
}
