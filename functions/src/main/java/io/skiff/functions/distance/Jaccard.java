package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.StringSetValue;
import java.util.HashSet;
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

    @Override
    double between(AttributeValue a, AttributeValue b) {
        Set<Object> x = elements(a, 1);
        Set<Object> y = elements(b, 2);
        if (x.isEmpty() && y.isEmpty()) {
            return 0;
        }
        Set<Object> union = new HashSet<>(x);
        union.addAll(y);
        int common = 0;
        for (Object element : x) {
            if (y.contains(element)) {
                common++;
            }
        }
        return 1 - (double) common / union.size();
    }

    private Set<Object> elements(AttributeValue value, int position) {
        if (value instanceof StringSetValue ss) {
            return new HashSet<>(ss.values());
        }
        if (value instanceof NumberSetValue ns) {
            return new HashSet<>(ns.values());
        }
        if (value instanceof BinarySetValue bs) {
            return new HashSet<>(bs.values());
        }
        if (value instanceof ListValue l) {
            // Elements as Skiff values, so a list's "a" and a string set's "a" are the same element.
            Set<Object> elements = new HashSet<>();
            for (AttributeValue element : l.values()) {
                elements.add(unwrap(element));
            }
            return elements;
        }
        throw Arguments.wrong(name(), arguments(), position, value);
    }

    private static Object unwrap(AttributeValue element) {
        if (element instanceof io.skiff.core.value.StringValue s) {
            return s.value();
        }
        if (element instanceof io.skiff.core.value.BinaryValue b) {
            return b.value();
        }
        return element;
    }
}
