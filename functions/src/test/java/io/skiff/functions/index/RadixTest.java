package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.candidate;
import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RadixTest {

    private static final TermIndex RADIX = termIndex("radix");

    @Test
    void aStringIsFiledUnderItsUtf8() {
        assertThat(RADIX.terms(AttributeValue.s("café🚀"))).singleElement()
                .isEqualTo("café🚀".getBytes(StandardCharsets.UTF_8));
        assertThat(RADIX.terms(AttributeValue.s(""))).singleElement().isEqualTo(new byte[0]);
        assertThat(RADIX.terms(AttributeValue.n(7))).isEmpty();
        assertThat(RADIX.terms(AttributeValue.b(new byte[] {'a'}))).isEmpty();
        assertThat(RADIX.terms(AttributeValue.ss("a"))).isEmpty();
        assertThat(RADIX.exact()).isTrue();
        assertThatThrownBy(() -> termIndex("radix", "depth", "3")).isInstanceOf(SkiffException.class)
                .hasMessage("radix takes no options, not 'depth'");
    }

    @Test
    void prefixesAreRangesAndEqualityIsOneTerm() {
        Probe.Prefixes prefix = (Probe.Prefixes) RADIX.probe(new IndexPredicate.Prefix("USER#")).orElseThrow();
        assertThat(prefix.prefixes()).singleElement().isEqualTo("USER#".getBytes(StandardCharsets.UTF_8));
        for (String text : List.of("USER#", "USER#1", "USER#é")) {
            assertThat(candidate(RADIX.terms(AttributeValue.s(text)), prefix)).as(text).isTrue();
        }
        assertThat(candidate(RADIX.terms(AttributeValue.s("USER")), prefix)).isFalse();
        Probe.Terms equals = (Probe.Terms) RADIX.probe(new IndexPredicate.Equals(AttributeValue.s("USER#1"))).orElseThrow();
        assertThat(equals.terms()).singleElement().isEqualTo("USER#1".getBytes(StandardCharsets.UTF_8));
        assertThat(equals.minMatches()).isOne();
        // Items holding numbers are not in the index, so equality with a number cannot use it.
        assertThat(RADIX.probe(new IndexPredicate.Equals(AttributeValue.n(1)))).isEmpty();
        assertThat(RADIX.probe(new IndexPredicate.WithinDistance("levenshtein", AttributeValue.s("a"), 1))).isEmpty();
    }

    @Test
    void aPrefixEndingInHalfASurrogatePairStillFindsTheStringsThatCompleteIt() {
        String rocket = "🚀";
        String half = rocket.substring(0, 1);
        assertThat(("a" + rocket + "b").startsWith("a" + half)).isTrue();
        Probe prefix = RADIX.probe(new IndexPredicate.Prefix("a" + half)).orElseThrow();
        assertThat(candidate(RADIX.terms(AttributeValue.s("a" + rocket + "b")), prefix)).isTrue();
        assertThat(candidate(RADIX.terms(AttributeValue.s("a" + half)), prefix)).isTrue();
        // Lone surrogates keep distinct terms instead of collapsing into '?'.
        assertThat(RADIX.terms(AttributeValue.s("a" + half)).get(0)).isNotEqualTo(RADIX.terms(AttributeValue.s("a?")).get(0));
    }
}
