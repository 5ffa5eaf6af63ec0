package io.skiff.core.value;

import io.skiff.core.error.SkiffException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An {@code N} value: an arbitrary-precision decimal, never a binary floating point number.
 *
 * <p>Like the reference system it holds at most {@value #MAX_PRECISION} significant digits and a
 * magnitude between {@code 1E-130} and {@code 9.99...E+125} (or zero). The value is kept with
 * trailing zeros stripped, so equal numbers are equal records: {@code 1.0} equals {@code 1}.
 */
public record NumberValue(BigDecimal value) implements AttributeValue, Comparable<NumberValue> {

    /** Most significant digits a number may have. */
    public static final int MAX_PRECISION = 38;
    /** Largest decimal exponent of the first significant digit. */
    public static final int MAX_EXPONENT = 125;
    /** Smallest decimal exponent of the first significant digit. */
    public static final int MIN_EXPONENT = -130;

    private static final Pattern NUMBER_TEXT =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,9})?");

    public NumberValue {
        Objects.requireNonNull(value, "value");
        value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (value.signum() != 0) {
            if (value.precision() > MAX_PRECISION) {
                throw SkiffException.validation("Number " + value.toString() + " has " + value.precision()
                        + " significant digits; at most " + MAX_PRECISION + " are supported");
            }
            int exponent = exponentOf(value);
            if (exponent > MAX_EXPONENT) {
                throw SkiffException.validation("Number overflow: magnitude of " + value
                        + " is larger than the supported range (up to 9.9...E+" + MAX_EXPONENT + ")");
            }
            if (exponent < MIN_EXPONENT) {
                throw SkiffException.validation("Number underflow: magnitude of " + value
                        + " is smaller than the supported range (down to 1E" + MIN_EXPONENT + ")");
            }
        }
    }

    /** Parses decimal text such as {@code 42}, {@code -1.5}, {@code .5} or {@code 6.02E23}. */
    public static NumberValue parse(String text) {
        Objects.requireNonNull(text, "text");
        if (!NUMBER_TEXT.matcher(text).matches()) {
            throw SkiffException.validation("'" + abbreviate(text) + "' is not a valid number");
        }
        return new NumberValue(new BigDecimal(text));
    }

    /** The decimal exponent of the first significant digit (0 for numbers in [1, 10)). */
    public static int exponentOf(BigDecimal nonZero) {
        return nonZero.precision() - nonZero.scale() - 1;
    }

    /**
     * The canonical text: plain notation for ordinary magnitudes ({@code 100}, {@code 0.001}),
     * scientific notation for very large or very small ones ({@code 1E+100}).
     */
    public String toText() {
        if (value.signum() == 0) {
            return "0";
        }
        int exponent = exponentOf(value);
        return exponent >= -20 && exponent <= 40 ? value.toPlainString() : value.toString();
    }

    @Override
    public int compareTo(NumberValue other) {
        return value.compareTo(other.value);
    }

    @Override
    public AttributeType type() {
        return AttributeType.N;
    }

    @Override
    public String toString() {
        return "NumberValue[" + toText() + "]";
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
