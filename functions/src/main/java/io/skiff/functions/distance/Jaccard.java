package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One minus the Jaccard index of two sets (or lists, taken as the sets of their elements):
 * {@code 1 - |A ∩ B| / |A ∪ B|}; two empty collections are at distance 0. Elements are equal as
 * Skiff values are ({@code 1} equals {@code 1.0}; a string never equals a number).
 */
public final class Jaccard extends PairOperator {

    @Override
    public String name() {
        return "jaccard";
    }

    @Override
    public String arguments() {
        return "two sets or lists";
    }

    /**
     * A value as jaccard reads it: the elements of a set, or of a list taken as a set, as Skiff
     * values (a string set's "a" and a list's "a" are one element; {@code 1} and {@code 1.0} too).
     * Empty when the value is neither, so an index plugin can skip exactly what the operator refuses.
     */
    public static Optional<Set<AttributeValue>> elements(AttributeValue value) {
        Set<AttributeValue> elements = new HashSet<>();
        if (value instanceof StringSetValue ss) {
            ss.values().forEach(e -> elements.add(new StringValue(e)));
        } else if (value instanceof NumberSetValue ns) {
            elements.addAll(ns.values());
        } else if (value instanceof BinarySetValue bs) {
            bs.values().forEach(e -> elements.add(new BinaryValue(e)));
        } else if (value instanceof ListValue l) {
            elements.addAll(l.values());
        } else {
            return Optional.empty();
        }
        return Optional.of(elements);
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        Set<AttributeValue> x = elements(a).orElseThrow(() -> Arguments.wrong(name(), arguments(), 1, a));
        Set<AttributeValue> y = elements(b).orElseThrow(() -> Arguments.wrong(name(), arguments(), 2, b));
        if (x.isEmpty() && y.isEmpty()) {
            return 0;
        }
        Set<AttributeValue> union = new HashSet<>(x);
        union.addAll(y);
        int common = 0;
        for (AttributeValue element : x) {
            if (y.contains(element)) {
                common++;
            }
        }
        return 1 - (double) common / union.size();
    }
}
