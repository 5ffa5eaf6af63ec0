package io.skiff.core.value;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One typed value of an item attribute. Values are immutable and compare by value: numbers by
 * numeric value ({@code 1.0} equals {@code 1}), sets regardless of order.
 */
public sealed interface AttributeValue
        permits StringValue, NumberValue, BinaryValue, BoolValue, NullValue,
                StringSetValue, NumberSetValue, BinarySetValue, ListValue, MapValue {

    /** This value's type. */
    AttributeType type();

    static StringValue s(String value) {
        return new StringValue(value);
    }

    /** A number from its text; rejects text that is not a decimal number Skiff can store. */
    static NumberValue n(String text) {
        return NumberValue.parse(text);
    }

    static NumberValue n(long value) {
        return new NumberValue(BigDecimal.valueOf(value));
    }

    static NumberValue n(BigDecimal value) {
        return new NumberValue(value);
    }

    static BinaryValue b(byte[] value) {
        return new BinaryValue(Bytes.of(value));
    }

    static BoolValue bool(boolean value) {
        return BoolValue.of(value);
    }

    static NullValue nul() {
        return NullValue.INSTANCE;
    }

    static StringSetValue ss(String... values) {
        return StringSetValue.of(Arrays.asList(values));
    }

    static StringSetValue ss(Collection<String> values) {
        return StringSetValue.of(values);
    }

    static NumberSetValue ns(String... texts) {
        return NumberSetValue.ofTexts(Arrays.asList(texts));
    }

    static BinarySetValue bs(Collection<Bytes> values) {
        return BinarySetValue.of(values);
    }

    static ListValue l(AttributeValue... values) {
        return ListValue.of(Arrays.asList(values));
    }

    static ListValue l(List<? extends AttributeValue> values) {
        return ListValue.of(values);
    }

    static MapValue m(Map<String, ? extends AttributeValue> values) {
        return MapValue.of(values);
    }
}
