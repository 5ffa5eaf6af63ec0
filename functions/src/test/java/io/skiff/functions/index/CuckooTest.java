package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.functions.FilterIndex;
import io.skiff.functions.index.IndexTesting.ArrayCells;
import org.junit.jupiter.api.Test;

class CuckooTest {

    private static AttributeValue member(int i) {
        return AttributeValue.s("token-" + i);
    }

    @Test
    void sizesAndOptions() {
        FilterIndex cuckoo = filter("cuckoo");
        assertThat(cuckoo.options()).containsExactlyEntriesOf(java.util.Map.of("capacity", "1000000"));
        assertThat(cuckoo.cells()).isEqualTo(524_288 + 1); // buckets for a million at 95%, and the header
        assertThat(filter("cuckoo", "capacity", "1").cells()).isEqualTo(2);
        assertThat(cuckoo.removable()).isTrue();
        assertThat(cuckoo.exact()).isTrue();
        assertThatThrownBy(() -> filter("cuckoo", "capacity", "0")).isInstanceOf(SkiffException.class)
                .hasMessage("cuckoo option 'capacity' must be a whole number from 1 to 500000000, not '0'");
        assertThatThrownBy(() -> filter("cuckoo", "fpp", "0.01"))
                .hasMessage("cuckoo has no option 'fpp'; its options are capacity");
    }

    @Test
    void fullToCapacityWithoutFalseNegativesAndFewFalsePositives() {
        FilterIndex cuckoo = filter("cuckoo", "capacity", "30000");
        ArrayCells cells = new ArrayCells(cuckoo);
        for (int i = 0; i < 30_000; i++) {
            cuckoo.add(member(i), cells);
        }
        assertThat(cells.cells[0]).as("not overflowed").isZero();
        for (int i = 0; i < 30_000; i++) {
            assertThat(cuckoo.mightContain(member(i), cells)).isTrue();
        }
        int strangers = 600_000;
        int falsePositives = 0;
        for (int i = 0; i < strangers; i++) {
            falsePositives += cuckoo.mightContain(AttributeValue.s("stranger-" + i), cells) ? 1 : 0;
        }
        double rate = (double) falsePositives / strangers;
        System.out.printf("cuckoo at capacity (%d buckets): measured false-positive rate %.6f%n", cuckoo.cells() - 1, rate);
        // At 92% load about 0.92 * 8 / 2^16 = 1.1e-4 is expected; the bound leaves room for chance.
        assertThat(rate).isLessThan(1.5 * 8 / 65536);

        for (int i = 0; i < 30_000; i += 2) {
            cuckoo.remove(member(i), cells);
        }
        int removedStillThere = 0;
        for (int i = 0; i < 30_000; i++) {
            if (i % 2 == 1) {
                assertThat(cuckoo.mightContain(member(i), cells)).as("member %d", i).isTrue();
            } else {
                removedStillThere += cuckoo.mightContain(member(i), cells) ? 1 : 0;
            }
        }
        assertThat(removedStillThere).isLessThan(10);
    }

    @Test
    void aValueAddedSeveralTimesStaysUntilRemovedAsOften() {
        FilterIndex cuckoo = filter("cuckoo", "capacity", "1000");
        ArrayCells cells = new ArrayCells(cuckoo);
        for (int i = 0; i < 3; i++) {
            cuckoo.add(AttributeValue.s("dup"), cells);
        }
        cuckoo.remove(AttributeValue.s("dup"), cells);
        cuckoo.remove(AttributeValue.s("dup"), cells);
        assertThat(cuckoo.mightContain(AttributeValue.s("dup"), cells)).isTrue();
        cuckoo.remove(AttributeValue.s("dup"), cells);
        assertThat(cuckoo.mightContain(AttributeValue.s("dup"), cells)).isFalse();
        assertThat(cells.cells).containsOnly(0L);
    }

    @Test
    void whenItRunsOutOfRoomItAnswersMaybeForEverythingRatherThanForget() {
        FilterIndex cuckoo = filter("cuckoo", "capacity", "8"); // 4 buckets, 16 slots
        ArrayCells cells = new ArrayCells(cuckoo);
        for (int i = 0; i < 40; i++) {
            cuckoo.add(member(i), cells);
            for (int j = 0; j <= i; j++) {
                assertThat(cuckoo.mightContain(member(j), cells)).as("member %d after %d adds", j, i + 1).isTrue();
            }
        }
        assertThat(cells.cells[0]).as("overflowed").isNotZero();
        assertThat(cuckoo.mightContain(AttributeValue.s("never added"), cells)).isTrue();

        // One value added by more items than its two buckets have slots overflows too, and loses nothing.
        FilterIndex big = filter("cuckoo", "capacity", "1000");
        ArrayCells bigCells = new ArrayCells(big);
        for (int i = 0; i < 9; i++) {
            big.add(AttributeValue.s("status=active"), bigCells);
        }
        assertThat(bigCells.cells[0]).isNotZero();
        assertThat(big.mightContain(AttributeValue.s("status=active"), bigCells)).isTrue();
    }

    @Test
    void theSameWritesGiveTheSameCells() {
        FilterIndex a = filter("cuckoo", "capacity", "100");
        FilterIndex b = filter("cuckoo", "capacity", "100");
        ArrayCells first = new ArrayCells(a);
        ArrayCells second = new ArrayCells(b);
        for (int i = 0; i < 150; i++) {
            a.add(member(i), first);
            b.add(member(i), second);
            if (i % 3 == 0) {
                a.remove(member(i / 2), first);
                b.remove(member(i / 2), second);
            }
        }
        assertThat(second.cells).isEqualTo(first.cells);
    }
}
