package io.skiff.functions.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The trigram probe of {@code jaro_winkler(attr, q) <= d} never misses a match: every string
 * within {@code d} of the query shares at least the probe's number of the query's numbered grams.
 * Strings are made by editing, transposing and appending to others over a small alphabet, so that
 * high similarities and repeated grams are common; small strings are also tried exhaustively.
 */
class TrigramJaroWinklerPropertiesTest {

    private static final TermIndex TRIGRAM = IndexTesting.termIndex("trigram");
    private static final DistanceOperator JARO_WINKLER = DistanceOperators.load().find("jaro_winkler").orElseThrow();
    private static final double[] BOUNDS = {0.0, 0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3};
    private static final String ALPHABET = "abcd";

    /** One change: 0 insert, 1 delete, 2 substitute, 3 transpose with the next character, 4 append. */
    record Edit(int kind, int position, int symbol) {
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(12);
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, ALPHABET.length() - 1)).as(Edit::new).list().ofMaxSize(4);
    }

    private static String apply(String text, List<Edit> edits) {
        StringBuilder edited = new StringBuilder(text);
        for (Edit edit : edits) {
            int size = edited.length();
            int at = size == 0 ? 0 : edit.position() % (size + (edit.kind() == 0 ? 1 : 0));
            char symbol = ALPHABET.charAt(edit.symbol());
            switch (edit.kind()) {
                case 0 -> edited.insert(at, symbol);
                case 1 -> {
                    if (size > 0) {
                        edited.deleteCharAt(at);
                    }
                }
                case 2 -> {
                    if (size > 0) {
                        edited.setCharAt(at, symbol);
                    }
                }
                case 3 -> {
                    if (at + 1 < size) {
                        char moved = edited.charAt(at);
                        edited.setCharAt(at, edited.charAt(at + 1));
                        edited.setCharAt(at + 1, moved);
                    }
                }
                default -> edited.append(symbol).append(ALPHABET.charAt(edit.position() % ALPHABET.length()));
            }
        }
        return edited.toString();
    }

    /** The probe's promise holds for {@code item} against {@code query} at every bound it is within. */
    private static void holds(String query, String item) {
        holds(query, probes(query), item, IndexTesting.hex(TRIGRAM.terms(AttributeValue.s(item))));
    }

    /** The same, with the query's probes (one per bound, null where it declines) and the item's grams at hand. */
    private static void holds(String query, Probe.Terms[] probes, String item, Set<String> itemGrams) {
        double distance = JARO_WINKLER.distance(AttributeValue.s(item), AttributeValue.s(query)).orElseThrow();
        for (int i = 0; i < BOUNDS.length; i++) {
            if (distance <= BOUNDS[i] && probes[i] != null) {
                Set<String> shared = new HashSet<>(IndexTesting.hex(probes[i].terms()));
                shared.retainAll(itemGrams);
                assertThat(shared.size()).as("jaro_winkler(%s, %s) = %s <= %s", item, query, distance, BOUNDS[i])
                        .isGreaterThanOrEqualTo(probes[i].minMatches());
            }
        }
    }

    private static Probe.Terms[] probes(String query) {
        Probe.Terms[] probes = new Probe.Terms[BOUNDS.length];
        for (int i = 0; i < BOUNDS.length; i++) {
            probes[i] = (Probe.Terms) probe(query, BOUNDS[i]).orElse(null);
        }
        return probes;
    }

    private static Optional<Probe> probe(String query, double bound) {
        return TRIGRAM.probe(new IndexPredicate.WithinDistance("jaro_winkler", AttributeValue.s(query), bound));
    }

    @Property(tries = 1000)
    void editedStringsWithinTheBoundShareTheProbesGrams(@ForAll("texts") String text,
                                                        @ForAll("edits") List<Edit> edits) {
        String edited = apply(text, edits);
        holds(text, edited);
        holds(edited, text);
    }

    @Property(tries = 300)
    void unrelatedStringsKeepThePromiseToo(@ForAll("texts") String a, @ForAll("texts") String b) {
        holds(a, b);
    }

    @Test
    void everyPairOfShortStringsKeepsThePromise() {
        List<String> strings = new ArrayList<>();
        strings.add("");
        for (int from = 0; from < strings.size() && strings.get(from).length() < 6; from++) {
            for (char symbol : "abc".toCharArray()) {
                strings.add(strings.get(from) + symbol);
            }
        }
        Map<String, Set<String>> grams = new HashMap<>();
        strings.forEach(text -> grams.put(text, IndexTesting.hex(TRIGRAM.terms(AttributeValue.s(text)))));
        for (String query : strings) {
            Probe.Terms[] probes = probes(query);
            for (String item : strings) {
                holds(query, probes, item, grams.get(item));
            }
        }
    }

    @Test
    void scatteredTranspositionsMakeTwoGramsTheMostATightBoundPromisesForLongQueries() {
        // Swapping characters three apart spoils every window but ^^a and ^ab, yet stays within 0.05.
        String query = "abcdefghijklmnopqrstuvwx";
        String swapped = "abfdecghljkimnrpqostxvwu";
        assertThat(JARO_WINKLER.distance(AttributeValue.s(swapped), AttributeValue.s(query)).orElseThrow())
                .isLessThanOrEqualTo(0.05);
        assertThat(IndexTesting.shared(TRIGRAM.terms(AttributeValue.s(swapped)),
                new Probe.Terms(TRIGRAM.terms(AttributeValue.s(query)), 1))).isEqualTo(2);
        assertThat(((Probe.Terms) probe(query, 0.05).orElseThrow()).minMatches()).isEqualTo(2);
    }

    @Test
    void boundsAsTheyNarrow() {
        // habibs: 8 grams. Equal strings only at 0; a tight bound keeps most; a loose one nothing.
        assertThat(((Probe.Terms) probe("habibs", 0).orElseThrow()).minMatches()).isEqualTo(8);
        assertThat(((Probe.Terms) probe("habibs", 0.02).orElseThrow()).minMatches()).isEqualTo(5);
        assertThat(((Probe.Terms) probe("Maximilian Schmidt", 0.02).orElseThrow()).minMatches()).isEqualTo(11);
        assertThat(probe("habibs", 0.1)).isEmpty();
        assertThat(probe("Maximilian Schmidt", 0.3)).isEmpty();
        assertThat(probe("habibs", 1)).isEmpty();
        assertThat(probe("habibs", Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(probe("habibs", -0.01)).containsInstanceOf(Probe.None.class);
        // The empty query is within any bound below 1 of the empty string only.
        assertThat(((Probe.Terms) probe("", 0.5).orElseThrow()).minMatches()).isEqualTo(2);
        assertThat(TRIGRAM.narrows("jaro_winkler")).isTrue();
    }
}
