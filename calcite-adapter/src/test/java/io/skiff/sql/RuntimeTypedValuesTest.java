package io.skiff.sql;

import io.skiff.sql.api.SqlResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.json.ItemJson;
import io.skiff.core.value.Item;
import io.skiff.storage.api.GetItem;
import io.skiff.storage.api.PutItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Undeclared attributes are typed at run time and still behave like typed values in SQL
 * (decision 006): comparisons, arithmetic, aggregates, functions and ORDER BY, over a data set
 * where one attribute holds values of different types, NULL, or nothing.
 */
class RuntimeTypedValuesTest extends SqlFixture {

    /** p4's age is a string and its city a number; p5's age is NULL; p6 has no age or city. */
    @BeforeEach
    void fill() {
        update("CREATE TABLE people (pk VARCHAR, name VARCHAR, PRIMARY KEY (pk))");
        put("""
                {"pk":{"S":"p1"},"name":{"S":"Ova"},"age":{"N":"31"},"score":{"N":"5"},"city":{"S":"Santos"},
                 "active":{"BOOL":true},"badge":{"B":"AQI="}}""");
        put("""
                {"pk":{"S":"p2"},"name":{"S":"Bo"},"age":{"N":"25"},"score":{"N":"7"},"city":{"S":"Rio"},
                 "active":{"BOOL":false}}""");
        put("""
                {"pk":{"S":"p3"},"name":{"S":"Cy"},"age":{"N":"40"},"score":{"N":"6"},"city":{"S":"Rio"}}""");
        put("""
                {"pk":{"S":"p4"},"name":{"S":"Di"},"age":{"S":"old"},"score":{"N":"1"},"city":{"N":"7"},
                 "active":{"S":"yes"}}""");
        put("""
                {"pk":{"S":"p5"},"name":{"S":"Ed"},"age":{"NULL":true}}""");
        put("""
                {"pk":{"S":"p6"},"name":{"S":"Fa"}}""");
    }

    private void put(String json) {
        engine.put(PutItem.of("people", ItemJson.readItem(json)));
    }

    private Item stored(String pk) {
        return engine.get(GetItem.of("people", Item.builder().s("pk", pk).build())).orElseThrow();
    }

    /** The keys a query returns, in order (the query selects pk only). */
    private List<Object> keys(String sql, Object... parameters) {
        return query(sql, parameters).stream().map(row -> row.get(0)).toList();
    }

    /** The rows of a query, in order, with values compared as {@link #comparable} makes them. */
    private void assertRows(String sql, List<?>... expected) {
        assertThat(comparable(query(sql))).isEqualTo(comparable(List.of(expected)));
    }

    /**
     * Numbers of any Java class as decimals without trailing zeros (results strip them: 40 is
     * 4E+1), binaries as hex text, recursively; so that 40, 40L and 40.0 compare equal.
     */
    private static Object comparable(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        if (value instanceof byte[] bytes) {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RuntimeTypedValuesTest::comparable).collect(Collectors.toList());
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(RuntimeTypedValuesTest::comparable).collect(Collectors.toSet());
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(k, comparable(v)));
            return copy;
        }
        return value;
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    @Nested
    class Aggregates {

        @Test
        void sumAvgMinMaxOfUndeclaredNumbersNeedNoCast() {
            assertRows("SELECT SUM(age), AVG(age), MIN(age), MAX(age), COUNT(age) FROM people"
                    + " WHERE pk IN ('p1', 'p2', 'p3')", row(96, 32, 25, 40, 3L));
        }

        @Test
        void groupByAndHavingOnUndeclaredAttributes() {
            assertRows("SELECT city, SUM(score), AVG(score) FROM people WHERE pk <> 'p4'"
                    + " GROUP BY city HAVING SUM(score) > 10", row("Rio", 13, 6.5));
        }

        @Test
        void aggregatesSkipNullAndMissingValues() {
            assertRows("SELECT SUM(age), AVG(age), MIN(age), COUNT(age), COUNT(*) FROM people"
                    + " WHERE pk IN ('p5', 'p6')", row(null, null, null, 0L, 2L));
            assertRows("SELECT SUM(age), MAX(age) FROM people WHERE pk IN ('p1', 'p5', 'p6')", row(31, 31));
        }

        @Test
        void minAndMaxOfMixedTypesFollowTheTotalOrder() {
            // Numbers sort before strings.
            assertRows("SELECT MIN(age), MAX(age), MIN(city), MAX(city) FROM people", row(25, "old", 7, "Santos"));
        }

        @Test
        void aggregatesBesideACountOfDistinctValues() {
            assertRows("SELECT COUNT(DISTINCT age), SUM(score), MIN(age), MAX(city) FROM people",
                    row(4L, 19, 25, "Santos"));
        }

        @Test
        void sumOfANonNumberIsAnErrorNamingTheAttribute() {
            String message = failure(ErrorCode.VALIDATION_ERROR, () -> query("SELECT SUM(age) FROM people"))
                    .getMessage();
            assertThat(message).contains("Attribute 'age' holds a string (S) where a number (N) is needed");
            failure(ErrorCode.VALIDATION_ERROR, () -> query("SELECT city, AVG(age) FROM people GROUP BY city"));
        }

        @Test
        void windowAggregatesOfUndeclaredValues() {
            assertRows("SELECT pk, SUM(age) OVER (PARTITION BY city) FROM people WHERE pk IN ('p2', 'p3')"
                    + " ORDER BY pk", row("p2", 65), row("p3", 65));
            assertRows("SELECT pk, MIN(age) OVER (), MAX(age) OVER () FROM people WHERE pk IN ('p1', 'p4')"
                    + " ORDER BY pk", row("p1", 31, "old"), row("p4", 31, "old"));
        }
    }

    @Nested
    class Comparisons {

        @Test
        void valuesOfAnotherTypeAreNotComparableAndFilteredOutLikeNull() {
            // p4's 'old' is neither greater nor smaller than 30; p5 and p6 have no age.
            assertThat(keys("SELECT pk FROM people WHERE age > 30 ORDER BY pk")).containsExactly("p1", "p3");
            assertThat(keys("SELECT pk FROM people WHERE NOT (age > 30) ORDER BY pk")).containsExactly("p2");
            assertThat(keys("SELECT pk FROM people WHERE age <> 31 ORDER BY pk")).containsExactly("p2", "p3");
            assertThat(keys("SELECT pk FROM people WHERE age BETWEEN 20 AND 35 ORDER BY pk"))
                    .containsExactly("p1", "p2");
            assertThat(keys("SELECT pk FROM people WHERE age IN (25, 40, 'old') ORDER BY pk"))
                    .containsExactly("p2", "p3", "p4");
            assertThat(keys("SELECT pk FROM people WHERE age NOT IN (25, 40) ORDER BY pk")).containsExactly("p1");
        }

        @Test
        void numbersCompareNumericallyAtAnyScale() {
            assertThat(keys("SELECT pk FROM people WHERE age = 31.0")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE age = 3.1E1")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE age < 25.5")).containsExactly("p2");
            assertThat(keys("SELECT pk FROM people WHERE city = 7")).containsExactly("p4");
        }

        @Test
        void stringsBooleansAndBinariesCompareWithinTheirType() {
            assertThat(keys("SELECT pk FROM people WHERE city = 'Rio' ORDER BY pk")).containsExactly("p2", "p3");
            assertThat(keys("SELECT pk FROM people WHERE age = 'old'")).containsExactly("p4");
            assertThat(keys("SELECT pk FROM people WHERE city > 'S'")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE active = TRUE")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE active < TRUE")).containsExactly("p2");
            assertThat(keys("SELECT pk FROM people WHERE active IS TRUE")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE badge = X'0102'")).containsExactly("p1");
            assertThat(keys("SELECT pk FROM people WHERE badge > X'01'")).containsExactly("p1");
        }

        @Test
        void undeclaredAttributesCompareWithEachOtherAndWithDeclaredColumns() {
            assertThat(keys("SELECT pk FROM people WHERE age > score ORDER BY pk")).containsExactly("p1", "p2", "p3");
            update("INSERT INTO people (pk, name, nick) VALUES ('p7', 'Gus', 'Gus')");
            assertThat(keys("SELECT pk FROM people WHERE nick = name")).containsExactly("p7");
            assertThat(keys("SELECT a.pk FROM people a JOIN people b ON a.age = b.score")).isEmpty();
            assertRows("SELECT a.pk, b.pk FROM people a JOIN people b ON a.age = b.age ORDER BY a.pk",
                    row("p1", "p1"), row("p2", "p2"), row("p3", "p3"), row("p4", "p4"));
        }

        @Test
        void parametersCompareByTheirRunTimeType() {
            assertThat(keys("SELECT pk FROM people WHERE age > ? ORDER BY pk", 30)).containsExactly("p1", "p3");
            assertThat(keys("SELECT pk FROM people WHERE age > ? ORDER BY pk", new BigDecimal("39.5")))
                    .containsExactly("p3");
            assertThat(keys("SELECT pk FROM people WHERE age > ?", "a")).containsExactly("p4");
        }

        @Test
        void isDistinctFromIsNeverUnknown() {
            assertThat(keys("SELECT pk FROM people WHERE age IS DISTINCT FROM 31 ORDER BY pk"))
                    .containsExactly("p2", "p3", "p4", "p5", "p6");
            assertThat(keys("SELECT pk FROM people WHERE age IS NOT DISTINCT FROM NULL ORDER BY pk"))
                    .containsExactly("p5", "p6");
        }

        @Test
        void stringsCompareByCodePointAsKeysDo() {
            // U+1F600 is above U+FFFD as a code point, below it as UTF-16 units.
            put("{\"pk\":{\"S\":\"e1\"},\"mark\":{\"S\":\"\uD83D\uDE00\"}}");
            put("{\"pk\":{\"S\":\"e2\"},\"mark\":{\"S\":\"\uFFFD\"}}");
            assertThat(keys("SELECT pk FROM people WHERE mark > ?", "\uFFFD")).containsExactly("e1");
            assertThat(keys("SELECT pk FROM people WHERE mark IS NOT NULL ORDER BY mark")).containsExactly("e2", "e1");
        }

        @Test
        void listsMapsAndSetsAreEqualByValueButHaveNoOrder() {
            put("""
                    {"pk":{"S":"c1"},"l":{"L":[{"N":"1"},{"S":"a"}]},"l2":{"L":[{"N":"1.0"},{"S":"a"}]},
                     "s":{"SS":["a","b"]},"s2":{"SS":["b","a"]},"m":{"M":{"x":{"N":"1"}}},"m2":{"M":{"x":{"N":"2"}}}}""");
            assertThat(keys("SELECT pk FROM people WHERE l = l2 AND s = s2 AND m <> m2")).containsExactly("c1");
            assertThat(keys("SELECT pk FROM people WHERE l < l2 OR l >= l2 OR s < s2 OR m > m2 OR l = s")).isEmpty();
        }

        @Test
        void updatesAndDeletesFilterByTheSameRules() {
            assertThat(update("UPDATE people SET seen = TRUE WHERE age >= 40 OR city = 'Santos'")).isEqualTo(2);
            assertThat(keys("SELECT pk FROM people WHERE seen = TRUE ORDER BY pk")).containsExactly("p1", "p3");
            assertThat(update("DELETE FROM people WHERE age < 30")).isEqualTo(1);
            assertThat(keys("SELECT pk FROM people ORDER BY pk")).containsExactly("p1", "p3", "p4", "p5", "p6");
        }

        @Test
        void likeMatchesStringsOnly() {
            assertThat(keys("SELECT pk FROM people WHERE city LIKE 'R%' ORDER BY pk")).containsExactly("p2", "p3");
            assertThat(keys("SELECT pk FROM people WHERE city NOT LIKE 'R%' ORDER BY pk")).containsExactly("p1");
        }
    }

    @Nested
    class Arithmetic {

        @Test
        void arithmeticOnUndeclaredNumbersNeedsNoCast() {
            assertRows("SELECT age + 1, -age, age * score, age / 2, age - 0.5, MOD(age, 7) FROM people WHERE pk = 'p1'",
                    row(32, -31, 155, 15.5, 30.5, 3));
            assertRows("SELECT age + 1 FROM people WHERE pk IN ('p5', 'p6')", row((Object) null), row((Object) null));
        }

        @Test
        void arithmeticResultsAreDecimals() {
            SqlResult result = session.prepare("SELECT age + 1 AS older FROM people WHERE pk = 'p1'").execute(List.of());
            assertThat(((SqlResult.Rows) result).columns().get(0).typeName()).isEqualTo("DECIMAL");
        }

        @Test
        void aNonNumberIsAnErrorNamingTheAttribute() {
            assertThat(failure(ErrorCode.VALIDATION_ERROR,
                    () -> query("SELECT age + 1 FROM people WHERE pk = 'p4'")).getMessage())
                    .contains("Attribute 'age' holds a string (S) where a number (N) is needed");
            assertThat(failure(ErrorCode.VALIDATION_ERROR,
                    () -> query("SELECT -city FROM people WHERE pk = 'p1'")).getMessage())
                    .contains("Attribute 'city' holds a string (S) where a number (N) is needed");
            assertThat(failure(ErrorCode.VALIDATION_ERROR,
                    () -> query("SELECT score + ? FROM people WHERE pk = 'p1'", "x")).getMessage())
                    .contains("Parameter 1 holds a string (S) where a number (N) is needed");
        }

        @Test
        void aFailedUpdateChangesNothing() {
            Item before = stored("p1");
            assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> update("UPDATE people SET score = score + age"))
                    .getMessage()).contains("Attribute 'age' holds a string (S)");
            assertThat(stored("p1")).isEqualTo(before);
            assertThat(stored("p4").get("score")).isEqualTo(Item.builder().n("s", 1).build().get("s"));
        }

        @Test
        void updatesComputeWithUndeclaredNumbers() {
            assertThat(update("UPDATE people SET score = score + age WHERE age > 30")).isEqualTo(2);
            assertThat(stored("p1").get("score")).isEqualTo(Item.builder().n("s", 36).build().get("s"));
            assertThat(stored("p3").get("score")).isEqualTo(Item.builder().n("s", 46).build().get("s"));
            assertThat(stored("p4").get("score")).isEqualTo(Item.builder().n("s", 1).build().get("s"));
        }
    }

    @Nested
    class OrderBy {

        @Test
        void numbersSortNumericallyAndOtherTypesAfterThem() {
            // ASC puts NULL and missing values last, DESC first, unless NULLS FIRST/LAST says otherwise.
            assertThat(keys("SELECT pk FROM people ORDER BY age, pk")).containsExactly("p2", "p1", "p3", "p4", "p5", "p6");
            assertThat(keys("SELECT pk FROM people ORDER BY age DESC, pk"))
                    .containsExactly("p5", "p6", "p4", "p3", "p1", "p2");
            assertThat(keys("SELECT pk FROM people ORDER BY age NULLS FIRST, pk"))
                    .containsExactly("p5", "p6", "p2", "p1", "p3", "p4");
            assertThat(keys("SELECT pk FROM people ORDER BY age LIMIT 2")).containsExactly("p2", "p1");
        }

        @Test
        void orderByASelectedUndeclaredAttribute() {
            assertRows("SELECT pk, city FROM people WHERE city IS NOT NULL ORDER BY city, pk",
                    row("p4", 7), row("p2", "Rio"), row("p3", "Rio"), row("p1", "Santos"));
            assertRows("SELECT DISTINCT city FROM people WHERE city IS NOT NULL ORDER BY 1 DESC",
                    row("Santos"), row("Rio"), row(7));
        }

        @Test
        void everyTypeHasItsPlaceInTheTotalOrder() {
            update("CREATE TABLE mixed (pk VARCHAR, PRIMARY KEY (pk))");
            String[] values = {"{\"M\":{\"a\":{\"N\":\"1\"}}}", "{\"S\":\"b\"}", "{\"L\":[{\"N\":\"1\"}]}",
                "{\"BOOL\":true}", "{\"N\":\"10\"}", "{\"SS\":[\"x\"]}", "{\"B\":\"AQ==\"}", "{\"N\":\"2\"}",
                "{\"S\":\"a\"}", "{\"BOOL\":false}"};
            for (int i = 0; i < values.length; i++) {
                engine.put(PutItem.of("mixed", ItemJson.readItem("{\"pk\":{\"S\":\"k" + i + "\"},\"v\":" + values[i] + "}")));
            }
            assertRows("SELECT v FROM mixed ORDER BY v", row(false), row(true), row(2), row(10), row("a"), row("b"),
                    row((Object) new byte[] {1}), row(List.of(1)), row(Map.of("a", 1)), row(Set.of("x")));
            assertRows("SELECT MIN(v), MAX(v) FROM mixed", row(false, Set.of("x")));
        }
    }

    @Nested
    class Functions {

        @Test
        void functionsTakeUndeclaredValuesOfTheRightType() {
            assertRows("SELECT UPPER(city), CHAR_LENGTH(city), SUBSTRING(city FROM 2), city || '!', ABS(-age),"
                    + " TRIM(BOTH 'S' FROM city) FROM people WHERE pk = 'p1'",
                    row("SANTOS", 6, "antos", "Santos!", 31, "antos"));
        }

        @Test
        void aValueOfAnotherTypeIsAnErrorNamingTheAttribute() {
            assertThat(failure(ErrorCode.VALIDATION_ERROR,
                    () -> query("SELECT UPPER(city) FROM people WHERE pk = 'p4'")).getMessage())
                    .contains("Attribute 'city' holds a number (N) where a string (S) is needed");
            assertThat(failure(ErrorCode.VALIDATION_ERROR,
                    () -> query("SELECT ABS(age) FROM people WHERE pk = 'p4'")).getMessage())
                    .contains("Attribute 'age' holds a string (S) where a number (N) is needed");
        }
    }

    @Nested
    class AccessPaths {

        @Test
        void keyConditionsStillChooseTheKeyPathAndTheRestFilters() {
            String plan = explain("SELECT name FROM people WHERE pk = 'p1' AND age > 30");
            assertThat(plan).contains("point get: partition key = 'p1'").contains("VALUE_GT(");
            assertThat(keys("SELECT pk FROM people WHERE pk = 'p1' AND age > 30")).containsExactly("p1");
            assertThat(explain("SELECT name FROM people WHERE pk = ?")).contains("point get: partition key = ?0");
        }

        @Test
        void conditionsOnUndeclaredAttributesFilterAFullScan() {
            String plan = explain("SELECT name FROM people WHERE age + 1 > 30 AND city = 'Rio'");
            assertThat(plan).contains("SkiffTableScan").doesNotContain("point get")
                    .contains("NUMBER_VALUE(").contains("VALUE_EQ(").contains("decode=[[age, city, name]]");
        }
    }
}
