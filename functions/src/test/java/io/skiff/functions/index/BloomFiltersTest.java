package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.index.IndexTesting.ArrayCells;
import java.util.List;
import org.junit.jupiter.api.Test;

/** bloom and cbloom: sizes, no false negatives, the false-positive rate they promise, and cbloom's removal. */
class BloomFiltersTest {

    private static AttributeValue member(int i) {
        return AttributeValue.s("user#" + i);
    }

    private static AttributeValue stranger(int i) {
        return AttributeValue.s("other#" + i);
    }

    @Test
    void theDefaultsAreAMillionValuesAtOnePercent() {
        FilterIndex bloom = filter("bloom");
        assertThat(bloom.options()).containsEntry("capacity", "1000000").containsEntry("fpp", "0.01");
        assertThat(bloom.cells()).isEqualTo(149_767); // 9,585,059 bits
        assertThat(filter("cbloom").cells()).isEqualTo(599_067); // 4-bit counters, 16 a cell
        assertThat(bloom.removable()).isFalse();
        assertThat(filter("cbloom").removable()).isTrue();
        assertThat(bloom.exact()).isTrue();
    }

    @Test
    void optionsAreValidated() {
        for (String plugin : List.of("bloom", "cbloom")) {
            assertThatThrownBy(() -> filter(plugin, "capacity", "0")).isInstanceOf(SkiffException.class)
                    .hasMessage(plugin + " option 'capacity' must be a whole number from 1 to 1000000000, not '0'");
            assertThatThrownBy(() -> filter(plugin, "fpp", "0")).isInstanceOf(SkiffException.class)
                    .hasMessage(plugin + " option 'fpp' must be a number from 0.000000001 to 0.5, not '0'");
            assertThatThrownBy(() -> filter(plugin, "fpp", "1%")).hasMessageContaining("not '1%'");
            assertThatThrownBy(() -> filter(plugin, "capacity", "1000000000", "fpp", "0.000000001"))
                    .hasMessageStartingWith(plugin + ": capacity 1000000000 at fpp 0.000000001 needs more than");
            assertThatThrownBy(() -> filter(plugin, "hashes", "3"))
                    .hasMessage(plugin + " has no option 'hashes'; its options are capacity, fpp");
        }
    }

    @Test
    void noFalseNegativesAndFalsePositivesNearTheRate() {
        for (String plugin : List.of("bloom", "cbloom")) {
            for (String fpp : List.of("0.01", "0.001")) {
                FilterIndex filter = filter(plugin, "capacity", "20000", "fpp", fpp);
                ArrayCells cells = new ArrayCells(filter);
                for (int i = 0; i < 20_000; i++) {
                    filter.add(member(i), cells);
                }
                for (int i = 0; i < 20_000; i++) {
                    assertThat(filter.mightContain(member(i), cells)).isTrue();
                }
                int strangers = 200_000;
                int falsePositives = 0;
                for (int i = 0; i < strangers; i++) {
                    falsePositives += filter.mightContain(stranger(i), cells) ? 1 : 0;
                }
                double rate = (double) falsePositives / strangers;
                System.out.printf("%s at capacity, fpp %s: measured false-positive rate %.5f%n", plugin, fpp, rate);
                assertThat(rate).isBetween(Double.parseDouble(fpp) * 0.6, Double.parseDouble(fpp) * 1.4);
            }
        }
    }

    @Test
    void aWriteTouchesAFewCellsAndTheSameWritesGiveTheSameCells() {
        FilterIndex first = filter("bloom", "capacity", "1000");
        FilterIndex second = filter("bloom", "capacity", "1000");
        ArrayCells a = new ArrayCells(first);
        ArrayCells b = new ArrayCells(second);
        first.add(AttributeValue.n("1.5"), a);
        assertThat(a.writes).isBetween(1, 7);
        second.add(AttributeValue.n("1.50"), b);
        assertThat(b.cells).isEqualTo(a.cells);
        assertThat(first.mightContain(AttributeValue.n("1.500"), a)).isTrue();
        assertThat(first.mightContain(AttributeValue.s("1.5"), a)).isFalse();
        // Any type is taken, by its canonical form.
        first.add(AttributeValue.ss("x", "y"), a);
        assertThat(first.mightContain(AttributeValue.ss("y", "x"), a)).isTrue();
        // A Bloom filter cannot forget.
        first.remove(AttributeValue.n("1.5"), a);
        assertThat(first.mightContain(AttributeValue.n("1.5"), a)).isTrue();
    }

    @Test
    void countingBloomForgetsRemovedValuesAndNoOthers() {
        FilterIndex cbloom = filter("cbloom", "capacity", "10000");
        ArrayCells cells = new ArrayCells(cbloom);
        for (int i = 0; i < 10_000; i++) {
            cbloom.add(member(i), cells);
        }
        // A value added by several items stays until each has removed it.
        cbloom.add(member(3), cells);
        for (int i = 0; i < 10_000; i += 2) {
            cbloom.remove(member(i), cells);
        }
        int removedStillThere = 0;
        for (int i = 0; i < 10_000; i++) {
            if (i % 2 == 1 || i == 3) {
                assertThat(cbloom.mightContain(member(i), cells)).as("member %d", i).isTrue();
            } else {
                removedStillThere += cbloom.mightContain(member(i), cells) ? 1 : 0;
            }
        }
        System.out.printf("cbloom: %d of 5000 removed values still answer maybe%n", removedStillThere);
        assertThat(removedStillThere).isLessThan(100);
        cbloom.remove(member(3), cells);
        for (int i = 1; i < 10_000; i += 2) {
            cbloom.remove(member(i), cells);
        }
        assertThat(cells.cells).containsOnly(0L);
    }

    @Test
    void saturatedCountersStayPut() {
        FilterIndex cbloom = filter("cbloom", "capacity", "100");
        ArrayCells cells = new ArrayCells(cbloom);
        for (int i = 0; i < 20; i++) {
            cbloom.add(AttributeValue.s("active"), cells);
        }
        for (int i = 0; i < 20; i++) {
            cbloom.remove(AttributeValue.s("active"), cells);
        }
        // Its counters saturated at 15 and were never decremented: a false positive, never a false negative.
        assertThat(cbloom.mightContain(AttributeValue.s("active"), cells)).isTrue();
        for (int i = 0; i < 3; i++) {
            cbloom.add(AttributeValue.s("paused"), cells);
        }
        for (int i = 0; i < 3; i++) {
            cbloom.remove(AttributeValue.s("paused"), cells);
        }
        assertThat(cbloom.mightContain(AttributeValue.s("active"), cells)).isTrue();
        // Removing what was never added leaves empty counters empty.
        FilterIndex fresh = filter("cbloom", "capacity", "100");
        ArrayCells empty = new ArrayCells(fresh);
        fresh.remove(AttributeValue.s("ghost"), empty);
        assertThat(empty.cells).containsOnly(0L);
    }
}
