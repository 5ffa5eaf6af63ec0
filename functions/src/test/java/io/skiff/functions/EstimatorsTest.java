package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The built-in estimators against exact counts on generated data, within their stated bounds. */
class EstimatorsTest {

    private static final Estimators ESTIMATORS = Estimators.load();

    private static Sketch.DistinctCount hll() {
        return (Sketch.DistinctCount) ESTIMATORS.find("HLL").orElseThrow().newSketch();
    }

    private static Sketch.Frequency cms() {
        return (Sketch.Frequency) ESTIMATORS.find("cms").orElseThrow().newSketch();
    }

    @Test
    void bothBuiltInsAreFoundByName() {
        assertThat(ESTIMATORS.all()).extracting(Estimator::name).containsExactly("cms", "hll");
    }

    @Test
    void hyperLogLogCountsDistinctValuesWithinAFewPercent() {
        for (int distinct : new int[] {10, 1_000, 50_000, 300_000}) {
            Sketch.DistinctCount sketch = hll();
            for (int i = 0; i < distinct; i++) {
                sketch.add(AttributeValue.s("user#" + i));
                sketch.add(AttributeValue.s("user#" + i)); // repeats do not count
            }
            // Four standard errors (0.8% each); small sets are counted nearly exactly.
            assertThat((double) sketch.distinct()).as("%d distinct", distinct)
                    .isCloseTo(distinct, org.assertj.core.data.Offset.offset(Math.max(1, distinct * 0.033)));
        }
    }

    @Test
    void hyperLogLogMergesAndIgnoresMissingValuesAndSpelling() {
        Sketch.DistinctCount left = hll();
        Sketch.DistinctCount right = hll();
        for (int i = 0; i < 20_000; i++) {
            (i % 2 == 0 ? left : right).add(AttributeValue.n(i));
        }
        left.merge(right);
        assertThat((double) left.distinct()).isCloseTo(20_000, org.assertj.core.data.Offset.offset(660.0));

        Sketch.DistinctCount numbers = hll();
        numbers.add(AttributeValue.n(new BigDecimal("1.5")));
        numbers.add(AttributeValue.n(new BigDecimal("1.50")));
        numbers.add(AttributeValue.n(new BigDecimal("15E-1")));
        numbers.add(AttributeValue.s("1.5"));
        numbers.add(null);
        numbers.add(AttributeValue.nul());
        assertThat(numbers.distinct()).isEqualTo(2);
        assertThat(hll().distinct()).isZero();
    }

    @Test
    void countMinNeverUndercountsAndStaysWithinItsBound() {
        Sketch.Frequency sketch = cms();
        Map<String, Integer> exact = new HashMap<>();
        Random random = new Random(3);
        int total = 200_000;
        for (int i = 0; i < total; i++) {
            // A skewed stream: a few heavy values and a long tail.
            String value = random.nextInt(10) < 3 ? "heavy-" + random.nextInt(5) : "tail-" + random.nextInt(50_000);
            exact.merge(value, 1, Integer::sum);
            sketch.add(AttributeValue.s(value));
        }
        long bound = (long) Math.ceil(total * Math.E / 2048);
        int within = 0;
        for (Map.Entry<String, Integer> entry : exact.entrySet()) {
            long estimate = sketch.frequency(AttributeValue.s(entry.getKey()));
            assertThat(estimate).as(entry.getKey()).isGreaterThanOrEqualTo(entry.getValue());
            within += estimate <= entry.getValue() + bound ? 1 : 0;
        }
        assertThat(within).isGreaterThanOrEqualTo((int) (exact.size() * 0.99));
        assertThat(sketch.frequency(AttributeValue.s("never-seen"))).isLessThanOrEqualTo(bound);

        Sketch.Frequency other = cms();
        other.add(AttributeValue.s("heavy-0"));
        long before = sketch.frequency(AttributeValue.s("heavy-0"));
        sketch.merge(other);
        assertThat(sketch.frequency(AttributeValue.s("heavy-0"))).isEqualTo(before + 1);
        assertThat(sketch.frequency(null)).isZero();
    }
}
