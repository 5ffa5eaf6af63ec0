package io.skiff.storage.api;

import io.skiff.core.value.AttributeValue;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on the sort key of a query: one contiguous range of a partition.
 *
 * @param operator the comparison
 * @param value the operand (the lower bound for {@code BETWEEN})
 * @param upper the upper bound, for {@code BETWEEN} only
 */
public record SortKeyCondition(Operator operator, AttributeValue value, Optional<AttributeValue> upper) {

    /** The sort-key comparisons a query supports. */
    public enum Operator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    public SortKeyCondition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(upper, "upper");
        if ((operator == Operator.BETWEEN) != upper.isPresent()) {
            throw new IllegalArgumentException("an upper bound is given exactly for BETWEEN");
        }
    }

    public static SortKeyCondition eq(AttributeValue v) {
        return new SortKeyCondition(Operator.EQ, v, Optional.empty());
    }

    public static SortKeyCondition lt(AttributeValue v) {
        return new SortKeyCondition(Operator.LT, v, Optional.empty());
    }

    public static SortKeyCondition le(AttributeValue v) {
        return new SortKeyCondition(Operator.LE, v, Optional.empty());
    }

    public static SortKeyCondition gt(AttributeValue v) {
        return new SortKeyCondition(Operator.GT, v, Optional.empty());
    }

    public static SortKeyCondition ge(AttributeValue v) {
        return new SortKeyCondition(Operator.GE, v, Optional.empty());
    }

    public static SortKeyCondition between(AttributeValue low, AttributeValue high) {
        return new SortKeyCondition(Operator.BETWEEN, low, Optional.of(high));
    }

    public static SortKeyCondition beginsWith(AttributeValue prefix) {
        return new SortKeyCondition(Operator.BEGINS_WITH, prefix, Optional.empty());
    }
}
