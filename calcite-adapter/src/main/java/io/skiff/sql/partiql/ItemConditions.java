package io.skiff.sql.partiql;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Path;
import io.skiff.core.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The conditions on one item that PartiQL's writes and checks add to their WHERE conditions. */
final class ItemConditions {

    private ItemConditions() {
    }

    /** The item exists: its partition key attribute, which every stored item has, exists. */
    static Condition exists(TableSchema schema) {
        return Condition.attributeExists(Path.attribute(schema.partitionKey().name()));
    }

    /** The item does not exist. */
    static Condition absent(TableSchema schema) {
        return Condition.attributeNotExists(Path.attribute(schema.partitionKey().name()));
    }

    /** The item exists and every condition holds on it. */
    static Condition existsAnd(TableSchema schema, List<Condition> conditions) {
        List<Condition> all = new ArrayList<>();
        all.add(exists(schema));
        all.addAll(conditions);
        return all.size() == 1 ? all.get(0) : Condition.and(all.toArray(Condition[]::new));
    }

    /** The item is absent, or every condition holds on it; empty when there are no conditions. */
    static Optional<Condition> absentOr(TableSchema schema, List<Condition> conditions) {
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        Condition all = conditions.size() == 1 ? conditions.get(0) : Condition.and(conditions.toArray(Condition[]::new));
        return Optional.of(Condition.or(absent(schema), all));
    }
}
