package io.skiff.sql.schema;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.Estimators;
import io.skiff.functions.Sketch;

/**
 * Estimators as SQL aggregate functions over values of any type: {@code approx_distinct(x)}
 * (the {@code hll} sketch) and {@code approx_frequency(x, v)} (the {@code cms} sketch: about how
 * many rows have {@code x = v}). Each scan fills a sketch; Calcite merges partial ones. NULL and
 * missing values are not counted.
 */
public final class EstimatorAggregates {

    /** The estimators on the classpath, found once. */
    static final Estimators ESTIMATORS = Estimators.load();

    private EstimatorAggregates() {
    }

    static Sketch newSketch(String estimator) {
        return ESTIMATORS.find(estimator).orElseThrow(() -> new IllegalStateException("no estimator '" + estimator
                + "'")).newSketch();
    }

    static AttributeValue attribute(Object value) {
        return value == null ? null : SqlValues.fromSql(value);
    }

    /** {@code approx_distinct(x)}: about how many distinct non-NULL values {@code x} takes. */
    public static final class ApproxDistinct {
        private ApproxDistinct() {
        }

        public static Sketch.DistinctCount init() {
            return (Sketch.DistinctCount) newSketch("hll");
        }

        public static Sketch.DistinctCount add(Sketch.DistinctCount sketch, Object value) {
            sketch.add(attribute(value));
            return sketch;
        }

        public static Sketch.DistinctCount merge(Sketch.DistinctCount sketch, Sketch.DistinctCount other) {
            sketch.merge(other);
            return sketch;
        }

        public static long result(Sketch.DistinctCount sketch) {
            return sketch.distinct();
        }
    }

    /** {@code approx_frequency(x, v)}: about how many rows have {@code x = v}, never fewer. */
    public static final class ApproxFrequency {
        private ApproxFrequency() {
        }

        /** The sketch, and the value asked about (the same on every row). */
        public static final class Accumulator {
            final Sketch.Frequency sketch = (Sketch.Frequency) newSketch("cms");
            Object probe;
        }

        public static Accumulator init() {
            return new Accumulator();
        }

        public static Accumulator add(Accumulator accumulator, Object value, Object probe) {
            accumulator.sketch.add(attribute(value));
            accumulator.probe = probe;
            return accumulator;
        }

        public static Accumulator merge(Accumulator accumulator, Accumulator other) {
            accumulator.sketch.merge(other.sketch);
            if (accumulator.probe == null) {
                accumulator.probe = other.probe;
            }
            return accumulator;
        }

        public static long result(Accumulator accumulator) {
            return accumulator.sketch.frequency(attribute(accumulator.probe));
        }
    }
}
