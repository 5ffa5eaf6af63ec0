package io.skiff.storage.api;

import io.skiff.core.expr.Condition;
import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Deletes one item by its key; deleting a missing item is not an error.
 *
 * @param table the table name
 * @param key exactly the key attributes
 * @param condition when present, the delete happens only if it holds for the stored item
 * @param returnValues {@code NONE} or {@code ALL_OLD}
 * @param expected when present, the delete happens only if the stored item is exactly this one
 *                 (read earlier by the caller); otherwise it fails with {@code WRITE_CONFLICT}
 */
public record DeleteItem(String table, Item key, Optional<Condition> condition, ReturnValues returnValues,
                         Optional<Item> expected) {

    public DeleteItem {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(condition, "condition");
        ReturnValues.requireNoneOrAllOld(Objects.requireNonNull(returnValues, "returnValues"), "delete");
        Objects.requireNonNull(expected, "expected");
    }

    public static DeleteItem of(String table, Item key) {
        return new DeleteItem(table, key, Optional.empty(), ReturnValues.NONE, Optional.empty());
    }

    public DeleteItem withCondition(Condition newCondition) {
        return new DeleteItem(table, key, Optional.of(newCondition), returnValues, expected);
    }

    public DeleteItem returning(ReturnValues newReturnValues) {
        return new DeleteItem(table, key, condition, newReturnValues, expected);
    }

    /** A delete of {@code old} that happens only if it is still what is stored. */
    public DeleteItem ifUnchanged(Item old) {
        return new DeleteItem(table, key, condition, returnValues, Optional.of(old));
    }
}
