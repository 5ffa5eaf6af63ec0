package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.StringSetValue;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Union and difference of two set values of the same type, as {@code ADD} and {@code DELETE} need. */
final class SetAlgebra {

    private SetAlgebra() {
    }

    /** Whether both values are sets of the same type. */
    static boolean sameSetType(AttributeValue a, AttributeValue b) {
        return a.type().isSet() && a.type() == b.type();
    }

    /** The elements of both sets, those of {@code a} first; both must be sets of one type. */
    static AttributeValue union(AttributeValue a, AttributeValue b) {
        return combine(a, b, true).orElseThrow();
    }

    /** The elements of {@code a} not in {@code b}; empty when none are left. */
    static Optional<AttributeValue> difference(AttributeValue a, AttributeValue b) {
        return combine(a, b, false);
    }

    private static Optional<AttributeValue> combine(AttributeValue a, AttributeValue b, boolean union) {
        if (a instanceof StringSetValue x && b instanceof StringSetValue y) {
            return combine(x.values(), y.values(), union).map(StringSetValue::new);
        }
        if (a instanceof NumberSetValue x && b instanceof NumberSetValue y) {
            return combine(x.values(), y.values(), union).map(NumberSetValue::new);
        }
        if (a instanceof BinarySetValue x && b instanceof BinarySetValue y) {
            return combine(x.values(), y.values(), union).map(BinarySetValue::new);
        }
        throw new IllegalArgumentException("Not two sets of one type: " + a.type() + ", " + b.type());
    }

    // Insertion order is kept so that results are deterministic, not just equal.
    private static <T> Optional<Set<T>> combine(Set<T> a, Set<T> b, boolean union) {
        Set<T> result = new LinkedHashSet<>(a);
        if (union) {
            result.addAll(b);
        } else {
            result.removeAll(b);
        }
        return result.isEmpty() ? Optional.empty() : Optional.of(result);
    }
}
