package io.skiff.core.value;

import java.util.Collection;
import java.util.Set;

/** An {@code SS} value: a non-empty set of distinct strings. */
public record StringSetValue(Set<String> values) implements AttributeValue {

    public StringSetValue {
        values = SetValues.checked(values, AttributeType.SS);
    }

    /** Builds the set, rejecting an empty collection or one with duplicates. */
    public static StringSetValue of(Collection<String> values) {
        return new StringSetValue(SetValues.copyOf(values, AttributeType.SS));
    }

    @Override
    public AttributeType type() {
        return AttributeType.SS;
    }
}
