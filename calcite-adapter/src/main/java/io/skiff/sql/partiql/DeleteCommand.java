package io.skiff.sql.partiql;

import io.skiff.core.schema.TableSchema;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.ReturnValues;
import io.skiff.parser.partiql.Statement;
import io.skiff.storage.api.DeleteItem;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.TransactWriteItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code DELETE FROM t WHERE <full key> [AND condition] [RETURNING ALL OLD *]}: one storage
 * delete. As in DynamoDB, deleting a missing item succeeds (and deletes nothing) whatever the
 * condition; an item that exists but fails the condition is {@code CONDITIONAL_CHECK_FAILED}.
 */
final class DeleteCommand implements WriteCommand {

    private final Statement.Delete delete;
    private final TableSchema schema;
    private final KeyedItem item;
    private final ItemStore store;

    DeleteCommand(Statement.Delete delete, TableSchema schema, ItemStore store, AccessPlanner planner) {
        this.delete = delete;
        this.schema = schema;
        this.store = store;
        this.item = KeyedItem.of(Optional.of(delete.where()), delete.position(), schema, "a DELETE", planner,
                delete.parameterCount());
    }

    @Override
    public Statement.Delete statement() {
        return delete;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public Optional<Expr> partitionKey() {
        return Optional.of(item.partitionKey());
    }

    @Override
    public PartiqlResult execute(Binder binder, ExecuteOptions options, String text) {
        DeleteItem request = request(binder);
        if (delete.returning() == ReturnValues.ALL_OLD) {
            request = request.returning(io.skiff.storage.api.ReturnValues.ALL_OLD);
        }
        return PartiqlResult.of(store.delete(request).attributes());
    }

    /** Runs the delete and says whether an item was there to delete (a missing one is no error). */
    boolean executeCounting(Binder binder) {
        return store.delete(request(binder).returning(io.skiff.storage.api.ReturnValues.ALL_OLD)).attributes()
                .isPresent();
    }

    @Override
    public TransactWriteItem transactItem(Binder binder) {
        return TransactWriteItem.delete(request(binder));
    }

    private DeleteItem request(Binder binder) {
        DeleteItem request = DeleteItem.of(schema.name(), item.key(binder));
        return ItemConditions.absentOr(schema, item.conditions(binder)).map(request::withCondition).orElse(request);
    }

    @Override
    public String explain() {
        List<String> attributes = new ArrayList<>(List.of("table", schema.name(), "key", item.describeKey()));
        if (!item.conditionExprs().isEmpty()) {
            attributes.addAll(List.of("condition", item.describeCondition("item absent", "OR")));
        }
        if (delete.returning() != ReturnValues.NONE) {
            attributes.addAll(List.of("returning", "ALL OLD *"));
        }
        return item.explain("PartiqlDelete", attributes.toArray(String[]::new));
    }
}
