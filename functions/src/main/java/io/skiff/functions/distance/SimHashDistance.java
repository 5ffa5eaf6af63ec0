package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.index.SimHash;

/**
 * {@code simhash(a, b)}: the number of bits (0 to 64) in which the 64-bit simhashes of two texts
 * differ, a near-duplicate distance over their words (runs of letters and digits, lower case), so
 * case, punctuation and spacing do not count. It computes the hash and the bit difference with
 * the {@code simhash} index plugin's own {@link SimHash#simhash} and {@link SimHash#hammingBits},
 * so that what the index files and what this operator measures cannot drift apart.
 */
public final class SimHashDistance extends PairOperator {

    @Override
    public String name() {
        return "simhash";
    }

    @Override
    public String arguments() {
        return "two strings";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        String first = Arguments.string(name(), arguments(), 1, a);
        String second = Arguments.string(name(), arguments(), 2, b);
        return SimHash.hammingBits(SimHash.simhash(first), SimHash.simhash(second));
    }
}
