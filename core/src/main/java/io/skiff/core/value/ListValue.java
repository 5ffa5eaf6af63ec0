package io.skiff.core.value;

import io.skiff.core.error.SkiffException;
import java.util.List;
import java.util.Objects;

/** An {@code L} value: an ordered list of values of any types (it may be empty). */
public record ListValue(List<AttributeValue> values) implements AttributeValue {

    public static final ListValue EMPTY = new ListValue(List.of());

    public ListValue {
        values = copy(values);
    }

    /** A list of the given values; nulls are rejected. */
    public static ListValue of(List<? extends AttributeValue> values) {
        return new ListValue(List.<AttributeValue>copyOf(values));
    }

    private static List<AttributeValue> copy(List<AttributeValue> values) {
        Objects.requireNonNull(values, "values");
        for (AttributeValue value : values) {
            if (value == null) {
                throw SkiffException.validation("A list may not contain null; use the NULL value");
            }
        }
        return List.copyOf(values);
    }

    @Override
    public AttributeType type() {
        return AttributeType.L;
    }
}
