package io.skiff.sql.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.util.ByteString;

/** Turns Calcite's runtime values into the Java classes {@link io.skiff.sql.api.ColumnInfo} promises. */
public final class JdbcValues {

    private JdbcValues() {
    }

    /** An attribute value as a JDBC column value (the classes {@link io.skiff.sql.api.ColumnInfo} lists). */
    public static Object ofAttribute(io.skiff.core.value.AttributeValue value) {
        return of(io.skiff.sql.schema.SqlValues.toSql(value));
    }

    /** The value as {@link io.skiff.sql.api.ColumnInfo} promises it: numbers as stored, bytes as arrays, deep copies. */
    public static Object of(Object value) {
        if (value instanceof java.math.BigDecimal number) {
            // DECIMAL(76, 38) arithmetic pads scales; show numbers as stored: 2.5, not 2.500...
            java.math.BigDecimal stripped = number.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
        if (value instanceof ByteString bytes) {
            return bytes.getBytes();
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            set.forEach(v -> copy.add(of(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(of(v)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), of(v)));
            return copy;
        }
        return value;
    }
}
