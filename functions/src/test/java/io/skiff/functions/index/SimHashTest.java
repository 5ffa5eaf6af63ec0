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
import io.skiff.functions.distance.SimHashDistance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SimHashTest {

    private static final TermIndex SIMHASH = termIndex("simhash");

    private static final String TEXT = "The quick brown fox jumps over the lazy dog while the farmer sleeps under an old oak"
            + " tree near the river. Later that evening the fox returns to the farm looking for chickens, but the dog"
            + " wakes up and chases it back into the dark forest beyond the hills and fields.";

    private static Probe within(String text, int bits) {
        return SIMHASH.probe(new IndexPredicate.WithinDistance("simhash", AttributeValue.s(text), bits)).orElseThrow();
    }

    @Test
    void wordsMakeTheHashWhateverTheirCaseAndPunctuation() {
        assertThat(SimHashDistance.words("Hello, World! ÉTÉ 2024")).containsExactly("hello", "world", "été", "2024");
        assertThat(SimHashDistance.simhash("Hello, World!")).isEqualTo(SimHashDistance.simhash("hello world"));
        assertThat(SimHashDistance.simhash("")).isZero();
        assertThat(SimHashDistance.hammingBits(0b1011, 0b0110)).isEqualTo(3);
        assertThat(SimHashDistance.hammingBits(SimHashDistance.simhash(TEXT), SimHashDistance.simhash(TEXT))).isZero();
        assertThat(hex(SIMHASH.terms(AttributeValue.s(TEXT)))).hasSize(4);
        assertThat(hex(termIndex("simhash", "blocks", "16").terms(AttributeValue.s(TEXT)))).hasSize(16);
        assertThat(hex(termIndex("simhash", "blocks", "1").terms(AttributeValue.s(TEXT)))).hasSize(1);
        assertThat(SIMHASH.terms(AttributeValue.ss(TEXT))).isEmpty();
        assertThat(SIMHASH.terms(AttributeValue.n(1))).isEmpty();
        assertThatThrownBy(() -> termIndex("simhash", "blocks", "17")).isInstanceOf(SkiffException.class)
                .hasMessage("simhash option 'blocks' must be a whole number from 1 to 16, not '17'");
        assertThatThrownBy(() -> termIndex("simhash", "blocks", "0")).isInstanceOf(SkiffException.class);
        assertThatThrownBy(() -> termIndex("simhash", "shingle", "3")).hasMessageStartingWith("simhash has no option 'shingle'");
    }

    @Test
    void probesAnswerBelowTheBlockCount() {
        assertThat(((Probe.Terms) within(TEXT, 3)).terms()).hasSize(4);
        assertThat(((Probe.Terms) within(TEXT, 3)).minMatches()).isOne();
        assertThat(SIMHASH.probe(new IndexPredicate.WithinDistance("simhash", AttributeValue.s(TEXT), 4))).isEmpty();
        assertThat(termIndex("simhash", "blocks", "8").probe(
                new IndexPredicate.WithinDistance("simhash", AttributeValue.s(TEXT), 7))).isPresent();
        assertThat(within(TEXT, -1)).isInstanceOf(Probe.None.class);
        assertThat(SIMHASH.probe(new IndexPredicate.WithinDistance("hamming", AttributeValue.s(TEXT), 1))).isEmpty();
        assertThat(SIMHASH.probe(new IndexPredicate.WithinDistance("simhash", AttributeValue.n(1), 1))).isEmpty();
        assertThat(SIMHASH.exact()).isTrue();
    }

    @Test
    void oneChangedWordKeepsABlockAndUnrelatedTextsMostlyShareNone() {
        String changed = TEXT.replace("chickens", "rabbits");
        System.out.printf("simhash: one word of %d changed moves %d bits%n", SimHashDistance.words(TEXT).size(),
                SimHashDistance.hammingBits(SimHashDistance.simhash(TEXT), SimHashDistance.simhash(changed)));
        assertThat(candidate(SIMHASH.terms(AttributeValue.s(changed)),
                SIMHASH.probe(new IndexPredicate.WithinDistance("simhash", AttributeValue.s(TEXT), 3)).orElseThrow())).isTrue();

        // Texts of 50 words drawn from a vocabulary with Zipf frequencies, like prose.
        Random random = new Random(9);
        String[] vocabulary = new String[3_000];
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder word = new StringBuilder();
            for (int j = 2 + random.nextInt(8); j > 0; j--) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary[i] = word.toString();
        }
        double[] cumulative = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        int pairs = 1_000;
        int nearShare = 0;
        int unrelatedShare = 0;
        long nearBits = 0;
        for (int p = 0; p < pairs; p++) {
            List<String> words = new ArrayList<>();
            List<String> other = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                words.add(draw(vocabulary, cumulative, random));
                other.add(draw(vocabulary, cumulative, random));
            }
            List<String> edited = new ArrayList<>(words);
            int at = random.nextInt(50);
            String replacement;
            do {
                replacement = draw(vocabulary, cumulative, random);
            } while (replacement.equals(words.get(at)));
            edited.set(at, replacement);
            String text = String.join(" ", words);
            String near = String.join(" ", edited);
            int bits = SimHashDistance.hammingBits(SimHashDistance.simhash(text), SimHashDistance.simhash(near));
            nearBits += bits;
            Probe probe = within(text, 3);
            boolean shares = candidate(SIMHASH.terms(AttributeValue.s(near)), probe);
            if (bits < 4) {
                assertThat(shares).as("the pigeonhole principle").isTrue();
            }
            nearShare += shares ? 1 : 0;
            unrelatedShare += candidate(SIMHASH.terms(AttributeValue.s(String.join(" ", other))), probe) ? 1 : 0;
        }
        System.out.printf("simhash 4 blocks: one word of 50 changed moves %.2f bits on average, %.3f share a block;"
                + " unrelated texts %.3f%n", (double) nearBits / pairs, (double) nearShare / pairs, (double) unrelatedShare / pairs);
        assertThat(nearShare).isGreaterThanOrEqualTo(pairs * 90 / 100);
        assertThat(unrelatedShare).isLessThanOrEqualTo(pairs * 10 / 100);
    }

    private static String draw(String[] vocabulary, double[] cumulative, Random random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return vocabulary[i < 0 ? -i - 1 : i];
    }
}
