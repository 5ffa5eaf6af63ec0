package io.skiff.functions.index;

import io.skiff.functions.distance.JaroWinkler;

/**
 * How many of a query's numbered trigrams every string within a {@code jaro_winkler} distance of
 * it shares, for {@link Trigram}'s probe of {@code jaro_winkler(attr, q) <= d}.
 *
 * <p>Let the query have {@code a} code points, so {@code a + 2} grams, and a stored string
 * {@code b}. Jaro matches {@code m} characters and pairs the k-th matched character of one string
 * with the k-th of the other; {@code x} of these pairs differ (the "half transpositions"). The
 * {@code c = m - x} equal pairs align the two strings. Between two neighbouring aligned characters
 * (or an end) lies a gap; a gap holding {@code u >= 1} characters of the query spoils at most the
 * {@code u + 2} query windows touching them, one holding only characters of the stored string the
 * 2 windows across it, and every other query window reappears, distinct, in the stored string. A
 * gap that is not empty holds a run of differing pairs or an unmatched character, so there are at
 * most {@code x + (a - m) + (b - m)} of them, and the shared grams number at least
 * <pre>  (a + 2) - (a - c) - 2 (x + (a - m) + (b - m))  =  2 + 5m - 3x - 2a - 2b.</pre>
 * The {@code p} characters of the common prefix Winkler counts also keep the first {@code p}
 * windows, so at least {@code max(p, 2 + 5m - 3x - 2a - 2b)} are shared.
 *
 * <p>The bound is the least of that over every {@code (p, m, x, b)} whose similarity reaches
 * {@code 1 - d}, the match window ignored (which only admits more). The longest feasible stored
 * string is the worst, since the similarity only falls as it grows; when it may be arbitrarily
 * long only the prefix is left. The test of feasibility is the operator's own arithmetic with a
 * small allowance, so rounding never makes the bound too high.
 */
final class JaroWinklerBound {

    /** Far above rounding error, far below any difference between similarities of short strings. */
    private static final double ALLOWANCE = 1e-9;

    private final int queryLength;
    /** The least similarity a match can have, lowered by the allowance. */
    private final double least;

    private JaroWinklerBound(int queryLength, double least) {
        this.queryLength = queryLength;
        this.least = least;
    }

    /**
     * The fewest of the {@code queryLength + 2} numbered grams of a query that every string within
     * {@code bound} of it shares; 0 when some string within the bound may share none.
     */
    static int sharedGrams(int queryLength, double bound) {
        double least = 1 - bound - ALLOWANCE;
        if (least <= 0) {
            return 0; // strings with no character in common (similarity 0) are within the bound
        }
        if (queryLength == 0) {
            return 2; // only the empty string is similar to the empty query at all
        }
        JaroWinklerBound search = new JaroWinklerBound(queryLength, least);
        int fewest = queryLength + 2; // an equal string shares all of them, and is always within
        for (int prefix = 0; prefix <= Math.min(JaroWinkler.MAX_PREFIX, queryLength); prefix++) {
            fewest = Math.min(fewest, search.fewestWithPrefix(prefix));
        }
        return Math.max(0, fewest);
    }

    /** The fewest shared grams over the strings within the bound whose common prefix counts {@code prefix}. */
    private int fewestWithPrefix(int prefix) {
        int a = queryLength;
        int fewest = Integer.MAX_VALUE;
        for (int m = a; m >= 1; m--) {
            int shortest = Math.max(m, prefix);
            if (!within(m, 0, shortest, prefix)) {
                break; // fewer matches only lower the best similarity reachable
            }
            for (int x = 0; x <= m && within(m, x, shortest, prefix); x++) {
                long shared = 2L + 5L * m - 3L * x - 2L * a - 2L * longest(m, x, shortest, prefix);
                fewest = (int) Math.min(fewest, Math.max(prefix, shared));
                if (fewest == prefix) {
                    return prefix; // the prefix is all that is certain
                }
            }
        }
        return fewest;
    }

    /**
     * The longest stored string within the bound for these counts, given that {@code shortest} is;
     * capped at {@code 2a + 2}, where no grams are certain anyway.
     */
    private int longest(int m, int x, int shortest, int prefix) {
        int cap = Math.max(shortest, 2 * queryLength + 2);
        double scale = prefix * 0.1;
        // Solve similarity >= least for the term m/b, then correct the estimate's rounding by steps.
        double jaroNeeded = (least - scale) / (1 - scale);
        double lacking = 3 * jaroNeeded - (double) m / queryLength - (m - x / 2.0) / m;
        double estimate = lacking <= 0 ? cap : m / lacking;
        int longest = (int) Math.max(shortest, Math.min(cap, Math.floor(estimate)));
        while (longest < cap && within(m, x, longest + 1, prefix)) {
            longest++;
        }
        while (longest > shortest && !within(m, x, longest, prefix)) {
            longest--;
        }
        return longest;
    }

    private boolean within(int m, int x, int storedLength, int prefix) {
        return JaroWinkler.similarity(m, x, storedLength, queryLength, prefix) >= least;
    }
}
