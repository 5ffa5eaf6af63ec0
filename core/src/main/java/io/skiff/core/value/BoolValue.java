package io.skiff.core.value;

/** A {@code BOOL} value. */
public record BoolValue(boolean value) implements AttributeValue {

    public static final BoolValue TRUE = new BoolValue(true);
    public static final BoolValue FALSE = new BoolValue(false);

    public static BoolValue of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public AttributeType type() {
        return AttributeType.BOOL;
    }
}
