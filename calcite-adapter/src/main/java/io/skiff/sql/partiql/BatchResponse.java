package io.skiff.sql.partiql;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one statement of a batch: its item (a SELECT's item, if found), or its error.
 * Exactly one of {@code error} and success holds; a success may have no item.
 *
 * @param item the item a SELECT read, or a write's RETURNING item
 * @param error why the statement failed; it changed nothing
 */
public record BatchResponse(Optional<Item> item, Optional<SkiffException> error) {

    public BatchResponse {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(error, "error");
        if (item.isPresent() && error.isPresent()) {
            throw new IllegalArgumentException("a batch response has an item or an error, not both");
        }
    }

    static BatchResponse success(Optional<Item> item) {
        return new BatchResponse(item, Optional.empty());
    }

    static BatchResponse failure(SkiffException error) {
        return new BatchResponse(Optional.empty(), Optional.of(error));
    }

    /** Whether the statement succeeded. */
    public boolean succeeded() {
        return error.isEmpty();
    }
}
