package io.skiff.core.value;

/** The {@code NULL} value: an attribute that is present and holds no value. */
public record NullValue() implements AttributeValue {

    public static final NullValue INSTANCE = new NullValue();

    @Override
    public AttributeType type() {
        return AttributeType.NULL;
    }
}
