package io.skiff.sql.partiql;

import io.skiff.core.value.Item;
import java.util.List;
import java.util.Optional;

/**
 * What a committed transaction returns, as DynamoDB's {@code ExecuteTransaction} does: for a
 * transaction of SELECTs, one entry per statement (the item, or empty when none has the key);
 * for a write transaction, nothing.
 *
 * @param items one entry per SELECT; empty for writes
 */
public record TransactionResult(List<Optional<Item>> items) {

    /** The result of a write transaction. */
    public static final TransactionResult WRITTEN = new TransactionResult(List.of());

    public TransactionResult {
        items = List.copyOf(items);
    }
}
