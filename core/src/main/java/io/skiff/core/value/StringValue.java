package io.skiff.core.value;

import java.util.Objects;

/** An {@code S} value: a string of Unicode text, ordered by its UTF-8 bytes when used as a key. */
public record StringValue(String value) implements AttributeValue {

    public StringValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
        return AttributeType.S;
    }
}
