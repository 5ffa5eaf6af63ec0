package io.skiff.parser.expressions;

import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code KeyConditionExpression}: the partition key equal to a value, and optionally one
 * condition on the sort key. The values already have the key attributes' types.
 */
public record KeyCondition(String partitionKey, AttributeValue partitionValue, Optional<SortKeyCondition> sortKey) {

    public KeyCondition {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(partitionValue, "partitionValue");
        Objects.requireNonNull(sortKey, "sortKey");
    }

    /** The same condition as a core condition, to test items with. */
    public Condition toCondition() {
        Condition partition = Condition.eq(Operand.path(Path.attribute(partitionKey)), Operand.value(partitionValue));
        return sortKey.<Condition>map(sort -> Condition.and(partition, sort.toCondition())).orElse(partition);
    }
}
