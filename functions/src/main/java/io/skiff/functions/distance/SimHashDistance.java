package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.ValueBytes;
import io.skiff.functions.ValueHash;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code simhash(a, b)}: the number of bits (0 to 64) in which the 64-bit simhashes of two texts
 * differ, a near-duplicate distance over their words (runs of letters and digits, lower case), so
 * case, punctuation and spacing do not count. The {@code simhash} index plugin files texts by
 * this class's {@link #simhash}, so what the index files and what this operator measures cannot
 * drift apart.
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
        return hammingBits(simhash(first), simhash(second));
    }

    /** The 64-bit simhash of a text's words (see the {@code simhash} index plugin). */
    public static long simhash(String text) {
        int[] votes = new int[Long.SIZE];
        for (String word : words(text)) {
            long hash = ValueHash.of(ValueBytes.utf8(word));
            for (int bit = 0; bit < Long.SIZE; bit++) {
                votes[bit] += (hash >>> bit & 1) == 1 ? 1 : -1;
            }
        }
        long simhash = 0;
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if (votes[bit] > 0) {
                simhash |= 1L << bit;
            }
        }
        return simhash;
    }

    /** The number of bits in which two hashes differ. */
    public static int hammingBits(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The words of a text: maximal runs of letters and digits, lower case. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(Character.toLowerCase(c));
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        });
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
