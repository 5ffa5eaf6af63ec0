package io.skiff.functions.distance;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringValue;
import java.util.List;

/** Reading an operator's arguments, with errors that name the operator, the argument and what it got. */
final class Arguments {

    private Arguments() {
    }

    static SkiffException wrong(String operator, String expected, int position, AttributeValue value) {
        return SkiffException.validation(operator + " takes " + expected + "; argument " + position + " is "
                + describe(value));
    }

    static String describe(AttributeValue value) {
        return switch (value.type()) {
            case S -> "a string";
            case N -> "a number";
            case B -> "a binary";
            case BOOL -> "a boolean";
            case NULL -> "NULL";
            case SS -> "a string set";
            case NS -> "a number set";
            case BS -> "a binary set";
            case L -> "a list";
            case M -> "a map";
        };
    }

    static String string(String operator, String expected, int position, AttributeValue value) {
        if (value instanceof StringValue s) {
            return s.value();
        }
        throw wrong(operator, expected, position, value);
    }

    /** A list of numbers as doubles; numbers too large for a double are refused. */
    static double[] vector(String operator, String expected, int position, AttributeValue value) {
        double[] vector = vectorOrNull(value);
        if (vector != null) {
            return vector;
        }
        if (!(value instanceof ListValue list)) {
            throw wrong(operator, expected, position, value);
        }
        List<AttributeValue> elements = list.values();
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof NumberValue)) {
                throw SkiffException.validation(operator + " takes " + expected + "; element " + i + " of argument "
                        + position + " is " + describe(elements.get(i)));
            }
        }
        int tooLarge = 0;
        while (Double.isFinite(((NumberValue) elements.get(tooLarge)).value().doubleValue())) {
            tooLarge++;
        }
        throw SkiffException.validation(operator + ": element " + tooLarge + " of argument " + position
                + " is too large for a distance");
    }

    /** What {@link #vector} accepts, or null: the one place that decides what a vector is. */
    static double[] vectorOrNull(AttributeValue value) {
        if (!(value instanceof ListValue list)) {
            return null;
        }
        List<AttributeValue> elements = list.values();
        double[] vector = new double[elements.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!(elements.get(i) instanceof NumberValue n)) {
                return null;
            }
            vector[i] = n.value().doubleValue();
            if (!Double.isFinite(vector[i])) {
                return null;
            }
        }
        return vector;
    }

    static void sameLength(String operator, double[] a, double[] b) {
        if (a.length != b.length) {
            throw SkiffException.validation(operator + " takes two lists of one length; they have " + a.length
                    + " and " + b.length + " numbers");
        }
    }

    /** The code points of a string: what every string operator counts, so an emoji is one character. */
    static int[] codePoints(String text) {
        return text.codePoints().toArray();
    }
}
