package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

/** The laws the metric operators obey on any input (OSA damerau is not a metric, so not here). */
class DistanceLawsPropertiesTest {

    private static final DistanceOperators OPERATORS = DistanceOperators.load();

    private static double d(String operator, String a, String b) {
        return OPERATORS.find(operator).orElseThrow().distance(AttributeValue.s(a), AttributeValue.s(b)).getAsDouble();
    }

    @Property(tries = 300)
    void levenshteinIsAMetric(@ForAll @StringLength(max = 12) String a, @ForAll @StringLength(max = 12) String b,
                              @ForAll @StringLength(max = 12) String c) {
        assertThat(d("levenshtein", a, a)).isZero();
        assertThat(d("levenshtein", a, b)).isEqualTo(d("levenshtein", b, a));
        assertThat(d("levenshtein", a, c)).isLessThanOrEqualTo(d("levenshtein", a, b) + d("levenshtein", b, c));
        assertThat(d("damerau", a, b)).isLessThanOrEqualTo(d("levenshtein", a, b));
    }

    @Property(tries = 300)
    void jaroWinklerStaysBetweenZeroAndOneAndIsSymmetric(@ForAll @StringLength(max = 12) String a,
                                                         @ForAll @StringLength(max = 12) String b) {
        double forward = d("jaro_winkler", a, b);
        assertThat(forward).isBetween(0.0, 1.0);
        assertThat(forward).isCloseTo(d("jaro_winkler", b, a), org.assertj.core.data.Offset.offset(1e-12));
    }

    /** Bits apart of two hashes: a pseudometric (distinct texts can share a hash), within 0..64. */
    @Property(tries = 300)
    void simhashIsAPseudometricOfAtMost64Bits(@ForAll @StringLength(max = 40) String a,
                                              @ForAll @StringLength(max = 40) String b,
                                              @ForAll @StringLength(max = 40) String c) {
        assertThat(d("simhash", a, a)).isZero();
        assertThat(d("simhash", a, b)).isEqualTo(d("simhash", b, a)).isBetween(0.0, 64.0);
        assertThat(d("simhash", a, c)).isLessThanOrEqualTo(d("simhash", a, b) + d("simhash", b, c));
    }
}
