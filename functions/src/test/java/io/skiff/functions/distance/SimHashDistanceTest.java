package io.skiff.functions.distance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NullValue;
import io.skiff.functions.DistanceOperator;
import io.skiff.functions.DistanceOperators;
import io.skiff.functions.ValueBytes;
import io.skiff.functions.ValueHash;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The {@code simhash} operator: bits apart of two texts' simhashes, as the index plugin computes them. */
class SimHashDistanceTest {

    private static final DistanceOperator SIMHASH = DistanceOperators.load().find("SIMHASH").orElseThrow();

    private static double bits(String a, String b) {
        return SIMHASH.distance(AttributeValue.s(a), AttributeValue.s(b)).orElseThrow();
    }

    private static long wordHash(String word) {
        return ValueHash.of(ValueBytes.utf8(word));
    }

    @Test
    void identicalTextsAreAtZero() {
        String text = "The quick brown fox jumps over the lazy dog";
        assertThat(bits(text, text)).isZero();
        assertThat(bits("", "")).isZero();
    }

    @Test
    void caseSpacingPunctuationAndWordOrderDoNotCount() {
        assertThat(bits("Hello, World!", "hello   world")).isZero();
        assertThat(bits("ÉTÉ 2024 -- déjà vu", "été, 2024; DÉJÀ VU.")).isZero();
        assertThat(bits("beta alpha", "alpha beta")).isZero();
        // A hyphen splits a word: "e-mail" is the words "e" and "mail", not "email".
        assertThat(bits("e-mail", "e mail")).isZero();
        assertThat(bits("e-mail", "email")).isPositive();
    }

    /**
     * Worked by the definition: each word votes +1 on the bits its hash sets and -1 on the others,
     * and the simhash keeps the bits with a positive vote. One word's simhash is its hash; two
     * words keep only the bits both set (a tie of 0 is not positive); a word said twice outvotes
     * one said once. The empty text has no votes, hence hash 0.
     */
    @Test
    void smallTextsGiveTheBitsTheVotesSay() {
        long alpha = wordHash("alpha");
        long beta = wordHash("beta");
        assertThat(bits("alpha", "")).isEqualTo(Long.bitCount(alpha));
        assertThat(bits("alpha beta", "alpha")).isEqualTo(Long.bitCount(alpha & ~beta));
        assertThat(bits("alpha beta", "beta")).isEqualTo(Long.bitCount(beta & ~alpha));
        assertThat(bits("alpha alpha beta", "alpha")).isZero();
        assertThat(bits("alpha", "beta")).isEqualTo(Long.bitCount(alpha ^ beta)).isBetween(1.0, 64.0);
    }

    @Test
    void theOperatorMeasuresWhatTheIndexFiles() {
        Random random = new Random(21);
        for (int i = 0; i < 200; i++) {
            String a = randomText(random);
            String b = randomText(random);
            assertThat(bits(a, b)).isEqualTo(SimHashDistance.hammingBits(SimHashDistance.simhash(a), SimHashDistance.simhash(b)))
                    .isBetween(0.0, 64.0);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int w = random.nextInt(12); w > 0; w--) {
            text.append("w").append(random.nextInt(30)).append(random.nextBoolean() ? " " : ", ");
        }
        return text.toString();
    }

    @Test
    void aMissingOrNullTextGivesNoDistance() {
        assertThat(SIMHASH.distance(null, AttributeValue.s("a"))).isEmpty();
        assertThat(SIMHASH.distance(AttributeValue.s("a"), NullValue.INSTANCE)).isEmpty();
        assertThat(SIMHASH.distance(NullValue.INSTANCE, AttributeValue.n(1))).isEmpty();
    }

    @Test
    void anythingButTwoStringsIsAClearError() {
        assertThatThrownBy(() -> SIMHASH.distance(AttributeValue.s("a"), AttributeValue.n(1)))
                .isInstanceOf(SkiffException.class).hasMessage("simhash takes two strings; argument 2 is a number");
        assertThatThrownBy(() -> SIMHASH.distance(AttributeValue.ss("a"), AttributeValue.s("a")))
                .isInstanceOf(SkiffException.class).hasMessage("simhash takes two strings; argument 1 is a string set");
    }
}
