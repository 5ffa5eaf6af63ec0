package io.skiff.storage;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.expr.Condition;
import io.skiff.core.json.ItemJson;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.core.value.ItemLimits;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.PutItem;
import io.skiff.storage.api.ReturnValues;
import io.skiff.storage.api.UpdateItem;
import java.util.Optional;
import java.util.Set;

/**
 * What a write does to the item it targets, decided from the stored item alone: conditions,
 * insert semantics, update actions, key protection and limits. The same rules serve single
 * writes, batches and transactions, and they read no clock, so replicas agree.
 */
final class WriteRules {

    private final ItemLimits limits;

    WriteRules(ItemLimits limits) {
        this.limits = limits;
    }

    /** Checks an item about to be stored whatever is stored now: schema, names and size. */
    Item checkNewItem(TableSchema schema, Item item) {
        schema.checkItem(item);
        limits.checkStored(item);
        return item;
    }

    /** Checks a put against the stored item ({@code null} when absent). */
    void checkPut(PutItem request, TableSchema schema, Item old) {
        if (request.onlyIfAbsent() && old != null) {
            throw new SkiffException(ErrorCode.DUPLICATE_ITEM, "Duplicate item: table '" + schema.name()
                    + "' already has an item with key " + describeKey(schema, request.item()));
        }
        checkUnchanged(request.expected(), old, schema, request.item());
        checkCondition(request.condition(), old);
    }

    void checkDelete(DeleteItem request, TableSchema schema, Item old) {
        checkUnchanged(request.expected(), old, schema, request.key());
        checkCondition(request.condition(), old);
    }

    /** The item an update leaves behind, given the stored item ({@code null} when absent). */
    Item applyUpdate(UpdateItem request, TableSchema schema, Item old) {
        checkCondition(request.condition(), old);
        for (String name : request.update().topLevelNames()) {
            if (schema.isKeyAttribute(name)) {
                throw SkiffException.validation("Cannot update attribute '" + name
                        + "': it is part of the key of table '" + schema.name() + "'");
            }
        }
        Item base = old != null ? old : request.key();
        return checkNewItem(schema, request.update().apply(base));
    }

    /** A read-modify-write goes ahead only if the stored item is still the one that was read. */
    private static void checkUnchanged(Optional<Item> expected, Item old, TableSchema schema, Item keyed) {
        if (expected.isPresent() && !expected.get().equals(old)) {
            throw new SkiffException(ErrorCode.WRITE_CONFLICT, "The item with key " + describeKey(schema, keyed)
                    + " in table '" + schema.name() + "' changed after it was read; nothing was written, retry the"
                    + " statement");
        }
    }

    void checkCondition(Optional<Condition> condition, Item old) {
        if (condition.isPresent() && !condition.get().test(old == null ? Item.empty() : old)) {
            throw new SkiffException(ErrorCode.CONDITIONAL_CHECK_FAILED, "The conditional request failed");
        }
    }

    /** What an update returns, by its {@link ReturnValues}. */
    static Optional<Item> updateResult(ReturnValues returnValues, Set<String> touched, Item old, Item updated) {
        switch (returnValues) {
            case ALL_OLD:
                return Optional.ofNullable(old);
            case ALL_NEW:
                return Optional.of(updated);
            case UPDATED_OLD:
                return old == null ? Optional.empty() : nonEmpty(old.only(touched));
            case UPDATED_NEW:
                return nonEmpty(updated.only(touched));
            default:
                return Optional.empty();
        }
    }

    private static Optional<Item> nonEmpty(Item item) {
        return item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    static String describeKey(TableSchema schema, Item item) {
        return ItemJson.writeItem(schema.keyOf(item));
    }
}
