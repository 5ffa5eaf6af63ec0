package io.skiff.sql.partiql;

import io.skiff.core.expr.Condition;
import io.skiff.core.schema.TableSchema;
import io.skiff.parser.partiql.Statement;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.TransactWriteItem;
import java.util.List;

/**
 * {@code [NOT] EXISTS(SELECT ... WHERE <full key> [AND condition])}: a transaction's condition
 * check on one item, as DynamoDB's {@code ConditionCheck}. {@code EXISTS} holds when the item
 * exists and satisfies the condition; {@code NOT EXISTS} when it does not.
 */
final class ExistsCommand implements WriteCommand {

    private final Statement.ExistsCheck check;
    private final TableSchema schema;
    private final KeyedItem item;

    ExistsCommand(Statement.ExistsCheck check, TableSchema schema, AccessPlanner planner) {
        this.check = check;
        this.schema = schema;
        this.item = KeyedItem.of(check.query().where(), check.query().position(), schema, "an EXISTS check", planner,
                check.parameterCount());
    }

    @Override
    public Statement.ExistsCheck statement() {
        return check;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    @Override
    public PartiqlResult execute(Binder binder, ExecuteOptions options, String text) {
        throw check.position().invalid("EXISTS can only be used in a transaction (ExecuteTransaction), where it"
                + " checks a condition on one item");
    }

    @Override
    public TransactWriteItem transactItem(Binder binder) {
        return TransactWriteItem.check(schema.name(), item.key(binder), condition(binder));
    }

    private Condition condition(Binder binder) {
        List<Condition> conditions = item.conditions(binder);
        Condition exists = ItemConditions.existsAnd(schema, conditions);
        return check.negated() ? Condition.not(exists) : exists;
    }

    @Override
    public String explain() {
        String exists = item.describeCondition("item exists", "AND");
        String condition = check.negated() ? "NOT (" + exists + ")" : exists;
        return item.explain("PartiqlConditionCheck", "table", schema.name(), "key", item.describeKey(),
                "condition", condition);
    }
}
