package io.skiff.functions;

import io.skiff.core.value.AttributeValue;
import java.util.OptionalDouble;

/**
 * A distance between two values: smaller is closer, 0 for values the operator cannot tell apart.
 * Implementations are stateless and thread-safe, and are found with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.skiff.functions.DistanceOperator}), so a jar on the classpath adds
 * one without changing Skiff. They see values only through the {@code core} value model.
 */
public interface DistanceOperator {

    /** The function name in SQL and PartiQL, lower case, e.g. {@code levenshtein}. */
    String name();

    /** What the arguments must be, for error messages and documentation, e.g. "two strings". */
    String arguments();

    /**
     * The distance between {@code a} and {@code b}.
     *
     * @param a the first value; {@code null} when the attribute is missing
     * @param b the second value; {@code null} when the attribute is missing
     * @return empty when either value is missing or the {@code NULL} value
     * @throws io.skiff.core.error.SkiffException {@code VALIDATION_ERROR} naming the operator and the
     *         argument when a value has the wrong type or the two do not fit together
     */
    OptionalDouble distance(AttributeValue a, AttributeValue b);
}
