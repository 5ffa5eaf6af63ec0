package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.value.Item;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The distance operators as functions in PartiQL conditions: filters, updates and the errors. */
class DistanceCallsTest extends PartiqlFixture {

    @BeforeEach
    void fill() {
        table("Places", "id:S");
        run("INSERT INTO Places VALUE {'id': 'p1', 'name': 'habibs', 'loc': {'lat': 48.8566, 'lon': 2.3522}}");
        run("INSERT INTO Places VALUE {'id': 'p2', 'name': 'habits', 'loc': {'lat': 51.5074, 'lon': -0.1278}}");
        run("INSERT INTO Places VALUE {'id': 'p3', 'name': 'kebab', 'loc': {'lat': 48.8600, 'lon': 2.3500}}");
    }

    private List<String> ids(String statement, io.skiff.core.value.AttributeValue... parameters) {
        return run(statement, parameters).stream().map(item -> ((io.skiff.core.value.StringValue) item.get("id"))
                .value()).sorted().toList();
    }

    @Test
    void aDistanceFiltersItemsInEveryCase() {
        assertThat(ids("SELECT id FROM Places WHERE levenshtein(name, 'habibs') <= 1")).containsExactly("p1", "p2");
        assertThat(ids("SELECT id FROM Places WHERE LEVENSHTEIN(name, ?) = 0", s("kebab"))).containsExactly("p3");
        assertThat(ids("SELECT id FROM Places WHERE haversine(loc, ?) < 1500",
                item("{\"m\":{\"M\":{\"lat\":{\"N\":\"48.8566\"},\"lon\":{\"N\":\"2.3522\"}}}}").get("m")))
                .containsExactly("p1", "p3");
        assertThat(ids("SELECT id FROM Places WHERE jaro_winkler(name, 'habibs') < 0.1 AND id <> 'p1'"))
                .containsExactly("p2");
        assertThat(ids("SELECT id FROM Places WHERE simhash(name, ?) = 0", s("KEBAB!"))).containsExactly("p3");
        // A missing input has no distance: the comparison is false, and IS MISSING holds.
        assertThat(ids("SELECT id FROM Places WHERE levenshtein(nickname, 'x') < 100")).isEmpty();
        assertThat(ids("SELECT id FROM Places WHERE levenshtein(nickname, 'x') IS MISSING"))
                .containsExactly("p1", "p2", "p3");
    }

    @Test
    void aDistanceConditionsAWrite() {
        run("UPDATE Places SET near = true WHERE id = 'p3' AND levenshtein(name, 'kebap') <= 1");
        assertThat(run("SELECT near FROM Places WHERE id = 'p3'")).containsExactly(item("{\"near\":{\"BOOL\":true}}"));
        rejected(ErrorCode.CONDITIONAL_CHECK_FAILED,
                "UPDATE Places SET near = true WHERE id = 'p1' AND levenshtein(name, 'kebab') <= 1");
    }

    @Test
    void unknownFunctionsWrongArgumentsAndWrongTypesAreClearErrors() {
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT id FROM Places WHERE soundex(name, 'x') < 1")
                .getMessage()).contains("Unknown function 'soundex'").contains("levenshtein").contains("haversine");
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT id FROM Places WHERE levenshtein(name) < 1")
                .getMessage()).contains("levenshtein takes 2 arguments");
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT id FROM Places WHERE levenshtein(loc, 'x') < 1")
                .getMessage()).contains("levenshtein");
        assertThat(rejected(ErrorCode.VALIDATION_ERROR, "SELECT id FROM Places WHERE simhash(loc, 'x') < 1")
                .getMessage()).contains("simhash takes two strings; argument 1 is a map");
        List<Item> none = run("SELECT id FROM Places WHERE id = 'nope' AND levenshtein(name, 'x') < 1");
        assertThat(none).isEmpty();
    }
}
