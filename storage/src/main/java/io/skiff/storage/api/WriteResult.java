package io.skiff.storage.api;

import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * What a single-item write returns.
 *
 * @param attributes the attributes asked for with {@link ReturnValues}; empty for {@code NONE}
 *                   or when there was nothing to return
 */
public record WriteResult(Optional<Item> attributes) {

    public static final WriteResult NOTHING = new WriteResult(Optional.empty());

    public WriteResult {
        Objects.requireNonNull(attributes, "attributes");
    }
}
