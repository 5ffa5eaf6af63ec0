package io.skiff.functions;

import java.util.List;

/** Where the candidates for a predicate are, in an index's posting lists. */
public sealed interface Probe {

    /**
     * The items filed under at least {@code minMatches} of these distinct terms: 1 for any, the
     * number of terms for all.
     */
    record Terms(List<byte[]> terms, int minMatches) implements Probe {
        public Terms {
            terms = List.copyOf(terms);
            if (terms.isEmpty() || minMatches < 1 || minMatches > terms.size()) {
                throw new IllegalArgumentException("A terms probe needs 1 <= minMatches <= " + terms.size()
                        + " terms, not " + minMatches);
            }
        }
    }

    /** The items filed under any term that starts with one of these prefixes: a range scan per prefix. */
    record Prefixes(List<byte[]> prefixes) implements Probe {
        public Prefixes {
            prefixes = List.copyOf(prefixes);
            if (prefixes.isEmpty()) {
                throw new IllegalArgumentException("A prefixes probe needs at least one prefix");
            }
        }
    }

    /** Nothing can match (e.g. a negative distance bound): the result is empty without reading anything. */
    record None() implements Probe {
    }
}
