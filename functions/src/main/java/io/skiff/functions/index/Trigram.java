package io.skiff.functions.index;

import io.skiff.core.key.ByteWriter;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.StringValue;
import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import io.skiff.functions.ValueBytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trigram}: fuzzy text. A string is filed under its trigrams: the windows of 3 code points
 * of the string padded with 2 start markers and 2 end markers ({@code "ab"} gives {@code ^^a},
 * {@code ^ab}, {@code ab$}, {@code b$$}). A gram that occurs again is numbered (its first
 * occurrence 0, the next 1, ...), so the grams form a set whose intersections count exactly what
 * the multisets of grams have in common.
 *
 * <p>Each edit of a string changes at most 3 of its grams, and a transposition of two neighbours
 * at most 4; so a string within {@code levenshtein} distance k of a query shares at least
 * {@code |grams(query)| - 3k} of the query's grams, and within {@code damerau} (optimal string
 * alignment) distance k at least {@code |grams(query)| - 4k} (the q-gram lemma). That is the probe
 * for {@code levenshtein(attr, q) <= k} and {@code damerau(attr, q) <= k}, when it is at least 1;
 * {@code attr = s} needs all of the grams of {@code s}, and {@code begins_with(attr, p)} all
 * those of {@code p} without end markers. It takes no options and is exact.
 *
 * <p>{@code jaro_winkler(attr, q) <= d} needs the grams {@link JaroWinklerBound} proves every
 * string within {@code d} shares: Jaro-Winkler forgives appended text and scattered
 * transpositions, so only tight bounds (about {@code d <= 0.05}) narrow, and {@code d <= 0.02}
 * well.
 */
public final class Trigram implements IndexPlugin {

    static final int Q = 3;
    /** Markers that cannot occur in UTF-8, so no string's grams look like padding. */
    private static final int START = 0xFE;
    private static final int END = 0xFF;

    private static final Grams GRAMS = new Grams();

    @Override
    public String name() {
        return "trigram";
    }

    @Override
    public String description() {
        return "fuzzy text: levenshtein/damerau <= k, jaro_winkler <= d, equality and prefixes of strings, "
                + "by numbered trigrams (exact)";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        Options.read(name(), options);
        return GRAMS;
    }

    /** The one trigram index: it has no options. */
    static final class Grams extends ConfiguredIndex implements TermIndex {

        Grams() {
            super(Map.of(), true);
        }

        @Override
        public List<byte[]> terms(AttributeValue value) {
            return value instanceof StringValue s ? grams(s.value(), true) : List.of();
        }

        @Override
        public boolean narrows(String kind) {
            return kind.equals(EQUALS) || kind.equals(PREFIX) || kind.equals("levenshtein") || kind.equals("damerau")
                    || kind.equals("jaro_winkler");
        }

        @Override
        public Optional<Probe> probe(IndexPredicate predicate) {
            if (predicate instanceof IndexPredicate.Equals equals && equals.value() instanceof StringValue s) {
                List<byte[]> grams = grams(s.value(), true);
                return Optional.of(new Probe.Terms(grams, grams.size()));
            }
            if (predicate instanceof IndexPredicate.Prefix prefix) {
                List<byte[]> grams = grams(Radix.safePrefix(prefix.prefix()), false);
                return grams.isEmpty() ? Optional.empty() : Optional.of(new Probe.Terms(grams, grams.size()));
            }
            if (predicate instanceof IndexPredicate.WithinDistance within
                    && within.argument() instanceof StringValue query) {
                if (within.operator().equals("jaro_winkler")) {
                    return jaroWinkler(query.value(), within.bound());
                }
                int gramsPerEdit = switch (within.operator()) {
                    case "levenshtein" -> Q;
                    case "damerau" -> Q + 1; // a transposition touches two neighbouring characters
                    default -> 0;
                };
                if (gramsPerEdit == 0) {
                    return Optional.empty();
                }
                if (within.bound() < 0) {
                    return Optional.of(new Probe.None());
                }
                List<byte[]> grams = grams(query.value(), true);
                double edits = Math.floor(within.bound());
                double shared = grams.size() - edits * gramsPerEdit;
                return shared < 1 ? Optional.empty() : Optional.of(new Probe.Terms(grams, (int) shared));
            }
            return Optional.empty();
        }

        /** The items that share enough grams with {@code query} to be within {@code bound} of it. */
        private static Optional<Probe> jaroWinkler(String query, double bound) {
            if (bound < 0) {
                return Optional.of(new Probe.None());
            }
            int shared = JaroWinklerBound.sharedGrams(query.codePointCount(0, query.length()), bound);
            return shared < 1 ? Optional.empty() : Optional.of(new Probe.Terms(grams(query, true), shared));
        }
    }

    /** The numbered grams of a string padded with start markers, and end markers when {@code padEnd}. */
    static List<byte[]> grams(String text, boolean padEnd) {
        int[] codePoints = text.codePoints().toArray();
        int[] padded = new int[Q - 1 + codePoints.length + (padEnd ? Q - 1 : 0)];
        for (int i = 0; i < padded.length; i++) {
            int at = i - (Q - 1);
            padded[i] = at < 0 ? -START : at < codePoints.length ? codePoints[at] : -END;
        }
        List<byte[]> grams = new ArrayList<>(Math.max(0, padded.length - Q + 1));
        Map<Gram, Integer> seen = new HashMap<>();
        for (int i = 0; i + Q <= padded.length; i++) {
            Gram gram = new Gram(padded[i], padded[i + 1], padded[i + 2]);
            int occurrence = seen.merge(gram, 1, Integer::sum) - 1;
            ByteWriter out = new ByteWriter(16);
            symbol(gram.a(), out);
            symbol(gram.b(), out);
            symbol(gram.c(), out);
            grams.add(out.writeVarInt(occurrence).toByteArray());
        }
        return grams;
    }

    /** Three code points, or the negated marker bytes for padding. */
    private record Gram(int a, int b, int c) {
    }

    private static void symbol(int symbol, ByteWriter out) {
        if (symbol < 0) {
            out.write(-symbol);
        } else {
            ValueBytes.codePoint(symbol, out);
        }
    }
}
