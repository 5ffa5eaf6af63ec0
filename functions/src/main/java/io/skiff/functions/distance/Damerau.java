package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;

/**
 * Levenshtein's edits plus the transposition of two adjacent characters, in the optimal string
 * alignment variant: no substring is edited more than once, so {@code damerau('CA', 'ABC')} is 3,
 * not 2, and the triangle inequality does not always hold.
 */
public final class Damerau extends PairOperator {

    @Override
    public String name() {
        return "damerau";
    }

    @Override
    public String arguments() {
        return "two strings";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        int[] s = Arguments.codePoints(Arguments.string(name(), arguments(), 1, a));
        int[] t = Arguments.codePoints(Arguments.string(name(), arguments(), 2, b));
        // Three rows: a transposition looks two rows back.
        int[] twoBack = new int[t.length + 1];
        int[] previous = new int[t.length + 1];
        int[] current = new int[t.length + 1];
        for (int j = 0; j <= t.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            current[0] = i;
            for (int j = 1; j <= t.length; j++) {
                int cost = s[i - 1] == t[j - 1] ? 0 : 1;
                int best = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && s[i - 1] == t[j - 2] && s[i - 2] == t[j - 1]) {
                    best = Math.min(best, twoBack[j - 2] + 1);
                }
                current[j] = best;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[t.length];
    }
}
