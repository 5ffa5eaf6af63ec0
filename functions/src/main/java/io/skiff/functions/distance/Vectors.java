package io.skiff.functions.distance;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.util.Optional;

/** cosine, euclidean and manhattan: distances between two numeric lists of one length. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * A value as these operators read it: a list of numbers as doubles. Empty when the value is not
     * a list, holds something other than a number or a number too large for a double, so an index
     * plugin can skip exactly the values the operators refuse.
     */
    public static Optional<double[]> read(AttributeValue value) {
        return Optional.ofNullable(Arguments.vectorOrNull(value));
    }

    private abstract static class VectorOperator extends PairOperator {
        @Override
        public String arguments() {
            return "two lists of numbers";
        }

        @Override
        final double between(AttributeValue a, AttributeValue b) {
            double[] x = Arguments.vector(name(), arguments(), 1, a);
            double[] y = Arguments.vector(name(), arguments(), 2, b);
            Arguments.sameLength(name(), x, y);
            return between(x, y);
        }

        abstract double between(double[] x, double[] y);
    }

    /** One minus the cosine of the angle between two vectors: 0 for the same direction, 2 for opposite ones. */
    public static final class Cosine extends VectorOperator {
        @Override
        public String name() {
            return "cosine";
        }

        @Override
        double between(double[] x, double[] y) {
            double dot = 0;
            double xx = 0;
            double yy = 0;
            for (int i = 0; i < x.length; i++) {
                dot += x[i] * y[i];
                xx += x[i] * x[i];
                yy += y[i] * y[i];
            }
            if (xx == 0 || yy == 0) {
                throw SkiffException.validation("cosine has no angle for a zero vector (argument "
                        + (xx == 0 ? 1 : 2) + ")");
            }
            double cosine = dot / (Math.sqrt(xx) * Math.sqrt(yy));
            // Rounding can push the cosine of equal directions just past 1.
            return Math.max(0, 1 - Math.min(1, Math.max(-1, cosine)));
        }
    }

    /** The straight-line distance between two points. */
    public static final class Euclidean extends VectorOperator {
        @Override
        public String name() {
            return "euclidean";
        }

        @Override
        double between(double[] x, double[] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                double d = x[i] - y[i];
                sum += d * d;
            }
            return Math.sqrt(sum);
        }
    }

    /** The sum of the absolute differences of two points' coordinates. */
    public static final class Manhattan extends VectorOperator {
        @Override
        public String name() {
            return "manhattan";
        }

        @Override
        double between(double[] x, double[] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += Math.abs(x[i] - y[i]);
            }
            return sum;
        }
    }
}
