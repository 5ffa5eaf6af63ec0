package io.skiff.sql.schema;

import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import java.util.OptionalDouble;

/**
 * What generated code calls for a distance function: the operator by name, over the values as
 * Calcite computes with them (see {@link SqlValues}); SQL NULL for a missing or NULL input.
 */
public final class DistanceCalls {

    /** The operators on the classpath, found once. */
    static final DistanceOperators OPERATORS = DistanceOperators.shared();

    private DistanceCalls() {
    }

    private static final java.util.Set<String> NAMES = OPERATORS.all().stream()
            .map(operator -> operator.name().toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The names of the distance operators, lower case: the functions PartiQL statements may call. */
    public static java.util.Set<String> names() {
        return NAMES;
    }

    /** A condition operand computing the distance operator {@code name}; see {@link DistanceOperators#call}. */
    public static io.skiff.core.expr.Operand operand(String name, java.util.List<io.skiff.core.expr.Operand> arguments) {
        return OPERATORS.call(name, arguments);
    }

    /** Called by generated code; {@code name} is the operator's, as registered. */
    public static Double distance(String name, Object a, Object b) {
        DistanceOperator operator = OPERATORS.find(name).orElseThrow(
                () -> new IllegalStateException("no distance operator '" + name + "'"));
        OptionalDouble distance = operator.distance(a == null ? null : SqlValues.fromSql(a),
                b == null ? null : SqlValues.fromSql(b));
        return distance.isPresent() ? distance.getAsDouble() : null;
    }
}
