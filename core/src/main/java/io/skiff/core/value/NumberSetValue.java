package io.skiff.core.value;

import io.skiff.core.error.SkiffException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An {@code NS} value: a non-empty set of distinct numbers. Elements are compared by numeric
 * value, so {@code ["1", "1.0"]} holds a duplicate.
 */
public record NumberSetValue(Set<NumberValue> values) implements AttributeValue {

    public NumberSetValue {
        values = SetValues.checked(values, AttributeType.NS);
    }

    /** Builds the set, rejecting an empty collection or one with duplicates. */
    public static NumberSetValue of(Collection<NumberValue> values) {
        return new NumberSetValue(SetValues.copyOf(values, AttributeType.NS));
    }

    /** Builds the set from number texts, rejecting malformed numbers and duplicates. */
    public static NumberSetValue ofTexts(Collection<String> texts) {
        List<NumberValue> numbers = new ArrayList<>(texts.size());
        for (String text : texts) {
            if (text == null) {
                throw SkiffException.validation("An NS set may not contain null");
            }
            numbers.add(NumberValue.parse(text));
        }
        return of(numbers);
    }

    @Override
    public AttributeType type() {
        return AttributeType.NS;
    }
}
