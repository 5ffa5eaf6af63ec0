package io.skiff.sql.partiql;

import io.skiff.core.expr.Condition;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.Item;
import io.skiff.parser.partiql.Expr;
import io.skiff.parser.partiql.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one item an UPDATE, DELETE or EXISTS check names: its WHERE clause must fix every key
 * attribute with {@code =}; its other conjuncts are the statement's condition on the item.
 */
final class KeyedItem {

    private final TableSchema schema;
    private final WhereClause.FullKey key;
    private final AccessPlanner planner;
    private final int parameterCount;

    private KeyedItem(TableSchema schema, WhereClause.FullKey key, AccessPlanner planner, int parameterCount) {
        this.schema = schema;
        this.key = key;
        this.planner = planner;
        this.parameterCount = parameterCount;
    }

    /**
     * The item a WHERE clause names; {@code VALIDATION_ERROR} at the WHERE clause when it does
     * not fix every key attribute with {@code =}.
     */
    static KeyedItem of(Optional<Expr> where, Position fallback, TableSchema schema, String statement,
                        AccessPlanner planner, int parameterCount) {
        WhereClause clause = WhereClause.of(where, schema);
        WhereClause.FullKey key = clause.fullKey(schema).orElseThrow(() -> where.map(Expr::position).orElse(fallback)
                .invalid("The WHERE clause of " + statement + " must fix all key attributes with = ("
                        + keyText(schema) + "); all key attributes need =, and other conditions may follow with AND"));
        return new KeyedItem(schema, key, planner, parameterCount);
    }

    private static String keyText(TableSchema schema) {
        return schema.partitionKey().name() + " = ..." + schema.sortKey().map(sort -> " AND " + sort.name() + " = ...")
                .orElse("");
    }

    /** The item's key, bound. */
    Item key(Binder binder) {
        return Keys.item(schema, key, binder);
    }

    /** The conjuncts besides the key, bound. */
    List<Condition> conditions(Binder binder) {
        List<Condition> conditions = new ArrayList<>();
        key.condition().forEach(conjunct -> conditions.add(binder.condition(conjunct)));
        return conditions;
    }

    /** The conjuncts besides the key, as written. */
    List<Expr> conditionExprs() {
        return key.condition();
    }

    /** The key as PartiQL text, for EXPLAIN. */
    String describeKey() {
        List<Expr> terms = key.terms().stream().map(KeyTerm::source).toList();
        return PlanText.conjunction(terms);
    }

    /**
     * The condition as EXPLAIN shows it: what the statement itself requires of the item, joined
     * by {@code joiner} to the WHERE clause's other conjuncts.
     */
    String describeCondition(String required, String joiner) {
        if (key.condition().isEmpty()) {
            return required;
        }
        String conditions = PlanText.conjunction(key.condition());
        if (joiner.equals("OR") && key.condition().size() > 1) {
            conditions = "(" + conditions + ")";
        }
        return required + " " + joiner + " " + conditions;
    }

    /** The plan text of the statement's command over the point get of its item. */
    String explain(String operator, String... attributes) {
        AccessPlanner.PlannedRead read = planner.plan(schema, key.terms(), parameterCount, Optional.empty());
        return new PlanText().operator(operator, attributes).plan(read.accessRel()).toString();
    }

    /** The expression that gives the item's partition key. */
    Expr partitionKey() {
        return key.partition();
    }
}
