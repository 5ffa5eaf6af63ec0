package io.skiff.functions.index;

import static io.skiff.functions.index.IndexTesting.hex;
import static io.skiff.functions.index.IndexTesting.termIndex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import io.skiff.functions.IndexPredicate;
import io.skiff.functions.Probe;
import io.skiff.functions.TermIndex;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorLshTest {

    private static final TermIndex LSH = termIndex("vectorlsh", "dimensions", "3");

    static AttributeValue vector(double... numbers) {
        List<AttributeValue> list = new ArrayList<>(numbers.length);
        for (double n : numbers) {
            list.add(new NumberValue(BigDecimal.valueOf(n)));
        }
        return AttributeValue.l(list);
    }

    @Test
    void aVectorIsFiledUnderOneTermPerTable() {
        assertThat(hex(LSH.terms(vector(1, 2, 3)))).hasSize(8);
        assertThat(hex(termIndex("vectorlsh", "dimensions", "3", "tables", "3").terms(vector(1, 2, 3)))).hasSize(3);
        // Signatures see directions: a vector and its multiples share every term.
        assertThat(hex(LSH.terms(vector(2, 4, 6)))).isEqualTo(hex(LSH.terms(vector(1, 2, 3))));
        assertThat(LSH.terms(vector(1, 2))).isEmpty();
        assertThat(LSH.terms(AttributeValue.l(AttributeValue.n(1), AttributeValue.s("2"), AttributeValue.n(3)))).isEmpty();
        assertThat(LSH.terms(AttributeValue.ns("1", "2", "3"))).isEmpty();
        assertThat(LSH.terms(AttributeValue.s("[1, 2, 3]"))).isEmpty();
        assertThat(LSH.exact()).isFalse();
    }

    @Test
    void theOptionsAloneDecideThePlanes() {
        AttributeValue v = vector(0.3, -1.2, 4.5);
        assertThat(hex(termIndex("vectorlsh", "dimensions", "3", "seed", "5").terms(v)))
                .isEqualTo(hex(termIndex("vectorlsh", "dimensions", "3", "seed", "5").terms(v)));
        Set<String> other = hex(termIndex("vectorlsh", "dimensions", "3", "seed", "6", "bits", "32").terms(v));
        assertThat(other).doesNotContainAnyElementsOf(hex(termIndex("vectorlsh", "dimensions", "3", "bits", "32").terms(v)));
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> termIndex("vectorlsh")).isInstanceOf(SkiffException.class)
                .hasMessage("vectorlsh needs the option 'dimensions' (the length of the vectors)");
        assertThatThrownBy(() -> termIndex("vectorlsh", "dimensions", "0"))
                .hasMessage("vectorlsh option 'dimensions' must be a whole number from 1 to 65536, not '0'");
        assertThatThrownBy(() -> termIndex("vectorlsh", "dimensions", "3", "tables", "65"))
                .hasMessage("vectorlsh option 'tables' must be a whole number from 1 to 64, not '65'");
        assertThatThrownBy(() -> termIndex("vectorlsh", "dimensions", "3", "bits", "33"))
                .hasMessage("vectorlsh option 'bits' must be a whole number from 1 to 32, not '33'");
        assertThatThrownBy(() -> termIndex("vectorlsh", "dimensions", "65536", "tables", "64", "bits", "32"))
                .hasMessage("vectorlsh: dimensions × tables × bits is 134217728; at most 4194304");
        assertThatThrownBy(() -> termIndex("vectorlsh", "dimensions", "3", "metric", "cosine"))
                .hasMessage("vectorlsh has no option 'metric'; its options are dimensions, tables, bits, seed");
    }

    @Test
    void queriesProbeTheirSignatureAndItsNeighboursInEveryTable() {
        Probe.Terms probe = (Probe.Terms) LSH.probe(new IndexPredicate.Nearest("cosine", vector(1, 2, 3), 10)).orElseThrow();
        assertThat(hex(probe.terms())).hasSize(8 * VectorLsh.PROBES_PER_TABLE).containsAll(hex(LSH.terms(vector(1, 2, 3))));
        assertThat(probe.minMatches()).isOne();
        assertThat(LSH.probe(new IndexPredicate.WithinDistance("euclidean", vector(1, 2, 3), 0.5))).isPresent();
        assertThat(LSH.probe(new IndexPredicate.WithinDistance("cosine", vector(1, 2, 3), -1))).containsInstanceOf(Probe.None.class);
        assertThat(LSH.probe(new IndexPredicate.Nearest("manhattan", vector(1, 2, 3), 10))).isEmpty();
        assertThat(LSH.probe(new IndexPredicate.Nearest("cosine", vector(1, 2), 10))).isEmpty();
        assertThat(hex(((Probe.Terms) termIndex("vectorlsh", "dimensions", "3", "bits", "1")
                .probe(new IndexPredicate.Nearest("cosine", vector(1, 2, 3), 1)).orElseThrow()).terms())).hasSize(16);
    }

    @Test
    void findsMostOfTheTenNearestOfClusteredVectors() {
        int n = 5_000;
        int d = 32;
        Random random = new Random(7);
        double[][] centres = new double[50][d];
        for (double[] centre : centres) {
            for (int i = 0; i < d; i++) {
                centre[i] = random.nextGaussian();
            }
        }
        double[][] points = new double[n][];
        TermIndex index = termIndex("vectorlsh", "dimensions", "32");
        // What storage would keep: a posting list per term.
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int p = 0; p < n; p++) {
            points[p] = near(centres[random.nextInt(centres.length)], random);
            for (String term : hex(index.terms(vector(points[p])))) {
                postings.computeIfAbsent(term, t -> new ArrayList<>()).add(p);
            }
        }
        int queries = 200;
        int found = 0;
        long candidates = 0;
        for (int q = 0; q < queries; q++) {
            double[] query = near(centres[random.nextInt(centres.length)], random);
            Set<Integer> candidate = new HashSet<>();
            Probe.Terms probe = (Probe.Terms) index.probe(new IndexPredicate.Nearest("cosine", vector(query), 10)).orElseThrow();
            for (String term : hex(probe.terms())) {
                candidate.addAll(postings.getOrDefault(term, List.of()));
            }
            candidates += candidate.size();
            int[] nearest = IntStream.range(0, n).boxed()
                    .sorted(Comparator.comparingDouble(p -> cosineDistance(query, points[p])))
                    .limit(10).mapToInt(Integer::intValue).toArray();
            found += (int) Arrays.stream(nearest).filter(candidate::contains).count();
        }
        double recall = found / (queries * 10.0);
        System.out.printf("vectorlsh 8 tables x 12 bits, %d probes a table: recall@10 %.3f reading %.2f%% of %d vectors%n",
                VectorLsh.PROBES_PER_TABLE, recall, 100.0 * candidates / ((long) queries * n), n);
        assertThat(recall).isGreaterThanOrEqualTo(0.9);
        assertThat((double) candidates / ((long) queries * n)).isLessThan(0.10);
    }

    private static double[] near(double[] centre, Random random) {
        double[] point = new double[centre.length];
        for (int i = 0; i < point.length; i++) {
            point[i] = centre[i] + 0.5 * random.nextGaussian();
        }
        return point;
    }

    private static double cosineDistance(double[] a, double[] b) {
        double dot = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return 1 - dot / Math.sqrt(aa * bb);
    }
}
