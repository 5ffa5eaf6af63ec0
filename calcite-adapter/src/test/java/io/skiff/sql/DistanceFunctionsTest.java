package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.functions.distance.SimHashDistance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distance operators as SQL functions over declared columns, undeclared attributes and parameters. */
class DistanceFunctionsTest extends SqlFixture {

    @BeforeEach
    void fill() {
        update("CREATE TABLE places (id VARCHAR, name VARCHAR, PRIMARY KEY (id))");
        update("INSERT INTO places (id, name, loc, v, tags) VALUES "
                + "('p1', 'habibs', MAP['lat', 48.8566, 'lon', 2.3522], ARRAY[1, 0], ARRAY['a', 'b']),"
                + "('p2', 'habits', MAP['lat', 51.5074, 'lon', -0.1278], ARRAY[0, 1], ARRAY['b', 'c']),"
                + "('p3', 'kebab', MAP['lat', 48.8600, 'lon', 2.3500], ARRAY[1, 1], ARRAY['x'])");
    }

    @Test
    void aDistanceFiltersAndRanksRows() {
        assertThat(query("SELECT id, levenshtein(name, ?) AS d FROM places WHERE levenshtein(name, ?) <= 2 ORDER BY d,"
                + " id", "habibs", "habibs"))
                .containsExactly(List.of("p1", 0.0), List.of("p2", 1.0));
        assertThat(query("SELECT id FROM places WHERE LEVENSHTEIN(name, 'kebap') = 1")).containsExactly(List.of("p3"));
        assertThat(query("SELECT id FROM places WHERE jaro_winkler(name, 'habibs') < 0.1 ORDER BY id"))
                .containsExactly(List.of("p1"), List.of("p2"));
    }

    @Test
    void undeclaredAttributesAndParametersOfEveryShape() {
        List<List<Object>> near = query("SELECT id, haversine(loc, ?) AS m FROM places WHERE haversine(loc, ?) <= 1500"
                + " ORDER BY m", Map.of("lat", 48.8566, "lon", 2.3522), Map.of("lat", 48.8566, "lon", 2.3522));
        assertThat(near).extracting(row -> row.get(0)).containsExactly("p1", "p3");
        assertThat((Double) near.get(1).get(1)).isCloseTo(410.896, within(0.01));
        assertThat(query("SELECT id FROM places WHERE cosine(v, ?) < 0.01", List.of(2, 0))).containsExactly(List.of("p1"));
        assertThat(query("SELECT euclidean(v, ARRAY[0, 0]) FROM places WHERE id = 'p3'").get(0).get(0))
                .isEqualTo(Math.sqrt(2));
        assertThat(query("SELECT id FROM places WHERE jaccard(tags, ?) = 0.5 ORDER BY id", java.util.Set.of("a", "b", "c")))
                .isEmpty();
        assertThat(query("SELECT jaccard(tags, ARRAY['b', 'c']) FROM places WHERE id = 'p1'").get(0).get(0))
                .isEqualTo(1 - 1.0 / 3);
    }

    @Test
    void topKByDistanceKeepsOnlyKRowsInsteadOfSortingThemAll() {
        for (int i = 0; i < 200; i++) {
            update("INSERT INTO places (id, name) VALUES (?, ?)", "q" + i, "name" + (i * 7919 % 1000));
        }
        String topK = "SELECT id, levenshtein(name, 'name500') AS d FROM places WHERE id LIKE 'q%' ORDER BY d, id"
                + " LIMIT 5";
        String plan = query("EXPLAIN PLAN FOR " + topK).toString();
        assertThat(plan).contains("EnumerableLimitSort").doesNotContain("EnumerableSort(");
        List<List<Object>> all = query("SELECT id, levenshtein(name, 'name500') AS d FROM places WHERE id LIKE 'q%'"
                + " ORDER BY d, id");
        assertThat(query(topK)).containsExactlyElementsOf(all.subList(0, 5));
    }

    @Test
    void aMissingAttributeGivesNullAndAWrongTypeIsAClearError() {
        assertThat(query("SELECT levenshtein(nickname, 'x') FROM places WHERE id = 'p1'"))
                .containsExactly(java.util.Arrays.asList((Object) null));
        SkiffException wrong = failure(ErrorCode.VALIDATION_ERROR,
                () -> query("SELECT levenshtein(v, 'x') FROM places WHERE id = 'p1'"));
        assertThat(wrong.getMessage()).contains("levenshtein takes two strings; argument 1 is a list");
        SkiffException unknown = catchThrowable(() -> query("SELECT soundex(name, 'x') FROM places"));
        assertThat(unknown.getMessage()).containsIgnoringCase("soundex");
    }

    @Test
    void simhashCountsTheBitsApartOfTwoTextsWords() {
        assertThat(query("SELECT simhash(name, 'HABIBS!'), SIMHASH(name, ?) FROM places WHERE id = 'p1'", "kebab"))
                .containsExactly(List.of(0.0, (double) SimHashDistance.hammingBits(SimHashDistance.simhash("habibs"),
                        SimHashDistance.simhash("kebab"))));
        assertThat(query("SELECT id FROM places WHERE simhash(name, ?) <= 3", "Kebab.")).containsExactly(List.of("p3"));
        assertThat(query("SELECT simhash(nickname, 'x') FROM places WHERE id = 'p1'"))
                .containsExactly(java.util.Arrays.asList((Object) null));
        SkiffException wrong = failure(ErrorCode.VALIDATION_ERROR,
                () -> query("SELECT simhash(loc, 'x') FROM places WHERE id = 'p1'"));
        assertThat(wrong.getMessage()).contains("simhash takes two strings; argument 1 is a map");
    }

    private static SkiffException catchThrowable(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(SkiffException.class, call);
    }
}
