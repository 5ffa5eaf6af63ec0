package io.skiff.sql.api;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between attribute values and the Java classes of {@link ColumnInfo}'s values, without
 * any engine: for drivers and servers that carry rows and parameters over the wire.
 */
public final class JavaValues {

    private JavaValues() {
    }

    /**
     * The Java value of an attribute value: {@code S} String, {@code N} BigDecimal (trailing
     * zeros stripped), {@code B} byte[], {@code BOOL} Boolean, {@code NULL} null, sets as
     * {@link Set}s of those, {@code L} List, {@code M} Map.
     */
    public static Object toJava(AttributeValue value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof StringValue s) {
            return s.value();
        }
        if (value instanceof NumberValue n) {
            return n.value();
        }
        if (value instanceof BinaryValue b) {
            return b.value().toByteArray();
        }
        if (value instanceof BoolValue b) {
            return b.value();
        }
        if (value instanceof StringSetValue ss) {
            return new LinkedHashSet<>(ss.values());
        }
        if (value instanceof NumberSetValue ns) {
            Set<BigDecimal> numbers = new LinkedHashSet<>();
            ns.values().forEach(n -> numbers.add(n.value()));
            return numbers;
        }
        if (value instanceof BinarySetValue bs) {
            Set<byte[]> bytes = new LinkedHashSet<>();
            bs.values().forEach(b -> bytes.add(b.toByteArray()));
            return bytes;
        }
        if (value instanceof ListValue l) {
            List<Object> list = new ArrayList<>(l.values().size());
            l.values().forEach(v -> list.add(toJava(v)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((MapValue) value).values().forEach((name, v) -> map.put(name, toJava(v)));
        return map;
    }

    /**
     * The attribute value of a Java value: strings, numbers (finite), booleans, {@code byte[]},
     * lists, maps with string keys, and non-empty sets of one kind (strings, numbers or binaries);
     * {@code null} is NULL.
     *
     * @throws SkiffException {@code VALIDATION_ERROR} for any other value
     */
    public static AttributeValue toAttribute(Object value) {
        if (value == null) {
            return NullValue.INSTANCE;
        }
        if (value instanceof CharSequence || value instanceof Character) {
            return new StringValue(value.toString());
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof Boolean b) {
            return BoolValue.of(b);
        }
        if (value instanceof byte[] bytes) {
            return new BinaryValue(Bytes.of(bytes));
        }
        if (value instanceof Set<?> set) {
            return set(set);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(toAttribute(v)));
            return new ListValue(values);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw SkiffException.validation("Map keys must be strings (attribute names), not "
                            + className(entry.getKey()));
                }
                values.put(name, toAttribute(entry.getValue()));
            }
            return new MapValue(values);
        }
        throw SkiffException.validation("A value of Java type " + className(value) + " cannot be stored; use"
                + " strings, numbers, booleans, byte[], lists, maps or sets");
    }

    private static NumberValue number(Number number) {
        if (number instanceof BigDecimal decimal) {
            return new NumberValue(decimal);
        }
        if (number instanceof Double || number instanceof Float) {
            if (!Double.isFinite(number.doubleValue())) {
                throw SkiffException.validation("The number " + number + " cannot be stored; numbers are finite"
                        + " decimals");
            }
            // Through the decimal text, so 0.1 stays 0.1 rather than its binary expansion.
            return new NumberValue(new BigDecimal(number.toString()));
        }
        return new NumberValue(new BigDecimal(number.toString()));
    }

    private static AttributeValue set(Collection<?> set) {
        if (set.isEmpty()) {
            throw SkiffException.validation("A set may not be empty");
        }
        Object first = set.iterator().next();
        if (first instanceof Number) {
            List<NumberValue> numbers = new ArrayList<>();
            set.forEach(element -> numbers.add(number(element(element, Number.class, "numbers"))));
            return NumberSetValue.of(numbers);
        }
        if (first instanceof byte[]) {
            List<Bytes> bytes = new ArrayList<>();
            set.forEach(element -> bytes.add(Bytes.of(element(element, byte[].class, "binaries"))));
            return BinarySetValue.of(bytes);
        }
        List<String> strings = new ArrayList<>();
        set.forEach(element -> strings.add(element(element, CharSequence.class, "strings").toString()));
        return StringSetValue.of(strings);
    }

    private static <T> T element(Object element, Class<T> kind, String kindName) {
        if (!kind.isInstance(element)) {
            throw SkiffException.validation("A set holds values of one kind; this one has " + kindName + " and "
                    + className(element));
        }
        return kind.cast(element);
    }

    private static String className(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
