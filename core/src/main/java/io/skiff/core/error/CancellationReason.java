package io.skiff.core.error;

import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Why one item of a cancelled transaction could not be written.
 *
 * @param code {@code null} when this item was fine and the transaction failed for another item
 * @param message what was wrong with this item, or empty
 * @param item the item as stored when its condition failed, when the caller asked for it
 */
public record CancellationReason(ErrorCode code, String message, Optional<Item> item) {

    /** The reason given to items that were fine. */
    public static final CancellationReason NONE = new CancellationReason(null, "", Optional.empty());

    public CancellationReason {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(item, "item");
    }

    public static CancellationReason of(ErrorCode code, String message) {
        return new CancellationReason(Objects.requireNonNull(code, "code"), message, Optional.empty());
    }

    /** Whether this item was fine. */
    public boolean isNone() {
        return code == null;
    }
}
