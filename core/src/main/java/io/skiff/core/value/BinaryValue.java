package io.skiff.core.value;

import java.util.Objects;

/** A {@code B} value: a byte string, carried as Base64 in JSON. */
public record BinaryValue(Bytes value) implements AttributeValue {

    public BinaryValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public AttributeType type() {
        return AttributeType.B;
    }
}
