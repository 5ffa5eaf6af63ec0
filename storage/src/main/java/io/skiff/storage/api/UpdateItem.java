package io.skiff.storage.api;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Update;
import io.skiff.core.value.Item;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies update actions to one item, creating it when it does not exist (like the reference
 * system); key attributes cannot be updated.
 *
 * @param table the table name
 * @param key exactly the key attributes
 * @param update the actions
 * @param condition when present, the update happens only if it holds for the stored item
 * @param returnValues which attributes to return
 */
public record UpdateItem(String table, Item key, Update update, Optional<Condition> condition,
                         ReturnValues returnValues) {

    public UpdateItem {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(returnValues, "returnValues");
    }

    public static UpdateItem of(String table, Item key, Update update) {
        return new UpdateItem(table, key, update, Optional.empty(), ReturnValues.NONE);
    }

    public UpdateItem withCondition(Condition newCondition) {
        return new UpdateItem(table, key, update, Optional.of(newCondition), returnValues);
    }

    public UpdateItem returning(ReturnValues newReturnValues) {
        return new UpdateItem(table, key, update, condition, newReturnValues);
    }
}
