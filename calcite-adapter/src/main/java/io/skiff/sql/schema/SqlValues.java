package io.skiff.sql.schema;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.BoolValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.MapValue;
import io.skiff.core.value.NullValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import io.skiff.sql.api.JavaValues;
import java.math.BigDecimal;
import java.util.ArrayList;
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
        return JavaValues.toAttribute(plain(value));
    }

    /**
     * Calcite's runtime classes ({@link NlsString}, {@link ByteString}) as the plain Java classes
     * {@link JavaValues} takes, inside collections too; map keys as strings, whatever SQL made them.
     */
    private static Object plain(Object value) {
        if (value instanceof NlsString nls) {
            return nls.getValue();
        }
        if (value instanceof ByteString bytes) {
            return bytes.getBytes();
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(element -> copy.add(plain(element)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(plain(element)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, element) -> copy.put(String.valueOf(plain(key)), plain(element)));
            return copy;
        }
        return value;
    }
}
