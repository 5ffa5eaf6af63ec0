package io.skiff.sql.partiql;

import io.skiff.core.error.Messages;
import io.skiff.core.expr.Update;
import io.skiff.core.expr.UpdateAction;
import io.skiff.core.schema.TableSchema;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.PartiQLFunction;
import io.skiff.parser.partiql.ReturnValues;
import io.skiff.parser.partiql.Statement;
import io.skiff.parser.partiql.StatementPrinter;
import io.skiff.storage.api.ItemStore;
import io.skiff.storage.api.TransactWriteItem;
import io.skiff.storage.api.UpdateItem;
import io.skiff.storage.api.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code UPDATE t SET ... REMOVE ... WHERE <full key> [AND condition] [RETURNING ...]}: one
 * storage update whose condition is "the item exists" and the WHERE clause's other conjuncts, so a
 * missing item or a false condition is {@code CONDITIONAL_CHECK_FAILED} and changes nothing.
 */
final class UpdateCommand implements WriteCommand {

    private final Statement.Update update;
    private final TableSchema schema;
    private final KeyedItem item;
    private final ItemStore store;

    UpdateCommand(Statement.Update update, TableSchema schema, ItemStore store, AccessPlanner planner) {
        this.update = update;
        this.schema = schema;
        this.store = store;
        this.item = KeyedItem.of(Optional.of(update.where()), update.position(), schema, "an UPDATE", planner,
                update.parameterCount());
        for (Statement.Update.Action action : update.actions()) {
            String name = action.target().path().topName();
            if (schema.isKeyAttribute(name)) {
                throw action.position().invalid("Cannot update attribute " + Messages.quote(name)
                        + ": it is part of the key of table '" + schema.name() + "'");
            }
            if (action instanceof Statement.Update.Set set && set.value() instanceof Expr.Call call
                    && (call.function() == PartiQLFunction.SET_ADD || call.function() == PartiQLFunction.SET_DELETE)
                    && !(call.arguments().get(0) instanceof Expr.PathRef ref && ref.path().equals(set.target().path()))) {
                throw call.position().invalid(call.function().sqlName() + " changes the set it is given in place;"
                        + " its first argument must be the attribute being set, as in SET " + set.target().path()
                        + " = " + call.function().sqlName() + "(" + set.target().path() + ", <<...>>)");
            }
        }
    }

    @Override
    public Statement.Update statement() {
        return update;
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
        WriteResult result = store.update(request(binder, returnValues(update.returning())));
        return PartiqlResult.of(result.attributes());
    }

    @Override
    public TransactWriteItem transactItem(Binder binder) {
        return TransactWriteItem.update(request(binder, io.skiff.storage.api.ReturnValues.NONE));
    }

    private UpdateItem request(Binder binder, io.skiff.storage.api.ReturnValues returnValues) {
        Update actions = Binder.at(update.position(), () -> new Update(actions(binder)));
        return new UpdateItem(schema.name(), item.key(binder), actions,
                Optional.of(ItemConditions.existsAnd(schema, item.conditions(binder))), returnValues);
    }

    private List<UpdateAction> actions(Binder binder) {
        List<UpdateAction> actions = new ArrayList<>();
        for (Statement.Update.Action action : update.actions()) {
            if (action instanceof Statement.Update.Remove remove) {
                actions.add(UpdateAction.remove(remove.target().path()));
                continue;
            }
            Statement.Update.Set set = (Statement.Update.Set) action;
            if (set.value() instanceof Expr.Call call
                    && (call.function() == PartiQLFunction.SET_ADD || call.function() == PartiQLFunction.SET_DELETE)) {
                Expr elements = call.arguments().get(1);
                var value = binder.value(elements);
                if (!value.type().isSet()) {
                    throw elements.position().invalid(call.function().sqlName() + " needs a set of elements such as"
                            + " <<'a'>>; the value given is of type " + value.type());
                }
                actions.add(Binder.at(call.position(), () -> call.function() == PartiQLFunction.SET_ADD
                        ? UpdateAction.add(set.target().path(), value) : UpdateAction.delete(set.target().path(), value)));
            } else {
                actions.add(UpdateAction.set(set.target().path(), binder.updateValue(set.value())));
            }
        }
        return actions;
    }

    static io.skiff.storage.api.ReturnValues returnValues(ReturnValues returning) {
        return switch (returning) {
            case NONE -> io.skiff.storage.api.ReturnValues.NONE;
            case ALL_OLD -> io.skiff.storage.api.ReturnValues.ALL_OLD;
            case MODIFIED_OLD -> io.skiff.storage.api.ReturnValues.UPDATED_OLD;
            case ALL_NEW -> io.skiff.storage.api.ReturnValues.ALL_NEW;
            case MODIFIED_NEW -> io.skiff.storage.api.ReturnValues.UPDATED_NEW;
        };
    }

    @Override
    public String explain() {
        List<String> actions = new ArrayList<>();
        for (Statement.Update.Action action : update.actions()) {
            actions.add(action instanceof Statement.Update.Set set
                    ? "SET " + set.target().path() + " = " + StatementPrinter.print(set.value())
                    : "REMOVE " + action.target().path());
        }
        List<String> attributes = new ArrayList<>(List.of("table", schema.name(), "key", item.describeKey(),
                "condition", item.describeCondition("item exists", "AND"), "actions", String.join(", ", actions)));
        if (update.returning() != ReturnValues.NONE) {
            attributes.addAll(List.of("returning", update.returning().clause().substring("RETURNING ".length())));
        }
        return item.explain("PartiqlUpdate", attributes.toArray(String[]::new));
    }
}
