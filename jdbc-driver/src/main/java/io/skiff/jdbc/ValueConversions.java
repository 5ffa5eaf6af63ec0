package io.skiff.jdbc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.skiff.core.error.Messages;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conversions between the Java values the SQL engine uses (listed on {@link io.skiff.sql.api.ColumnInfo})
 * and what JDBC callers ask for or hand in. Result set getters and prepared statement setters
 * share them, so a value reads back the way it was bound. Every method takes a non-null value;
 * SQL NULL is handled by the callers.
 */
final class ValueConversions {

    /** Maps, lists and sets read as text render as JSON: numbers stay exact, binaries are base64 as on the wire. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueConversions() {
    }

    // ---- reading: engine value -> what a getter returns ------------------------------------

    static String toText(Object value) throws SQLException {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Map || value instanceof Collection) {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw conversionError(value, "text", e);
            }
        }
        throw incompatible(value, "text");
    }

    static boolean toBoolean(Object value) throws SQLException {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            String word = text.trim();
            if (word.equalsIgnoreCase("true") || word.equals("1")) {
                return true;
            }
            if (word.equalsIgnoreCase("false") || word.equals("0")) {
                return false;
            }
            throw DriverErrors.of(DriverErrors.INVALID_TEXT, "Cannot read " + quoted(text) + " as a BOOLEAN");
        }
        if (value instanceof Number) {
            return toBigDecimal(value).signum() != 0;
        }
        throw incompatible(value, "BOOLEAN");
    }

    static byte toByte(Object value) throws SQLException {
        return (byte) toIntegral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "TINYINT");
    }

    static short toShort(Object value) throws SQLException {
        return (short) toIntegral(value, Short.MIN_VALUE, Short.MAX_VALUE, "SMALLINT");
    }

    static int toInt(Object value) throws SQLException {
        return (int) toIntegral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "INTEGER");
    }

    static long toLong(Object value) throws SQLException {
        return toIntegral(value, Long.MIN_VALUE, Long.MAX_VALUE, "BIGINT");
    }

    /** Whole numbers; a fraction is cut off toward zero, as a cast to an integer type does. */
    private static long toIntegral(Object value, long min, long max, String typeName) throws SQLException {
        long result;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            result = ((Number) value).longValue();
        } else {
            BigDecimal whole = toBigDecimal(value).setScale(0, RoundingMode.DOWN);
            if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(LONG_MAX) > 0) {
                throw outOfRange(value, typeName);
            }
            result = whole.longValue();
        }
        if (result < min || result > max) {
            throw outOfRange(value, typeName);
        }
        return result;
    }

    static double toDouble(Object value) throws SQLException {
        double result;
        if (value instanceof Number number) {
            result = number.doubleValue();
        } else if (value instanceof String text) {
            try {
                result = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw DriverErrors.of(DriverErrors.INVALID_TEXT, "Cannot read " + quoted(text) + " as a DOUBLE");
            }
            return result;
        } else if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        } else {
            throw incompatible(value, "DOUBLE");
        }
        // A decimal beyond the double range would silently become infinite.
        if (Double.isInfinite(result) && value instanceof BigDecimal) {
            throw outOfRange(value, "DOUBLE");
        }
        return result;
    }

    static float toFloat(Object value) throws SQLException {
        double result = toDouble(value);
        if (Double.isFinite(result) && Math.abs(result) > Float.MAX_VALUE) {
            throw outOfRange(value, "REAL");
        }
        return (float) result;
    }

    static BigDecimal toBigDecimal(Object value) throws SQLException {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw outOfRange(value, "DECIMAL");
            }
            // Through the shortest decimal text, so 0.1 stays 0.1 instead of its binary expansion.
            return value instanceof Float ? new BigDecimal(value.toString()) : BigDecimal.valueOf(number);
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String || value instanceof Number) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw DriverErrors.of(DriverErrors.INVALID_TEXT, "Cannot read " + quoted(value.toString())
                        + " as a DECIMAL");
            }
        }
        throw incompatible(value, "DECIMAL");
    }

    /** A copy: the caller may change the array, the value it came from must stay as it is. */
    static byte[] toBytes(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw incompatible(value, "VARBINARY");
    }

    /** What {@code ResultSet.getObject(int, Class)} returns: the value converted to {@code type}. */
    static <T> T toClass(Object value, Class<T> type) throws SQLException {
        Object converted = convertTo(value, type);
        @SuppressWarnings("unchecked")
        T result = (T) converted;
        return result;
    }

    private static Object convertTo(Object value, Class<?> type) throws SQLException {
        if (type == String.class) {
            return toText(value);
        }
        if (type == BigDecimal.class) {
            return toBigDecimal(value);
        }
        if (type == BigInteger.class) {
            return toBigDecimal(value).setScale(0, RoundingMode.DOWN).toBigInteger();
        }
        if (type == Long.class || type == long.class) {
            return toLong(value);
        }
        if (type == Integer.class || type == int.class) {
            return toInt(value);
        }
        if (type == Short.class || type == short.class) {
            return toShort(value);
        }
        if (type == Byte.class || type == byte.class) {
            return toByte(value);
        }
        if (type == Double.class || type == double.class) {
            return toDouble(value);
        }
        if (type == Float.class || type == float.class) {
            return toFloat(value);
        }
        if (type == Boolean.class || type == boolean.class) {
            return toBoolean(value);
        }
        if (type == byte[].class) {
            return toBytes(value);
        }
        if (type.isInstance(value)) {
            return value;
        }
        throw incompatible(value, type.getName());
    }

    // ---- binding: what a setter receives -> engine value -----------------------------------

    /**
     * A float widened through its decimal text: who writes {@code 0.1f} means 0.1, not the
     * 0.100000001490116 a plain widening to double gives.
     */
    static Double widen(float value) {
        return Double.parseDouble(Float.toString(value));
    }

    /**
     * The engine value for an object given to {@code setObject}: the classes of
     * {@link io.skiff.sql.api.ColumnInfo}, with maps, lists and sets copied deeply so that a batch
     * keeps the values as they were when it was added.
     */
    static Object bindable(Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof Long || value instanceof Integer || value instanceof Double) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float number) {
            return widen(number);
        }
        if (value instanceof Number) {
            return toBigDecimal(value);
        }
        if (value instanceof Character || value instanceof CharSequence) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw DriverErrors.of(DriverErrors.INCOMPATIBLE_TYPE,
                            "Map keys must be strings (attribute names), not " + className(entry.getKey()));
                }
                copy.put(key, bindable(entry.getValue()));
            }
            return copy;
        }
        if (value instanceof Set<?> set) {
            Set<Object> copy = new LinkedHashSet<>();
            for (Object element : set) {
                copy.add(bindable(element));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(bindable(element));
            }
            return copy;
        }
        throw DriverErrors.of(DriverErrors.INCOMPATIBLE_TYPE, "Cannot bind a value of " + className(value)
                + "; Skiff takes String, Number, Boolean, byte[], Map, List and Set values"
                + " (dates and times as ISO-8601 strings)");
    }

    /**
     * The engine value for {@code setObject(index, value, targetSqlType, scale)}: the value
     * converted to the Java class of the target type. {@code scale} (digits after the point
     * for DECIMAL) applies only when given, i.e. not negative.
     */
    static Object toTarget(Object value, int targetSqlType, int scale) throws SQLException {
        if (value == null) {
            return null;
        }
        switch (targetSqlType) {
            case Types.CHAR: case Types.VARCHAR: case Types.LONGVARCHAR:
            case Types.NCHAR: case Types.NVARCHAR: case Types.LONGNVARCHAR:
                return toText(value);
            case Types.DECIMAL: case Types.NUMERIC:
                BigDecimal decimal = toBigDecimal(value);
                return scale >= 0 ? decimal.setScale(scale, RoundingMode.HALF_UP) : decimal;
            case Types.TINYINT:
                return (int) toByte(value);
            case Types.SMALLINT:
                return (int) toShort(value);
            case Types.INTEGER:
                return toInt(value);
            case Types.BIGINT:
                return toLong(value);
            case Types.REAL:
                return widen(toFloat(value));
            case Types.FLOAT: case Types.DOUBLE:
                return toDouble(value);
            case Types.BIT: case Types.BOOLEAN:
                return toBoolean(value);
            case Types.BINARY: case Types.VARBINARY: case Types.LONGVARBINARY:
                return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : toBytes(value);
            case Types.ARRAY:
                if (!(value instanceof Collection)) {
                    throw incompatible(value, "ARRAY");
                }
                return bindable(value);
            case Types.OTHER: case Types.JAVA_OBJECT:
                return bindable(value);
            case Types.NULL:
                return null;
            default:
                throw DriverErrors.notSupportedBecause("Binding values as SQL type " + typeName(targetSqlType)
                        + " is not supported by Skiff");
        }
    }

    // ---- errors ----------------------------------------------------------------------------

    private static SQLException incompatible(Object value, String target) {
        return DriverErrors.of(DriverErrors.INCOMPATIBLE_TYPE, "Cannot convert a value of " + className(value)
                + " to " + target);
    }

    private static SQLException conversionError(Object value, String target, Exception cause) {
        return DriverErrors.of(DriverErrors.INCOMPATIBLE_TYPE, "Cannot convert a value of " + className(value)
                + " to " + target + ": " + cause.getMessage(), cause);
    }

    private static SQLException outOfRange(Object value, String typeName) {
        return DriverErrors.of(DriverErrors.OUT_OF_RANGE, "Value " + quoted(String.valueOf(value))
                + " is out of the range of " + typeName);
    }

    private static String quoted(String text) {
        return Messages.quote(text);
    }

    private static String className(Object value) {
        return value == null ? "null" : "class " + value.getClass().getName();
    }

    private static String typeName(int sqlType) {
        try {
            return JDBCType.valueOf(sqlType).getName();
        } catch (IllegalArgumentException e) {
            return Integer.toString(sqlType);
        }
    }
}
