package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NullValue;
import io.skiff.functions.DistanceOperator;
import java.util.OptionalDouble;

/** An operator of two values that are both present: a missing or NULL value gives no distance. */
abstract class PairOperator implements DistanceOperator {

    @Override
    public final OptionalDouble distance(AttributeValue a, AttributeValue b) {
        if (a == null || b == null || a instanceof NullValue || b instanceof NullValue) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(between(a, b));
    }

    /** The distance between two present values. */
    abstract double between(AttributeValue a, AttributeValue b);
}
