package io.skiff.sql.partiql;

import io.skiff.core.schema.KeyAttribute;
import io.skiff.core.schema.TableSchema;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.parser.partiql.Expr;
import java.util.List;

/** Key values of a statement, bound and checked against the key's type. */
final class Keys {

    private Keys() {
    }

    /** The value a statement gives a key; one of another type is a {@code VALIDATION_ERROR} at its position. */
    static AttributeValue bind(Expr value, KeyAttribute key, Binder binder) {
        AttributeValue bound = binder.value(value);
        if (bound.type() != key.type()) {
            String what = value instanceof Expr.Parameter parameter
                    ? "parameter " + (parameter.index() + 1) : "the value";
            throw WhereClause.keyTypeMismatch(key, bound.type(), what, value.position());
        }
        return bound;
    }

    /** The key of the one item a statement names. */
    static Item item(TableSchema schema, WhereClause.FullKey key, Binder binder) {
        Item.Builder item = Item.builder().put(schema.partitionKey().name(),
                bind(key.partition(), schema.partitionKey(), binder));
        key.sort().ifPresent(sort -> item.put(schema.sortKey().orElseThrow().name(),
                bind(sort, schema.sortKey().orElseThrow(), binder)));
        return item.build();
    }

    /** Checks the parameters of a read's key terms, before the access path uses them as keys. */
    static void checkParameters(List<KeyTerm> terms, TableSchema schema, Binder binder) {
        for (KeyTerm term : terms) {
            KeyAttribute key = term instanceof KeyTerm.Partition ? schema.partitionKey() : schema.sortKey().orElseThrow();
            for (Expr value : term.values()) {
                if (value instanceof Expr.Parameter) {
                    bind(value, key, binder);
                }
            }
        }
    }
}
