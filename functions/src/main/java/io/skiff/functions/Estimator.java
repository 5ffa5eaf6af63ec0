package io.skiff.functions;

/**
 * A kind of sketch: a small summary of many values that answers a question about them
 * approximately, in fixed memory. Implementations are stateless factories found with
 * {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/io.skiff.functions.Estimator}), like distance operators.
 */
public interface Estimator {

    /** The estimator's name, lower case, e.g. {@code hll}. */
    String name();

    /** What it estimates and how well, for documentation and errors. */
    String description();

    /** An empty sketch. */
    Sketch newSketch();
}
