package io.skiff.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skiff.core.error.SkiffException;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NullValue;
import io.skiff.functions.distance.Haversine;
import io.skiff.functions.distance.Jaccard;
import io.skiff.functions.distance.Vectors;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Each built-in operator against hand-computed cases and published reference values, and its errors. */
class DistanceOperatorsTest {

    private static final DistanceOperators OPERATORS = DistanceOperators.load();

    private static double distance(String operator, String a, String b) {
        OptionalDouble d = OPERATORS.find(operator).orElseThrow()
                .distance(ItemJson.readValue(a), ItemJson.readValue(b));
        assertThat(d).as(operator + "(" + a + ", " + b + ")").isPresent();
        return d.getAsDouble();
    }

    private static String s(String text) {
        return "{\"S\":\"" + text + "\"}";
    }

    private static String list(double... numbers) {
        StringBuilder json = new StringBuilder("{\"L\":[");
        for (int i = 0; i < numbers.length; i++) {
            json.append(i > 0 ? "," : "").append("{\"N\":\"").append(numbers[i]).append("\"}");
        }
        return json.append("]}").toString();
    }

    private static String point(double lat, double lon) {
        return "{\"M\":{\"lat\":{\"N\":\"" + lat + "\"},\"lon\":{\"N\":\"" + lon + "\"}}}";
    }

    @Test
    void theBuiltInsAreFoundByName() {
        assertThat(OPERATORS.all()).extracting(DistanceOperator::name).contains("hamming", "levenshtein", "damerau",
                "jaro_winkler", "jaccard", "cosine", "euclidean", "manhattan", "haversine", "simhash");
        assertThat(OPERATORS.find("LEVENSHTEIN")).isPresent();
        assertThat(OPERATORS.find("soundex")).isEmpty();
    }

    @Test
    void editDistancesCountCodePoints() {
        assertThat(distance("levenshtein", s("kitten"), s("sitting"))).isEqualTo(3);
        assertThat(distance("levenshtein", s("flaw"), s("lawn"))).isEqualTo(2);
        assertThat(distance("levenshtein", s(""), s("abc"))).isEqualTo(3);
        assertThat(distance("levenshtein", s("café"), s("cafe"))).isEqualTo(1);
        assertThat(distance("levenshtein", s("🚀a"), s("a"))).isEqualTo(1);
        assertThat(distance("damerau", s("abcd"), s("acbd"))).isEqualTo(1);
        assertThat(distance("levenshtein", s("abcd"), s("acbd"))).isEqualTo(2);
        // The optimal string alignment variant: CA -> AC -> ABC would edit a substring twice.
        assertThat(distance("damerau", s("CA"), s("ABC"))).isEqualTo(3);
        assertThat(distance("hamming", s("karolin"), s("kathrin"))).isEqualTo(3);
        assertThat(distance("hamming", s("🚀🚀"), s("🚀a"))).isEqualTo(1);
        assertThat(distance("hamming", "{\"B\":\"XQ==\"}", "{\"B\":\"SQ==\"}")).isEqualTo(2); // 0x5d vs 0x49
    }

    @Test
    void jaroWinklerMatchesThePublishedExamples() {
        assertThat(1 - distance("jaro_winkler", s("MARTHA"), s("MARHTA"))).isCloseTo(0.9611, within(1e-4));
        assertThat(1 - distance("jaro_winkler", s("DIXON"), s("DICKSONX"))).isCloseTo(0.8133, within(1e-4));
        assertThat(1 - distance("jaro_winkler", s("DWAYNE"), s("DUANE"))).isCloseTo(0.8400, within(1e-4));
        assertThat(distance("jaro_winkler", s("same"), s("same"))).isZero();
        assertThat(distance("jaro_winkler", s("abc"), s("xyz"))).isEqualTo(1);
    }

    @Test
    void setAndVectorDistances() {
        assertThat(distance("jaccard", "{\"SS\":[\"a\",\"b\",\"c\"]}", "{\"SS\":[\"b\",\"c\",\"d\"]}")).isEqualTo(0.5);
        assertThat(distance("jaccard", "{\"L\":[{\"S\":\"a\"},{\"S\":\"a\"}]}", "{\"SS\":[\"a\"]}")).isZero();
        assertThat(distance("jaccard", "{\"NS\":[\"1\",\"2\"]}", "{\"L\":[{\"N\":\"1.0\"}]}")).isEqualTo(0.5);
        assertThat(distance("jaccard", "{\"L\":[]}", "{\"L\":[]}")).isZero();
        assertThat(distance("cosine", list(1, 0), list(0, 1))).isCloseTo(1, within(1e-12));
        assertThat(distance("cosine", list(1, 2, 3), list(2, 4, 6))).isCloseTo(0, within(1e-12));
        assertThat(distance("cosine", list(1, 1), list(-1, -1))).isCloseTo(2, within(1e-12));
        assertThat(distance("euclidean", list(0, 0), list(3, 4))).isEqualTo(5);
        assertThat(distance("manhattan", list(0, 0), list(3, -4))).isEqualTo(7);
    }

    @Test
    void haversineGivesMetersOnTheMeanEarth() {
        // Paris to London, computed with the same formula and radius by hand (343.557 km).
        assertThat(distance("haversine", point(48.8566, 2.3522), point(51.5074, -0.1278)))
                .isCloseTo(343_556.53, within(0.1));
        assertThat(distance("haversine", point(0, 0), point(0, 180))).isCloseTo(Math.PI * 6_371_008.8, within(1e-3));
        assertThat(distance("haversine", point(10, 20), point(10, 20))).isZero();
    }

    @Test
    void missingOrNullInputsGiveNoDistance() {
        DistanceOperator levenshtein = OPERATORS.find("levenshtein").orElseThrow();
        assertThat(levenshtein.distance(null, AttributeValue.s("a"))).isEmpty();
        assertThat(levenshtein.distance(AttributeValue.s("a"), NullValue.INSTANCE)).isEmpty();
    }

    @Test
    void wrongTypesAndMismatchedShapesAreClearErrors() {
        assertThatThrownBy(() -> distance("levenshtein", s("a"), "{\"N\":\"1\"}")).isInstanceOf(SkiffException.class)
                .hasMessage("levenshtein takes two strings; argument 2 is a number");
        assertThatThrownBy(() -> distance("hamming", s("ab"), s("abc")))
                .hasMessageContaining("hamming takes values of one length; they have 2 and 3 characters");
        assertThatThrownBy(() -> distance("hamming", s("ab"), "{\"B\":\"AQ==\"}"))
                .hasMessageContaining("argument 2 is a binary");
        assertThatThrownBy(() -> distance("cosine", list(1, 2), list(1, 2, 3)))
                .hasMessageContaining("cosine takes two lists of one length; they have 2 and 3 numbers");
        assertThatThrownBy(() -> distance("cosine", list(0, 0), list(1, 2))).hasMessageContaining("zero vector");
        assertThatThrownBy(() -> distance("euclidean", list(1), "{\"L\":[{\"S\":\"x\"}]}"))
                .hasMessageContaining("element 0 of argument 2 is a string");
        assertThatThrownBy(() -> distance("haversine", point(91, 0), point(0, 0))).hasMessageContaining("outside [-90, 90]");
        assertThatThrownBy(() -> distance("haversine", "{\"M\":{\"lat\":{\"N\":\"1\"}}}", point(0, 0)))
                .hasMessageContaining("argument 1 has no 'lon'");
        assertThatThrownBy(() -> distance("jaccard", s("a"), "{\"SS\":[\"a\"]}")).hasMessageContaining("argument 1 is a string");
    }

    @Test
    void theReadersIndexPluginsShareAcceptExactlyWhatTheOperatorsAccept() {
        List<String> values = List.of(point(1, 2), point(90, -180), point(90.5, 0), point(0, 181),
                "{\"M\":{\"lat\":{\"N\":\"1\"}}}", "{\"M\":{\"lat\":{\"S\":\"1\"},\"lon\":{\"N\":\"1\"}}}",
                "{\"M\":{\"lat\":{\"N\":\"1\"},\"lon\":{\"N\":\"1\"},\"alt\":{\"S\":\"x\"}}}",
                list(1, 2), list(), "{\"L\":[{\"N\":\"1\"},{\"S\":\"2\"}]}", "{\"L\":[{\"N\":\"1E+125\"}]}",
                "{\"NS\":[\"1\",\"2\"]}", "{\"SS\":[\"a\"]}", "{\"BS\":[\"AQ==\"]}", "{\"L\":[{\"S\":\"a\"},{\"N\":\"1\"}]}",
                s("a"), "{\"N\":\"1\"}", "{\"M\":{}}");
        for (String json : values) {
            AttributeValue value = ItemJson.readValue(json);
            assertThat(Haversine.point(value).isPresent()).as("haversine reads " + json)
                    .isEqualTo(accepts("haversine", value, ItemJson.readValue(point(0, 0))));
            assertThat(Vectors.read(value).isPresent()).as("vectors read " + json)
                    .isEqualTo(accepts("euclidean", value, value));
            assertThat(Jaccard.elements(value).isPresent()).as("jaccard reads " + json)
                    .isEqualTo(accepts("jaccard", value, value));
        }
        assertThat(Jaccard.elements(ItemJson.readValue("{\"L\":[{\"N\":\"1.0\"},{\"S\":\"a\"}]}")).orElseThrow())
                .containsExactlyInAnyOrder(AttributeValue.n(1), AttributeValue.s("a"));
    }

    private static boolean accepts(String operator, AttributeValue a, AttributeValue b) {
        try {
            OPERATORS.find(operator).orElseThrow().distance(a, b);
            return true;
        } catch (SkiffException e) {
            return false;
        }
    }
}
