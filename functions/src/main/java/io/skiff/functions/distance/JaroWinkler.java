package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;

/**
 * One minus the Jaro-Winkler similarity of two strings (by code point), with the usual prefix
 * scale 0.1 over a common prefix of at most 4 characters: 0 for equal strings, 1 for strings with
 * nothing in common.
 */
public final class JaroWinkler extends PairOperator {

    private static final double PREFIX_SCALE = 0.1;
    /** The longest common prefix that raises the similarity. */
    public static final int MAX_PREFIX = 4;

    @Override
    public String name() {
        return "jaro_winkler";
    }

    @Override
    public String arguments() {
        return "two strings";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        return 1 - similarity(Arguments.codePoints(Arguments.string(name(), arguments(), 1, a)),
                Arguments.codePoints(Arguments.string(name(), arguments(), 2, b)));
    }

    static double similarity(int[] s, int[] t) {
        if (s.length == 0 && t.length == 0) {
            return 1;
        }
        if (s.length == 0 || t.length == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(s.length, t.length) / 2 - 1);
        boolean[] sMatched = new boolean[s.length];
        boolean[] tMatched = new boolean[t.length];
        int matches = 0;
        for (int i = 0; i < s.length; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(t.length - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!tMatched[j] && s[i] == t[j]) {
                    sMatched[i] = true;
                    tMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < s.length; i++) {
            if (sMatched[i]) {
                while (!tMatched[k]) {
                    k++;
                }
                if (s[i] != t[k]) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        int prefix = 0;
        while (prefix < Math.min(MAX_PREFIX, Math.min(s.length, t.length)) && s[prefix] == t[prefix]) {
            prefix++;
        }
        return similarity(matches, halfTranspositions, s.length, t.length, prefix);
    }

    /**
     * The Jaro-Winkler similarity from its counts, with the very arithmetic of the operator, so
     * that bounds derived from it (the trigram index's) round as the operator does.
     *
     * @param matches characters matched, at least 1
     * @param halfTranspositions positions where the k-th matched characters of the two strings differ
     * @param length1 the first string's length in code points
     * @param length2 the second string's length in code points
     * @param prefix the common prefix counted, at most {@link #MAX_PREFIX}
     */
    public static double similarity(int matches, int halfTranspositions, int length1, int length2, int prefix) {
        double m = matches;
        double jaro = (m / length1 + m / length2 + (m - halfTranspositions / 2.0) / m) / 3;
        return jaro + prefix * PREFIX_SCALE * (1 - jaro);
    }
}
