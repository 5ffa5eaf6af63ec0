package io.skiff.sql.typing;

import io.skiff.core.error.SkiffException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.util.ByteString;

/**
 * What compiled plans call to compute with values typed at run time (undeclared attributes):
 * the conversions {@link TypedOperators} insert where a typed value is needed, and the
 * comparisons they use instead of Calcite's. Public because generated code calls it.
 *
 * <p>The rules, written down in docs/decisions/006: a computation (arithmetic, SUM, a function)
 * on a value of the wrong type is an error that names the value; a comparison between values
 * of different types is UNKNOWN, like a comparison with NULL.
 */
public final class RuntimeValues {

    private RuntimeValues() {
    }

    /** The number a computation needs; {@code label} names the value in the error otherwise. */
    public static BigDecimal number(Object value, String label) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return ValueOrder.decimal(n);
        }
        throw wrongType(label, value, "a number (N)");
    }

    /** The string a function needs; {@code label} names the value in the error otherwise. */
    public static String string(Object value, String label) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        throw wrongType(label, value, "a string (S)");
    }

    /** The boolean a function needs; {@code label} names the value in the error otherwise. */
    public static Boolean bool(Object value, String label) {
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw wrongType(label, value, "a boolean (BOOL)");
    }

    /** The binary a function needs; {@code label} names the value in the error otherwise. */
    public static ByteString binary(Object value, String label) {
        if (value == null || value instanceof ByteString) {
            return (ByteString) value;
        }
        if (value instanceof byte[] bytes) {
            return new ByteString(bytes);
        }
        throw wrongType(label, value, "a binary (B)");
    }

    /**
     * {@code container[key]} for a value typed at run time: a map's entry, a list's element
     * (1-based, as SQL arrays), or null when there is none or the value holds no others (a string
     * has no attribute {@code x}, just as a missing attribute has none).
     */
    public static Object item(Object container, Object key) {
        if (container instanceof java.util.Map<?, ?> map) {
            return key instanceof String || key instanceof Character ? map.get(key.toString()) : null;
        }
        if (container instanceof java.util.List<?> list && key instanceof Number number) {
            long index = number.longValue();
            return index >= 1 && index <= list.size() ? list.get((int) index - 1) : null;
        }
        return null;
    }

    /** The string a predicate such as LIKE tests, or null (UNKNOWN) for a value of another type. */
    public static String stringOrNull(Object value) {
        return value instanceof String s ? s : value instanceof Character c ? c.toString() : null;
    }

    /** The boolean a predicate such as IS TRUE tests, or null (UNKNOWN) for a value of another type. */
    public static Boolean boolOrNull(Object value) {
        return value instanceof Boolean b ? b : null;
    }

    /** SQL {@code =}: null (UNKNOWN) when either is null or the types differ. */
    public static Boolean eq(Object a, Object b) {
        Integer c = compareForEquality(a, b);
        return c == null ? null : c == 0;
    }

    /** SQL {@code <>}: null (UNKNOWN) when either is null or the types differ. */
    public static Boolean ne(Object a, Object b) {
        Integer c = compareForEquality(a, b);
        return c == null ? null : c != 0;
    }

    /** SQL {@code <}: null (UNKNOWN) unless both are booleans, numbers, strings or binaries alike. */
    public static Boolean lt(Object a, Object b) {
        Integer c = compareForOrder(a, b);
        return c == null ? null : c < 0;
    }

    /** SQL {@code <=}, as {@link #lt}. */
    public static Boolean le(Object a, Object b) {
        Integer c = compareForOrder(a, b);
        return c == null ? null : c <= 0;
    }

    /** SQL {@code >}, as {@link #lt}. */
    public static Boolean gt(Object a, Object b) {
        Integer c = compareForOrder(a, b);
        return c == null ? null : c > 0;
    }

    /** SQL {@code >=}, as {@link #lt}. */
    public static Boolean ge(Object a, Object b) {
        Integer c = compareForOrder(a, b);
        return c == null ? null : c >= 0;
    }

    /** SQL {@code IS DISTINCT FROM}: never UNKNOWN; values of different types are distinct. */
    public static boolean distinct(Object a, Object b) {
        if (a == null || b == null) {
            return a != b;
        }
        return !Boolean.TRUE.equals(eq(a, b));
    }

    /** SQL {@code IS NOT DISTINCT FROM}. */
    public static boolean notDistinct(Object a, Object b) {
        return !distinct(a, b);
    }

    /** The key ORDER BY sorts a value by: the total order of {@link ValueOrder}. */
    public static OrderKey orderKey(Object value) {
        return value == null ? null : new OrderKey(value);
    }

    private static Integer compareForEquality(Object a, Object b) {
        if (a == null || b == null || ValueOrder.rank(a) != ValueOrder.rank(b)) {
            return null;
        }
        return ValueOrder.compare(a, b);
    }

    private static Integer compareForOrder(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        int rank = ValueOrder.rank(a);
        if (rank != ValueOrder.rank(b) || !ValueOrder.isScalar(rank)) {
            return null;
        }
        return ValueOrder.compare(a, b);
    }

    private static SkiffException wrongType(String label, Object value, String expected) {
        return SkiffException.validation(Character.toUpperCase(label.charAt(0)) + label.substring(1) + " holds "
                + typeName(value) + " where " + expected + " is needed");
    }

    /** The attribute type of a value, as errors name it. */
    static String typeName(Object value) {
        if (value instanceof Boolean) {
            return "a boolean (BOOL)";
        }
        if (value instanceof Number) {
            return "a number (N)";
        }
        if (value instanceof String || value instanceof Character) {
            return "a string (S)";
        }
        if (value instanceof ByteString || value instanceof byte[]) {
            return "a binary (B)";
        }
        if (value instanceof List) {
            return "a list (L)";
        }
        if (value instanceof Map) {
            return "a map (M)";
        }
        if (value instanceof Set<?> set) {
            Object first = set.isEmpty() ? null : set.iterator().next();
            return first instanceof Number ? "a number set (NS)"
                    : first instanceof ByteString ? "a binary set (BS)" : "a string set (SS)";
        }
        return "a value of Java type " + value.getClass().getSimpleName();
    }

    /** A value wrapped so that Calcite's sort, which needs {@link Comparable}s, sorts it by the total order. */
    public record OrderKey(Object value) implements Comparable<OrderKey> {
        @Override
        public int compareTo(OrderKey other) {
            return ValueOrder.compare(value, other.value);
        }
    }
}
