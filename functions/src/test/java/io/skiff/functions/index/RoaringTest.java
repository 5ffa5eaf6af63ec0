package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/** roaring's terms, and Cohorts against sets computed by hand. */
class RoaringTest {

    private static final TermIndex ROARING = termIndex("roaring");

    private static byte[] term(AttributeValue value) {
        return ROARING.terms(value).get(0);
    }

    @Test
    void scalarsAreFiledUnderTheirTypeAndBytes() {
        assertThat(term(AttributeValue.s("gold"))).isEqualTo(new byte[] {'S', 'g', 'o', 'l', 'd'});
        assertThat(term(AttributeValue.bool(true))).isEqualTo(new byte[] {'T'});
        assertThat(term(AttributeValue.bool(false))).isEqualTo(new byte[] {'F'});
        assertThat(term(AttributeValue.b(new byte[] {0, 1}))).isEqualTo(new byte[] {'B', 0, 1});
        assertThat(term(AttributeValue.n("1.5"))).isEqualTo(term(AttributeValue.n("1.50")));
        assertThat(term(AttributeValue.n("1"))).isNotEqualTo(term(AttributeValue.s("1")));
        for (AttributeValue other : List.of(AttributeValue.nul(), AttributeValue.ss("a"), AttributeValue.l(AttributeValue.s("a")),
                AttributeValue.m(Map.of("a", AttributeValue.s("a"))))) {
            assertThat(ROARING.terms(other)).as(other.toString()).isEmpty();
        }
        assertThat(ROARING.exact()).isTrue();
        assertThatThrownBy(() -> termIndex("roaring", "compress", "true")).isInstanceOf(SkiffException.class)
                .hasMessage("roaring takes no options, not 'compress'");
    }

    @Test
    void termsOfOneTypeSortAsTheirValues() {
        List<String> numbers = List.of("-1000", "-2.5", "-2", "-0.001", "0", "0.001", "1", "1.5", "2", "10", "1E+20");
        for (int i = 1; i < numbers.size(); i++) {
            assertThat(Arrays.compareUnsigned(term(AttributeValue.n(numbers.get(i - 1))), term(AttributeValue.n(numbers.get(i)))))
                    .as(numbers.get(i - 1) + " < " + numbers.get(i)).isNegative();
        }
        assertThat(Arrays.compareUnsigned(term(AttributeValue.s("abc")), term(AttributeValue.s("abd")))).isNegative();
        assertThat(Arrays.compareUnsigned(term(AttributeValue.s("\uFFFF")), term(AttributeValue.s("🚀")))).isNegative();
    }

    @Test
    void equalityIsOneTerm() {
        Probe.Terms probe = (Probe.Terms) ROARING.probe(new IndexPredicate.Equals(AttributeValue.n("42.0"))).orElseThrow();
        assertThat(probe.terms()).singleElement().isEqualTo(term(AttributeValue.n(42)));
        assertThat(ROARING.probe(new IndexPredicate.Equals(AttributeValue.ss("a")))).isEmpty();
        assertThat(ROARING.probe(new IndexPredicate.Prefix("a"))).isEmpty();
    }

    @Test
    void cohortsCombinePostingLists() {
        Random random = new Random(1);
        List<RoaringBitmap> lists = new ArrayList<>();
        List<boolean[]> truth = new ArrayList<>();
        int items = 5_000;
        for (int l = 0; l < 6; l++) {
            RoaringBitmap bitmap = new RoaringBitmap();
            boolean[] in = new boolean[items];
            for (int i = 0; i < items; i++) {
                if (random.nextInt(3) == 0) {
                    bitmap.add(i);
                    in[i] = true;
                }
            }
            lists.add(bitmap);
            truth.add(in);
        }
        List<RoaringBitmap> copies = lists.stream().map(RoaringBitmap::clone).toList();
        for (int min = 1; min <= 6; min++) {
            RoaringBitmap atLeast = Cohorts.atLeast(lists, min);
            for (int i = 0; i < items; i++) {
                int count = 0;
                for (boolean[] in : truth) {
                    count += in[i] ? 1 : 0;
                }
                assertThat(atLeast.contains(i)).as("item %d in %d lists, at least %d", i, count, min).isEqualTo(count >= min);
            }
        }
        assertThat(Cohorts.or(lists)).isEqualTo(Cohorts.atLeast(lists, 1));
        assertThat(Cohorts.and(lists)).isEqualTo(Cohorts.atLeast(lists, 6));
        RoaringBitmap andNot = Cohorts.andNot(lists.get(0), lists.get(1));
        for (int i = 0; i < items; i++) {
            assertThat(andNot.contains(i)).isEqualTo(truth.get(0)[i] && !truth.get(1)[i]);
        }
        assertThat(lists).isEqualTo(copies); // inputs untouched
        assertThat(Cohorts.or(List.of()).isEmpty()).isTrue();
        assertThatThrownBy(() -> Cohorts.and(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cohorts.atLeast(lists, 7)).isInstanceOf(IllegalArgumentException.class);
    }
}
