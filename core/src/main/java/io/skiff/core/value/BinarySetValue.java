package io.skiff.core.value;

import java.util.Collection;
import java.util.Set;

/** A {@code BS} value: a non-empty set of distinct byte strings. */
public record BinarySetValue(Set<Bytes> values) implements AttributeValue {

    public BinarySetValue {
        values = SetValues.checked(values, AttributeType.BS);
    }

    /** Builds the set, rejecting an empty collection or one with duplicates. */
    public static BinarySetValue of(Collection<Bytes> values) {
        return new BinarySetValue(SetValues.copyOf(values, AttributeType.BS));
    }

    @Override
    public AttributeType type() {
        return AttributeType.BS;
    }
}
