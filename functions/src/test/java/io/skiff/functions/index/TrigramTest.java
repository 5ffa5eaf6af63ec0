package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.candidate;
import static io.skiff.functions.index.IndexTesting.hex;
import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrigramTest {

    private static final TermIndex TRIGRAM = termIndex("trigram");
    private static final DistanceOperators OPERATORS = DistanceOperators.load();

    private static List<byte[]> terms(String text) {
        return TRIGRAM.terms(AttributeValue.s(text));
    }

    private static Probe probe(IndexPredicate predicate) {
        return TRIGRAM.probe(predicate).orElseThrow();
    }

    @Test
    void aStringIsFiledUnderItsPaddedTrigramsWithRepeatsNumbered() {
        assertThat(terms("ab")).hasSize(4); // ^^a ^ab ab$ b$$
        assertThat(terms("")).hasSize(2); // ^^$ ^$$
        assertThat(terms("🚀")).hasSize(3); // one code point, not two chars
        // aaaa: ^^a ^aa aaa aaa aa$ a$$, the second aaa numbered apart.
        assertThat(hex(terms("aaaa"))).hasSize(6);
        assertThat(hex(terms("aaaa"))).containsAll(hex(terms("aaa")).stream().filter(t -> !t.contains("ff")).toList());
        assertThat(hex(terms("Ab"))).isNotEqualTo(hex(terms("ab")));
    }

    @Test
    void otherTypesAreNotIndexedAndOptionsAreRefused() {
        assertThat(TRIGRAM.terms(AttributeValue.n(12))).isEmpty();
        assertThat(TRIGRAM.terms(AttributeValue.ss("abc"))).isEmpty();
        assertThat(TRIGRAM.terms(AttributeValue.l(AttributeValue.s("abc")))).isEmpty();
        assertThatThrownBy(() -> termIndex("trigram", "case", "insensitive")).isInstanceOf(SkiffException.class)
                .hasMessage("trigram takes no options, not 'case'");
        assertThat(TRIGRAM.exact()).isTrue();
        assertThat(hex(termIndex("trigram").terms(AttributeValue.s("déterministe"))))
                .isEqualTo(hex(terms("déterministe")));
    }

    @Test
    void editDistanceProbesNeedTheGramsNoEditCanDestroy() {
        // habibs: 8 grams; 2 edits destroy at most 6 of them, 2 transpositions at most 8.
        Probe.Terms levenshtein = (Probe.Terms) probe(new IndexPredicate.WithinDistance("levenshtein",
                AttributeValue.s("habibs"), 2));
        assertThat(levenshtein.terms()).hasSize(8);
        assertThat(levenshtein.minMatches()).isEqualTo(2);
        assertThat(((Probe.Terms) probe(new IndexPredicate.WithinDistance("damerau", AttributeValue.s("habibs"), 1)))
                .minMatches()).isEqualTo(4);
        assertThat(((Probe.Terms) probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.s("habibs"), 1.9)))
                .minMatches()).isEqualTo(5);
        assertThat(TRIGRAM.probe(new IndexPredicate.WithinDistance("damerau", AttributeValue.s("habibs"), 2))).isEmpty();
        assertThat(TRIGRAM.probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.s("ab"), 2))).isEmpty();
        assertThat(TRIGRAM.probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.s("ab"), 1e300))).isEmpty();
        assertThat(probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.s("ab"), -1)))
                .isInstanceOf(Probe.None.class);
        assertThat(TRIGRAM.probe(new IndexPredicate.WithinDistance("hamming", AttributeValue.s("habibs"), 1))).isEmpty();
        assertThat(TRIGRAM.probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.n(5), 0))).isEmpty();
        assertThat(TRIGRAM.probe(new IndexPredicate.Nearest("levenshtein", AttributeValue.s("habibs"), 3))).isEmpty();
    }

    @Test
    void equalityAndPrefixesNeedAllTheirGrams() {
        Probe.Terms equals = (Probe.Terms) probe(new IndexPredicate.Equals(AttributeValue.s("abab")));
        assertThat(equals.minMatches()).isEqualTo(equals.terms().size()).isEqualTo(6);
        assertThat(candidate(terms("abab"), equals)).isTrue();
        assertThat(candidate(terms("ababa"), equals)).isFalse();
        assertThat(candidate(terms("ababab"), equals)).isTrue(); // a candidate, which the exact filter then drops
        Probe.Terms prefix = (Probe.Terms) probe(new IndexPredicate.Prefix("abab"));
        assertThat(prefix.minMatches()).isEqualTo(prefix.terms().size()).isEqualTo(4); // ^^a ^ab aba bab
        for (String text : List.of("abab", "ababab", "abab🚀", "ababa")) {
            assertThat(candidate(terms(text), prefix)).as(text).isTrue();
        }
        assertThat(candidate(terms("abba"), prefix)).isFalse();
        assertThat(candidate(terms("xabab"), prefix)).isFalse();
        assertThat(TRIGRAM.probe(new IndexPredicate.Prefix(""))).isEmpty();
        // A prefix ending in half a surrogate pair matches the strings that complete it.
        Probe half = probe(new IndexPredicate.Prefix("ab\uD83D"));
        assertThat(candidate(terms("ab🚀"), half)).isTrue();
        assertThat(TRIGRAM.probe(new IndexPredicate.Equals(AttributeValue.n(1)))).isEmpty();
    }

    @Test
    void everyWordWithinTheBoundOfADictionaryIsACandidate() {
        Random random = new Random(11);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder word = new StringBuilder();
            int length = 3 + random.nextInt(8);
            for (int j = 0; j < length; j++) {
                word.append("abcdeh"
                        .charAt(random.nextInt(6)));
            }
            words.add(word.toString());
        }
        words.addAll(List.of("habibs", "habib", "hbaibs", "habibas", "abibs", "chabibs", "babibs"));
        List<List<byte[]>> filed = words.stream().map(TrigramTest::terms).toList();
        for (String operator : List.of("levenshtein", "damerau")) {
            for (int k = 0; k <= 2; k++) {
                for (String query : List.of("habibs", "abcdeabc", "deadbeef")) {
                    Probe probe = TRIGRAM.probe(new IndexPredicate.WithinDistance(operator, AttributeValue.s(query), k))
                            .orElse(null);
                    if (probe == null) {
                        continue;
                    }
                    int matches = 0;
                    int candidates = 0;
                    for (int i = 0; i < words.size(); i++) {
                        boolean isCandidate = candidate(filed.get(i), probe);
                        candidates += isCandidate ? 1 : 0;
                        double d = OPERATORS.find(operator).orElseThrow()
                                .distance(AttributeValue.s(query), AttributeValue.s(words.get(i))).getAsDouble();
                        if (d <= k) {
                            matches++;
                            assertThat(isCandidate).as("%s(%s, %s) = %s", operator, query, words.get(i), d).isTrue();
                        }
                    }
                    assertThat(candidates).isGreaterThanOrEqualTo(matches);
                }
            }
        }
    }

    @Test
    void termsAreDistinct() {
        for (String text : List.of("", "a", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "abcabcabc", "\u0000\u0000")) {
            assertThat(hex(terms(text))).hasSize(terms(text).size());
        }
        assertThat(Map.of()).isEqualTo(TRIGRAM.options());
    }
}
