package io.skiff.parser.expressions;

import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Condition;
import io.skiff.core.expr.Operand;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The sort key part of a {@link KeyCondition}: {@code sk op :v}, {@code sk BETWEEN :lo AND :hi}
 * or {@code begins_with(sk, :prefix)}.
 *
 * @param value the compared value, the lower bound of BETWEEN, or the prefix
 * @param upper the upper bound of BETWEEN, empty otherwise
 */
public record SortKeyCondition(String attribute, Operator operator, AttributeValue value,
                               Optional<AttributeValue> upper) {

    /** The operators a sort key condition may use. */
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public SortKeyCondition {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(upper, "upper");
        if (upper.isPresent() != (operator == Operator.BETWEEN)) {
            throw new IllegalArgumentException("an upper bound goes with BETWEEN, and only with it");
        }
    }

    /** The same condition as a core condition. */
    public Condition toCondition() {
        Operand key = Operand.path(Path.attribute(attribute));
        return switch (operator) {
            case BETWEEN -> Condition.between(key, Operand.value(value), Operand.value(upper.orElseThrow()));
            case BEGINS_WITH -> Condition.beginsWith(Path.attribute(attribute), Operand.value(value));
            default -> Condition.compare(key, ComparisonOperator.valueOf(operator.name()), Operand.value(value));
        };
    }
}
