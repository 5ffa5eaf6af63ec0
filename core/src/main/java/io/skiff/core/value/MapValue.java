package io.skiff.core.value;

import io.skiff.core.error.SkiffException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** An {@code M} value: attribute names to values (it may be empty); iteration order is kept. */
public record MapValue(Map<String, AttributeValue> values) implements AttributeValue {

    public static final MapValue EMPTY = new MapValue(Map.of());

    public MapValue {
        values = copy(values);
    }

    /** A map of the given attributes; nulls are rejected. */
    @SuppressWarnings("unchecked")
    public static MapValue of(Map<String, ? extends AttributeValue> values) {
        return new MapValue((Map<String, AttributeValue>) values);
    }

    static Map<String, AttributeValue> copy(Map<String, ? extends AttributeValue> values) {
        Objects.requireNonNull(values, "values");
        LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(Math.max(4, values.size() * 2));
        for (Map.Entry<String, ? extends AttributeValue> entry : values.entrySet()) {
            if (entry.getKey() == null) {
                throw SkiffException.validation("A map may not contain a null attribute name");
            }
            if (entry.getValue() == null) {
                throw SkiffException.validation("Attribute '" + entry.getKey()
                        + "' has no value; use the NULL value");
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    public AttributeValue get(String name) {
        return values.get(name);
    }

    @Override
    public AttributeType type() {
        return AttributeType.M;
    }
}
