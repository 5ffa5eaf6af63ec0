package io.skiff.functions.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The q-gram lemma for trigram's numbered, padded grams: a string within edit distance k of a
 * query shares at least |grams(query)| - 3k of its terms (levenshtein), |grams(query)| - 4k
 * (damerau), so the probes never miss a match. Strings are made by editing others, over a small
 * alphabet with a character outside the BMP, so repeats and surrogate pairs are common.
 */
class TrigramLemmaPropertiesTest {

    private static final TermIndex TRIGRAM = IndexTesting.termIndex("trigram");
    private static final DistanceOperators OPERATORS = DistanceOperators.load();
    private static final int[] ALPHABET = {'a', 'b', 'c', 'é', 0x1F680};

    /** One edit: 0 insert, 1 delete, 2 substitute, 3 transpose with the next character. */
    record Edit(int kind, int position, int symbol) {
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(0, 1, 2, 3, 4).list().ofMaxSize(14).map(symbols -> {
            StringBuilder text = new StringBuilder();
            symbols.forEach(s -> text.appendCodePoint(ALPHABET[s]));
            return text.toString();
        });
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, ALPHABET.length - 1)).as(Edit::new).list().ofMaxSize(4);
    }

    private static String apply(String text, List<Edit> edits) {
        List<Integer> codePoints = new ArrayList<>(text.codePoints().boxed().toList());
        for (Edit edit : edits) {
            int at = codePoints.isEmpty() ? 0 : edit.position() % (codePoints.size() + (edit.kind() == 0 ? 1 : 0));
            switch (edit.kind()) {
                case 0 -> codePoints.add(at, ALPHABET[edit.symbol()]);
                case 1 -> {
                    if (!codePoints.isEmpty()) {
                        codePoints.remove(at);
                    }
                }
                case 2 -> {
                    if (!codePoints.isEmpty()) {
                        codePoints.set(at, ALPHABET[edit.symbol()]);
                    }
                }
                default -> {
                    if (at + 1 < codePoints.size()) {
                        codePoints.add(at + 1, codePoints.remove(at));
                    }
                }
            }
        }
        StringBuilder edited = new StringBuilder();
        codePoints.forEach(edited::appendCodePoint);
        return edited.toString();
    }

    private static int distance(String operator, String a, String b) {
        return (int) OPERATORS.find(operator).orElseThrow().distance(AttributeValue.s(a), AttributeValue.s(b)).getAsDouble();
    }

    private static void holds(String operator, int gramsPerEdit, String query, String item) {
        int k = distance(operator, query, item);
        List<byte[]> queryGrams = TRIGRAM.terms(AttributeValue.s(query));
        List<byte[]> itemGrams = TRIGRAM.terms(AttributeValue.s(item));
        Probe.Terms all = new Probe.Terms(queryGrams, 1);
        int shared = IndexTesting.shared(itemGrams, all);
        assertThat(shared).as("%s(%s, %s) = %d", operator, query, item, k)
                .isGreaterThanOrEqualTo(queryGrams.size() - gramsPerEdit * k);
        Optional<Probe> probe = TRIGRAM.probe(new IndexPredicate.WithinDistance(operator, AttributeValue.s(query), k));
        assertThat(probe.isPresent()).isEqualTo(queryGrams.size() - gramsPerEdit * k >= 1);
        probe.ifPresent(p -> assertThat(IndexTesting.candidate(itemGrams, p)).isTrue());
    }

    @Property(tries = 400)
    void levenshteinNeighboursShareTheThreshold(@ForAll("texts") String text, @ForAll("edits") List<Edit> edits) {
        String edited = apply(text, edits.stream().filter(e -> e.kind() != 3).toList());
        holds("levenshtein", 3, text, edited);
        holds("levenshtein", 3, edited, text);
    }

    @Property(tries = 400)
    void damerauNeighboursShareTheThreshold(@ForAll("texts") String text, @ForAll("edits") List<Edit> edits) {
        String edited = apply(text, edits);
        holds("damerau", 4, text, edited);
        holds("damerau", 4, edited, text);
    }

    @Property(tries = 200)
    void unrelatedStringsObeyTheLemmaToo(@ForAll("texts") String a, @ForAll("texts") String b) {
        holds("levenshtein", 3, a, b);
        holds("damerau", 4, a, b);
    }
}
