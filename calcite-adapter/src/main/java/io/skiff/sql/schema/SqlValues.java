package io.skiff.sql.schema;

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
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.util.NlsString;

/**
 * Converts between attribute values and the Java values Calcite computes with: {@code S}
 * String, {@code N} BigDecimal, {@code B} ByteString, {@code BOOL} Boolean, {@code NULL} null,
 * sets as {@link Set}s, {@code L} List, {@code M} Map.
 */
public final class SqlValues {

    private SqlValues() {
    }

    /** The Java value of an attribute value, as Calcite sees it. */
    public static Object toSql(AttributeValue value) {
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
            return new ByteString(b.value().toByteArray());
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
            Set<ByteString> bytes = new LinkedHashSet<>();
            bs.values().forEach(b -> bytes.add(new ByteString(b.toByteArray())));
            return bytes;
        }
        if (value instanceof ListValue l) {
            List<Object> list = new ArrayList<>(l.values().size());
            l.values().forEach(v -> list.add(toSql(v)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        ((MapValue) value).values().forEach((name, v) -> map.put(name, toSql(v)));
        return map;
    }

    /** The attribute value of a Java value computed or bound in SQL; {@code null} becomes NULL. */
    public static AttributeValue fromSql(Object value) {
        if (value == null) {
            return NullValue.INSTANCE;
        }
        if (value instanceof String || value instanceof Character || value instanceof NlsString) {
            return new StringValue(value instanceof NlsString nls ? nls.getValue() : value.toString());
        }
        if (value instanceof BigDecimal d) {
            return new NumberValue(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return new NumberValue(BigDecimal.valueOf(((Number) value).longValue()));
        }
        if (value instanceof Number n) {
            if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
                throw SkiffException.validation("The number " + n + " cannot be stored; numbers are finite decimals");
            }
            // Through the decimal text, so 0.1 (a double) stays 0.1 rather than its binary expansion.
            return new NumberValue(new BigDecimal(n.toString()));
        }
        if (value instanceof Boolean b) {
            return BoolValue.of(b);
        }
        if (value instanceof ByteString bytes) {
            return new BinaryValue(Bytes.of(bytes.getBytes()));
        }
        if (value instanceof byte[] bytes) {
            return new BinaryValue(Bytes.of(bytes));
        }
        if (value instanceof Set<?> set) {
            return setOf(set);
        }
        if (value instanceof List<?> list) {
            List<AttributeValue> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(fromSql(v)));
            return new ListValue(values);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, AttributeValue> values = new LinkedHashMap<>();
            map.forEach((k, v) -> values.put(String.valueOf(k), fromSql(v)));
            return new MapValue(values);
        }
        throw SkiffException.validation("A value of Java type " + value.getClass().getSimpleName()
                + " cannot be stored; use strings, numbers, booleans, binary, lists, maps or sets");
    }

    private static AttributeValue setOf(Collection<?> set) {
        if (set.isEmpty()) {
            throw SkiffException.validation("A set may not be empty");
        }
        Object first = set.iterator().next();
        if (first instanceof Number) {
            List<NumberValue> numbers = new ArrayList<>();
            set.forEach(n -> numbers.add((NumberValue) fromSql(n)));
            return NumberSetValue.of(numbers);
        }
        if (first instanceof ByteString || first instanceof byte[]) {
            List<Bytes> bytes = new ArrayList<>();
            set.forEach(b -> bytes.add(((BinaryValue) fromSql(b)).value()));
            return BinarySetValue.of(bytes);
        }
        List<String> strings = new ArrayList<>();
        set.forEach(s -> strings.add(String.valueOf(s)));
        return StringSetValue.of(strings);
    }
}
