package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.candidate;
import static io.skiff.functions.index.IndexTesting.hex;
import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MinHashTest {

    private static final TermIndex MINHASH = termIndex("minhash");

    private static AttributeValue numbers(Set<Integer> set) {
        return AttributeValue.ns(set.stream().map(String::valueOf).toArray(String[]::new));
    }

    @Test
    void aSetIsFiledUnderOneTermPerBandWhateverItsSpelling() {
        List<byte[]> terms = MINHASH.terms(AttributeValue.ss("red", "green", "blue"));
        assertThat(hex(terms)).hasSize(16);
        assertThat(hex(MINHASH.terms(AttributeValue.l(AttributeValue.s("blue"), AttributeValue.s("red"),
                AttributeValue.s("green"), AttributeValue.s("red"))))).isEqualTo(hex(terms));
        assertThat(hex(MINHASH.terms(AttributeValue.ns("1", "2.50"))))
                .isEqualTo(hex(MINHASH.terms(AttributeValue.l(AttributeValue.n("2.5"), AttributeValue.n("1.0")))));
        assertThat(hex(termIndex("minhash", "bands", "5", "rows", "2").terms(AttributeValue.ss("a")))).hasSize(5);
        assertThat(MINHASH.terms(AttributeValue.l())).hasSize(1);
        assertThat(MINHASH.terms(AttributeValue.s("red"))).isEmpty();
        assertThat(MINHASH.terms(AttributeValue.n(3))).isEmpty();
        assertThat(MINHASH.exact()).isFalse();
    }

    @Test
    void theSeedAloneDecidesTheTerms() {
        AttributeValue set = AttributeValue.ss("a", "b", "c", "d");
        assertThat(hex(termIndex("minhash", "seed", "42").terms(set))).isEqualTo(hex(termIndex("minhash", "seed", "42").terms(set)));
        assertThat(hex(termIndex("minhash", "seed", "43").terms(set))).doesNotContainAnyElementsOf(hex(MINHASH.terms(set)));
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> termIndex("minhash", "bands", "0")).isInstanceOf(SkiffException.class)
                .hasMessage("minhash option 'bands' must be a whole number from 1 to 128, not '0'");
        assertThatThrownBy(() -> termIndex("minhash", "rows", "33"))
                .hasMessage("minhash option 'rows' must be a whole number from 1 to 32, not '33'");
        assertThatThrownBy(() -> termIndex("minhash", "seed", "0x10")).hasMessageContaining("minhash option 'seed' must be a whole number");
        assertThatThrownBy(() -> termIndex("minhash", "threshold", "0.8"))
                .hasMessage("minhash has no option 'threshold'; its options are bands, rows, seed");
    }

    @Test
    void probes() {
        AttributeValue set = AttributeValue.ss("a", "b");
        Probe.Terms probe = (Probe.Terms) MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", set, 0.3)).orElseThrow();
        assertThat(probe.minMatches()).isOne();
        assertThat(hex(probe.terms())).isEqualTo(hex(MINHASH.terms(set)));
        assertThat(MINHASH.probe(new IndexPredicate.Nearest("jaccard", set, 10))).isPresent();
        assertThat(MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", set, 1))).isEmpty();
        assertThat(MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", set, -0.1))).containsInstanceOf(Probe.None.class);
        assertThat(MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", AttributeValue.s("a"), 0.3))).isEmpty();
        assertThat(MINHASH.probe(new IndexPredicate.WithinDistance("cosine", set, 0.3))).isEmpty();
        // Only an empty set is within a distance below 1 of an empty set.
        Probe empty = MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", AttributeValue.l(), 0.5)).orElseThrow();
        assertThat(candidate(MINHASH.terms(AttributeValue.l()), empty)).isTrue();
        assertThat(candidate(MINHASH.terms(set), empty)).isFalse();
    }

    @Test
    void similarSetsAreFoundAsTheSCurvePredicts() {
        Random random = new Random(3);
        int pairs = 2_000;
        int similar = 0;
        int similarFound = 0;
        int dissimilar = 0;
        int dissimilarFound = 0;
        int middling = 0;
        int middlingFound = 0;
        double middlingPredicted = 0;
        for (int i = 0; i < pairs; i++) {
            Set<Integer> a = new HashSet<>();
            while (a.size() < 60) {
                a.add(random.nextInt(1_000_000));
            }
            // Replace some elements: similarity from about 0.05 to 1.
            Set<Integer> b = new HashSet<>(a);
            List<Integer> elements = new ArrayList<>(a);
            int replace = random.nextInt(55);
            for (int r = 0; r < replace; r++) {
                b.remove(elements.get(r));
                b.add(1_000_000 + random.nextInt(1_000_000));
            }
            Set<Integer> union = new HashSet<>(a);
            union.addAll(b);
            double similarity = (double) (a.size() + b.size() - union.size()) / union.size();
            boolean found = candidate(MINHASH.terms(numbers(b)),
                    MINHASH.probe(new IndexPredicate.WithinDistance("jaccard", numbers(a), 0.2)).orElseThrow());
            if (similarity >= 0.8) {
                similar++;
                similarFound += found ? 1 : 0;
            } else if (similarity <= 0.2) {
                dissimilar++;
                dissimilarFound += found ? 1 : 0;
            } else if (similarity >= 0.4 && similarity <= 0.6) {
                middling++;
                middlingFound += found ? 1 : 0;
                middlingPredicted += 1 - Math.pow(1 - Math.pow(similarity, 4), 16);
            }
        }
        double recall = (double) similarFound / similar;
        double falseCandidates = (double) dissimilarFound / dissimilar;
        double middlingRate = (double) middlingFound / middling;
        System.out.printf("minhash 16x4: %d pairs of similarity >= 0.8, %.4f found (S-curve at 0.8: %.4f);"
                + " %d pairs in [0.4, 0.6], %.3f found (S-curve predicts %.3f); %d pairs <= 0.2, %.4f candidates"
                + " (S-curve at 0.2: %.4f)%n", similar, recall, 1 - Math.pow(1 - Math.pow(0.8, 4), 16), middling,
                middlingRate, middlingPredicted / middling, dissimilar, falseCandidates, 1 - Math.pow(1 - Math.pow(0.2, 4), 16));
        assertThat(middlingRate).isCloseTo(middlingPredicted / middling, org.assertj.core.data.Offset.offset(0.08));
        assertThat(similar).isGreaterThan(100);
        assertThat(dissimilar).isGreaterThan(100);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(falseCandidates).isLessThanOrEqualTo(0.10);
    }
}
