package io.skiff.sql.typing;

/**
 * MIN and MAX over values typed at run time, in the total order of {@link ValueOrder}: over
 * numbers alone they are the usual numeric minimum and maximum, and over mixed types they are
 * still defined (a boolean is below every number, a number below every string, ...). Calcite
 * implements them from these classes' {@code init}/{@code add}/{@code result} methods and skips
 * NULLs, as SQL's MIN and MAX do.
 */
public final class ValueExtremes {

    private ValueExtremes() {
    }

    /** The smallest value. */
    public static final class Min {
        private Min() {
        }

        public static Object init() {
            return null;
        }

        public static Object add(Object smallest, Object value) {
            return smallest == null || ValueOrder.compare(value, smallest) < 0 ? value : smallest;
        }

        public static Object result(Object smallest) {
            return smallest;
        }
    }

    /** The largest value. */
    public static final class Max {
        private Max() {
        }

        public static Object init() {
            return null;
        }

        public static Object add(Object largest, Object value) {
            return largest == null || ValueOrder.compare(value, largest) > 0 ? value : largest;
        }

        public static Object result(Object largest) {
            return largest;
        }
    }
}
