package io.skiff.sql.rel;

import java.util.List;
import org.apache.calcite.DataContext;

/**
 * A key value in an access path: a literal known when planning, or a {@code ?} parameter read
 * when the plan runs, so that a prepared statement is planned once for every parameter value.
 */
public sealed interface ValueSource permits ValueSource.Literal, ValueSource.Parameter, ValueSource.Constructed {

    /** The value for one execution. */
    Object resolve(DataContext context);

    /** The value for one execution that runs without a generated plan, from its parameter values. */
    Object resolve(List<Object> parameters);

    /** How EXPLAIN shows it. */
    String describe();

    /** A value known at planning time. */
    record Literal(Object value) implements ValueSource {
        @Override
        public Object resolve(DataContext context) {
            return value;
        }

        @Override
        public Object resolve(List<Object> parameters) {
            return value;
        }

        @Override
        public String describe() {
            if (value instanceof java.math.BigDecimal number) {
                return number.stripTrailingZeros().toPlainString();
            }
            return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        }
    }

    /** The value of the {@code index}-th (0-based) {@code ?} marker. */
    record Parameter(int index) implements ValueSource {
        @Override
        public Object resolve(DataContext context) {
            return context.get("?" + index);
        }

        @Override
        public Object resolve(List<Object> parameters) {
            return parameters.get(index);
        }

        @Override
        public String describe() {
            return "?" + index;
        }
    }

    /**
     * A list ({@code ARRAY[...]}) or map ({@code MAP['k', v, ...]}) built from other values when
     * the plan runs, such as a query vector with markers in it.
     */
    record Constructed(boolean map, List<ValueSource> parts) implements ValueSource {
        @Override
        public Object resolve(DataContext context) {
            return build(parts.stream().map(part -> part.resolve(context)).toList());
        }

        @Override
        public Object resolve(List<Object> parameters) {
            return build(parts.stream().map(part -> part.resolve(parameters)).toList());
        }

        private Object build(List<Object> values) {
            if (!map) {
                return values;
            }
            java.util.Map<String, Object> built = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < values.size(); i += 2) {
                built.put(String.valueOf(values.get(i)), values.get(i + 1));
            }
            return built;
        }

        @Override
        public String describe() {
            String inner = parts.stream().map(ValueSource::describe).collect(java.util.stream.Collectors.joining(", "));
            return (map ? "MAP[" : "ARRAY[") + inner + "]";
        }
    }
}
