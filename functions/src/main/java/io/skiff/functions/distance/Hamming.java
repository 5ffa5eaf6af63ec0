package io.skiff.functions.distance;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.StringValue;

/**
 * The number of positions where two equally long values differ: characters (code points) of two
 * strings, or bits of two binaries.
 */
public final class Hamming extends PairOperator {

    @Override
    public String name() {
        return "hamming";
    }

    @Override
    public String arguments() {
        return "two strings or two binaries of one length";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        if (a instanceof StringValue s && b instanceof StringValue t) {
            int[] x = Arguments.codePoints(s.value());
            int[] y = Arguments.codePoints(t.value());
            checkLength(x.length, y.length, "characters");
            int differ = 0;
            for (int i = 0; i < x.length; i++) {
                differ += x[i] == y[i] ? 0 : 1;
            }
            return differ;
        }
        if (a instanceof BinaryValue s && b instanceof BinaryValue t) {
            byte[] x = s.value().toByteArray();
            byte[] y = t.value().toByteArray();
            checkLength(x.length, y.length, "bytes");
            int differ = 0;
            for (int i = 0; i < x.length; i++) {
                differ += Integer.bitCount((x[i] ^ y[i]) & 0xff);
            }
            return differ;
        }
        boolean firstFits = a instanceof StringValue || a instanceof BinaryValue;
        throw Arguments.wrong(name(), arguments(), firstFits ? 2 : 1, firstFits ? b : a);
    }

    private void checkLength(int a, int b, String unit) {
        if (a != b) {
            throw SkiffException.validation(name() + " takes values of one length; they have " + a + " and " + b
                    + " " + unit);
        }
    }
}
