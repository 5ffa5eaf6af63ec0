package io.skiff.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.sql.api.ColumnInfo;
import io.skiff.sql.api.ParameterInfo;
import io.skiff.sql.api.SqlStatement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?} marker inside an ORDER BY expression, the JDBC form of a nearest-neighbour query
 * ({@code SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 10}): it answers what the form with the
 * distance named in the select list answers, returns only the columns it names, and binds its
 * markers in the order of the text.
 */
class OrderByMarkersTest extends SqlFixture {

    private final Random random = new Random(23);

    @BeforeEach
    void fillDocs() {
        update("CREATE TABLE docs (pk VARCHAR, n INTEGER, PRIMARY KEY (pk))");
        SqlStatement insert = session.prepare("INSERT INTO docs (pk, n, v) VALUES (?, ?, ?)");
        List<List<Object>> batch = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // Every tenth document has no vector: its distance is NULL.
            batch.add(Arrays.asList("d" + i, random.nextInt(40), i % 10 == 0 ? null : randomVector()));
        }
        insert.executeBatch(batch);
    }

    private List<Object> randomVector() {
        List<Object> vector = new ArrayList<>();
        for (int d = 0; d < 4; d++) {
            vector.add(BigDecimal.valueOf(random.nextGaussian()));
        }
        return vector;
    }

    /**
     * Runs {@code direct} and {@code named}, the same query with each ORDER BY distance named in
     * its select list (the last columns), and checks they return the same rows and columns.
     */
    private void assertSameAnswer(String direct, List<Object> directValues, String named, List<Object> namedValues) {
        List<ColumnInfo> columns = session.prepare(direct).columns();
        List<ColumnInfo> namedColumns = session.prepare(named).columns();
        assertThat(columns).as(direct).isEqualTo(namedColumns.subList(0, columns.size()));
        List<List<Object>> expected = new ArrayList<>();
        for (List<Object> row : query(named, namedValues.toArray())) {
            expected.add(row.subList(0, columns.size()));
        }
        assertThat(query(direct, directValues.toArray())).as("%s with %s", direct, directValues)
                .isNotEmpty().isEqualTo(expected);
    }

    @Test
    void answersAsTheDistanceNamedInTheSelectListDoesOnRandomData() {
        for (int i = 0; i < 8; i++) {
            List<Object> target = randomVector();
            int bound = random.nextInt(30);
            assertSameAnswer("SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 10", List.of(target),
                    "SELECT pk, cosine(v, ?) AS d FROM docs ORDER BY d LIMIT 10", List.of(target));
            assertSameAnswer("SELECT pk FROM docs ORDER BY euclidean(v, ?) DESC NULLS FIRST, pk LIMIT 60",
                    List.of(target),
                    "SELECT pk, euclidean(v, ?) AS d FROM docs ORDER BY d DESC NULLS FIRST, pk LIMIT 60",
                    List.of(target));
            // Markers before, inside and after the ORDER BY: values bind in the order of the text.
            assertSameAnswer("SELECT pk, n FROM docs WHERE n > ? ORDER BY cosine(v, ?) NULLS LAST, pk LIMIT ? OFFSET ?",
                    List.of(bound, target, 7, 3),
                    "SELECT pk, n, cosine(v, ?) AS d FROM docs WHERE n > ? ORDER BY d NULLS LAST, pk LIMIT ? OFFSET ?",
                    List.of(target, bound, 7, 3));
            assertSameAnswer("SELECT pk FROM docs ORDER BY n, cosine(v, ?) DESC, pk OFFSET 5 ROWS FETCH NEXT 20 ROWS"
                            + " ONLY", List.of(target),
                    "SELECT pk, cosine(v, ?) AS d FROM docs ORDER BY n, d DESC, pk OFFSET 5 ROWS FETCH NEXT 20 ROWS"
                            + " ONLY", List.of(target));
        }
    }

    @Test
    void withoutALimitEveryRowIsSorted() {
        List<Object> target = randomVector();
        String sql = "SELECT pk FROM docs ORDER BY cosine(v, ?), pk";
        assertThat(explain(sql)).contains("EnumerableSort").doesNotContain("EnumerableLimitSort");
        assertSameAnswer(sql, List.of(target), "SELECT pk, cosine(v, ?) AS d FROM docs ORDER BY d, pk",
                List.of(target));
        assertThat(query(sql, target)).hasSize(400);
    }

    @Test
    void selectStarReturnsTheTableColumnsOnly() {
        List<Object> target = randomVector();
        String sql = "SELECT * FROM docs ORDER BY cosine(v, ?) LIMIT 5";
        assertThat(session.prepare(sql).columns()).isEqualTo(session.prepare("SELECT * FROM docs").columns());
        assertSameAnswer(sql, List.of(target), "SELECT *, cosine(v, ?) AS d FROM docs ORDER BY d LIMIT 5",
                List.of(target));
    }

    @Test
    void parameterTypesFollowTheMarkersInTheText() {
        List<String> around = typeNames("SELECT pk FROM docs WHERE n > ? LIMIT ? OFFSET ?");
        List<String> types = typeNames("SELECT pk FROM docs WHERE n > ? ORDER BY cosine(v, ?) DESC, pk LIMIT ? OFFSET ?");
        assertThat(types).containsExactly(around.get(0), "ANY", around.get(1), around.get(2));
        assertThat(around.get(0)).isNotEqualTo("ANY");
        assertThat(around.get(1)).isEqualTo("INTEGER");
        List<ParameterInfo> parameters = session.prepare("SELECT pk FROM docs WHERE n > ? ORDER BY cosine(v, ?)")
                .parameters();
        assertThat(parameters.get(1).jdbcType()).isEqualTo(java.sql.Types.JAVA_OBJECT);
    }

    private List<String> typeNames(String sql) {
        return session.prepare(sql).parameters().stream().map(ParameterInfo::typeName).toList();
    }

    @Test
    void selectAliasesAndAggregatesMayStandInTheOrderByExpression() {
        // In ORDER BY, m names the select item n + 1, not a column.
        assertSameAnswer("SELECT pk, n + 1 AS m FROM docs ORDER BY m * ? DESC, pk", List.of(3),
                "SELECT pk, n + 1 AS m, (n + 1) * ? AS d FROM docs ORDER BY d DESC, pk", List.of(3));
        assertSameAnswer("SELECT n FROM docs GROUP BY n ORDER BY COUNT(*) * ? DESC, n", List.of(2),
                "SELECT n, COUNT(*) * ? AS d FROM docs GROUP BY n ORDER BY d DESC, n", List.of(2));
        // The body of WITH is the outermost query (undeclared attributes are not resolved under WITH).
        assertSameAnswer("WITH small AS (SELECT pk, n FROM docs WHERE n < 20) SELECT small.pk FROM small JOIN docs"
                        + " ON small.pk = docs.pk ORDER BY ABS(docs.n - ?), small.pk LIMIT 10", List.of(9),
                "WITH small AS (SELECT pk, n FROM docs WHERE n < 20) SELECT small.pk, ABS(docs.n - ?) AS d FROM small"
                        + " JOIN docs ON small.pk = docs.pk ORDER BY d, small.pk LIMIT 10", List.of(9));
    }

    @Test
    void theOrderByOfAUnionTakesMarkersToo() {
        String union = "SELECT pk FROM docs WHERE n < 10 UNION SELECT pk FROM docs WHERE n > 30";
        assertSameAnswer(union + " ORDER BY levenshtein(pk, ?), pk", List.of("d17"),
                "SELECT pk, levenshtein(pk, ?) AS d FROM (" + union + ") ORDER BY d, pk", List.of("d17"));
    }

    @Test
    void theShapesItCannotServeFailWithAClearError() {
        // A sub-query's columns would change if its sort key joined them.
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.prepare(
                "SELECT * FROM (SELECT pk FROM docs ORDER BY cosine(v, ?) LIMIT 2)")))
                .hasMessageContaining("sub-query").hasMessageContaining("order by its name");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.prepare(
                "INSERT INTO docs (pk) SELECT pk || 'x' FROM docs ORDER BY cosine(v, ?) LIMIT 1")))
                .hasMessageContaining("INSERT");
        // A marker whose type nothing implies fails as it does in the select list, at its place.
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.prepare("SELECT pk FROM docs ORDER BY pk || ?")))
                .hasMessageContaining("Illegal use of dynamic parameter at line 1, column 36");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.prepare(
                "SELECT pk, pk || ? AS d FROM docs ORDER BY d"))).hasMessageContaining("Illegal use of dynamic parameter");
        // DISTINCT rows are sorted by what they hold, as without a marker.
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.prepare(
                "SELECT DISTINCT pk FROM docs ORDER BY cosine(v, ?)"))).hasMessageContaining("not in the select clause");
    }
}
