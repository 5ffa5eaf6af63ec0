package io.skiff.sql.partiql;

import io.skiff.core.value.Item;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one execution returns.
 *
 * @param items the items a SELECT found (projected), or the item a RETURNING clause returns;
 *              empty for writes without RETURNING
 * @param nextToken present when a SELECT has more to read: pass it in
 *                  {@link ExecuteOptions#nextToken()} with the same statement and parameters
 */
public record PartiqlResult(List<Item> items, Optional<String> nextToken) {

    /** No items and nothing more. */
    public static final PartiqlResult EMPTY = new PartiqlResult(List.of(), Optional.empty());

    public PartiqlResult {
        items = List.copyOf(items);
        Objects.requireNonNull(nextToken, "nextToken");
    }

    /** The result holding the item, if any, and nothing more. */
    static PartiqlResult of(Optional<Item> item) {
        return item.map(found -> new PartiqlResult(List.of(found), Optional.empty())).orElse(EMPTY);
    }
}
