package io.skiff.sql.typing;

import io.skiff.core.value.StringValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.util.ByteString;

/**
 * How SQL orders and compares values whose type is known only at run time (the Java values of
 * {@link io.skiff.sql.schema.SqlValues}). Every value has a type rank, in PartiQL's order:
 * booleans, numbers, strings, binaries, lists, maps, sets. Values of one rank compare by value:
 * booleans false before true, numbers numerically ({@code 1 = 1.0}), strings by Unicode code
 * point (the order of string keys), binaries as unsigned bytes, lists element by element, maps
 * member by member in name order, sets as their sorted elements. This is a total order, used by
 * ORDER BY, MIN and MAX; comparisons use it only between values of the same rank.
 */
final class ValueOrder {

    /** Type ranks, in order. */
    static final int BOOLEAN = 0;
    static final int NUMBER = 1;
    static final int STRING = 2;
    static final int BINARY = 3;
    static final int LIST = 4;
    static final int MAP = 5;
    static final int SET = 6;
    /** Java values no attribute type produces (they sort last, by class, then text). */
    static final int OTHER = 7;

    /** The total order of non-null values, with nulls (inside lists and maps) first. */
    static final Comparator<Object> TOTAL = ValueOrder::compareNullable;

    private ValueOrder() {
    }

    /** The type rank of a non-null value. */
    static int rank(Object value) {
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof Number) {
            return NUMBER;
        }
        if (value instanceof String || value instanceof Character) {
            return STRING;
        }
        if (value instanceof ByteString || value instanceof byte[]) {
            return BINARY;
        }
        if (value instanceof List) {
            return LIST;
        }
        if (value instanceof Map) {
            return MAP;
        }
        if (value instanceof Set) {
            return SET;
        }
        return OTHER;
    }

    /** Whether values of this rank have an order that {@code <} and {@code >} may use. */
    static boolean isScalar(int rank) {
        return rank <= BINARY;
    }

    /** The sign of {@code a - b} in the total order; neither may be null. */
    static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case BOOLEAN:
                return Boolean.compare((Boolean) a, (Boolean) b);
            case NUMBER:
                return compareNumbers((Number) a, (Number) b);
            case STRING:
                return StringValue.compareCodePoints(a.toString(), b.toString());
            case BINARY:
                return Arrays.compareUnsigned(bytes(a), bytes(b));
            case LIST:
                return compareSequences(((List<?>) a).iterator(), ((List<?>) b).iterator());
            case MAP:
                return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
            case SET:
                return compareSequences(sorted((Set<?>) a).iterator(), sorted((Set<?>) b).iterator());
            default:
                int byClass = a.getClass().getName().compareTo(b.getClass().getName());
                return byClass != 0 ? byClass : a.toString().compareTo(b.toString());
        }
    }

    private static int compareNullable(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compare(a, b);
    }

    /** Numbers of any Java type, numerically; infinities and NaN (only from doubles) as doubles. */
    static int compareNumbers(Number a, Number b) {
        if (isNonFinite(a) || isNonFinite(b)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return decimal(a).compareTo(decimal(b));
    }

    /** The exact decimal of a finite number; doubles through their shortest decimal text. */
    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            return new BigDecimal(n.toString());
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static boolean isNonFinite(Number n) {
        return (n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue());
    }

    static byte[] bytes(Object binary) {
        return binary instanceof ByteString b ? b.getBytes() : (byte[]) binary;
    }

    private static int compareSequences(Iterator<?> a, Iterator<?> b) {
        while (a.hasNext() && b.hasNext()) {
            int c = compareNullable(a.next(), b.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(a.hasNext(), b.hasNext());
    }

    private static int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        List<? extends Map.Entry<?, ?>> x = byName(a);
        List<? extends Map.Entry<?, ?>> y = byName(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = StringValue.compareCodePoints(String.valueOf(x.get(i).getKey()), String.valueOf(y.get(i).getKey()));
            if (c == 0) {
                c = compareNullable(x.get(i).getValue(), y.get(i).getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<? extends Map.Entry<?, ?>> byName(Map<?, ?> map) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        entries.sort((e, f) -> StringValue.compareCodePoints(String.valueOf(e.getKey()), String.valueOf(f.getKey())));
        return entries;
    }

    private static List<Object> sorted(Collection<?> values) {
        List<Object> list = new ArrayList<>(values);
        list.sort(TOTAL);
        return list;
    }
}
