package io.skiff.functions.distance;

import io.skiff.core.value.AttributeValue;

/** The fewest insertions, deletions and substitutions of characters (code points) from one string to the other. */
public final class Levenshtein extends PairOperator {

    @Override
    public String name() {
        return "levenshtein";
    }

    @Override
    public String arguments() {
        return "two strings";
    }

    @Override
    double between(AttributeValue a, AttributeValue b) {
        return distance(Arguments.codePoints(Arguments.string(name(), arguments(), 1, a)),
                Arguments.codePoints(Arguments.string(name(), arguments(), 2, b)));
    }

    /** Two rows of the edit-distance table: O(n·m) time, O(m) space. */
    static int distance(int[] s, int[] t) {
        int[] previous = new int[t.length + 1];
        int[] current = new int[t.length + 1];
        for (int j = 0; j <= t.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length; i++) {
            current[0] = i;
            for (int j = 1; j <= t.length; j++) {
                int substitution = previous[j - 1] + (s[i - 1] == t[j - 1] ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length];
    }
}
