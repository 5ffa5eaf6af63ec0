package io.skiff.storage.api;

import io.skiff.core.expr.Condition;
import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes a whole item, replacing any item with the same key.
 *
 * @param table the table name
 * @param item the item, with all key attributes
 * @param condition when present, the write happens only if it holds for the stored item
 * @param onlyIfAbsent when true, the write fails with {@code DUPLICATE_ITEM} if the key exists
 *                     (the semantics of an SQL/PartiQL INSERT)
 * @param returnValues {@code NONE} or {@code ALL_OLD}
 * @param expected when present, the write happens only if the stored item is exactly this one
 *                 (read earlier by the caller); otherwise it fails with {@code WRITE_CONFLICT}
 */
public record PutItem(String table, Item item, Optional<Condition> condition, boolean onlyIfAbsent,
                      ReturnValues returnValues, Optional<Item> expected) {

    public PutItem {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(condition, "condition");
        ReturnValues.requireNoneOrAllOld(Objects.requireNonNull(returnValues, "returnValues"), "put");
    }

    /** An unconditional put. */
    public static PutItem of(String table, Item item) {
        return new PutItem(table, item, Optional.empty(), false, ReturnValues.NONE, Optional.empty());
    }

    /** A put that fails with {@code DUPLICATE_ITEM} when an item with the same key exists. */
    public static PutItem insert(String table, Item item) {
        return new PutItem(table, item, Optional.empty(), true, ReturnValues.NONE, Optional.empty());
    }

    public PutItem withCondition(Condition newCondition) {
        return new PutItem(table, item, Optional.of(newCondition), onlyIfAbsent, returnValues, expected);
    }

    public PutItem returning(ReturnValues newReturnValues) {
        return new PutItem(table, item, condition, onlyIfAbsent, newReturnValues, expected);
    }

    /** A put that replaces {@code old} only if it is still what is stored (read-modify-write). */
    public PutItem ifUnchanged(Item old) {
        return new PutItem(table, item, condition, onlyIfAbsent, returnValues, Optional.of(old));
    }
}
