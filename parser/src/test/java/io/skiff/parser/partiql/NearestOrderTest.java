package io.skiff.parser.partiql;

import static io.skiff.parser.partiql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Skiff's {@code ORDER BY distance(path, value) LIMIT k} and the {@code /*+ EXACT *}{@code /} hint. */
class NearestOrderTest {

    private static final Set<String> DISTANCES = Set.of("cosine", "jaccard", "levenshtein");

    private static Statement.Select select(String text) {
        return (Statement.Select) StatementParser.parse(text, DISTANCES);
    }

    @Test
    void orderByADistanceWithLimitIsANearestOrder() {
        Statement.Select select = select("SELECT /*+ EXACT */ pk FROM docs WHERE kind = ?"
                + " ORDER BY cosine(embedding, ?) ASC LIMIT ?");

        NearestOrder nearest = select.nearest().orElseThrow();
        Expr.NamedCall distance = new Expr.NamedCall("cosine", List.of(path("embedding"), param(1)), P);
        assertSameTree(nearest, new NearestOrder(distance, path("embedding"), param(1), param(2), P));
        assertThat(nearest.operator()).isEqualTo("cosine");
        assertThat(select.orderBy()).isEmpty();
        assertThat(select.hints()).containsExactly("exact");
        assertThat(select.parameterCount()).isEqualTo(3);
        assertThat(nearest.position()).isEqualTo(new Position(1, 58));
    }

    @Test
    void theTargetMayComeFirstAndBeALiteral() {
        NearestOrder nearest = select("SELECT * FROM docs ORDER BY jaccard(['a', 'b'], tags) LIMIT 5").nearest()
                .orElseThrow();

        assertSameTree(nearest.attribute(), path("tags"));
        assertSameTree(nearest.target(), lit(AttributeValue.l(List.of(AttributeValue.s("a"), AttributeValue.s("b")))));
        assertSameTree(nearest.count(), n("5"));
    }

    @Test
    void dynamoDbStatementsHaveNoNearestOrderAndNoHints() {
        Statement.Select select = select("SELECT * FROM t WHERE pk = 1 ORDER BY sk DESC");

        assertThat(select.nearest()).isEmpty();
        assertThat(select.hints()).isEmpty();
        assertSameTree(select, new Statement.Select(List.of(), table("t"), Optional.of(eq(path("pk"), n("1"))),
                List.of(new OrderItem(path("sk"), true, P)), P));
        assertThat(select("SELECT limit FROM t WHERE limit = 1").projection()).hasSize(1);
    }

    @Test
    void hintsAreReadOnlyRightAfterSelect() {
        assertThat(select("SELECT /*+ exact, NO_INDEX */ /* note */ * FROM t").hints())
                .containsExactlyInAnyOrder("exact", "no_index");
        assertThat(select("SELECT /* EXACT */ * FROM t").hints()).isEmpty();
        assertThat(select("SELECT -- /*+ EXACT */\n * FROM t").hints()).isEmpty();
        assertThat(select("SELECT * /*+ EXACT */ FROM t").hints()).isEmpty();
        assertThat(select("SELECT/*+EXACT*/* FROM t").hints()).containsExactly("exact");
    }

    @Test
    void thePrinterWritesItBackSoThatItParsesToTheSameTree() {
        for (String text : List.of("SELECT /*+ EXACT */ pk FROM docs WHERE kind = ? ORDER BY cosine(embedding, ?) LIMIT ?",
                "SELECT * FROM docs ORDER BY jaccard(['a'], tags) LIMIT 5")) {
            Statement.Select select = select(text);
            assertSameTree(select(StatementPrinter.print(select)), select);
        }
        assertThat(StatementPrinter.print(select("select /*+ exact */ * from d order by cosine(v, ?) limit 3")))
                .isEqualTo("SELECT /*+ EXACT */ * FROM d ORDER BY cosine(v, ?) LIMIT 3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t ORDER BY cosine(v, ?) DESC LIMIT 3    | 39 | accepts ASC only",
            "SELECT * FROM t ORDER BY a, cosine(v, ?) LIMIT 3      | 29 | takes that one item only",
            "SELECT * FROM t ORDER BY cosine(v, ?), a LIMIT 3      | 40 | takes that one item only",
            "SELECT * FROM t ORDER BY cosine(v, ?) LIMIT 0         | 45 | a whole number from 1 to 10000; found the value 0",
            "SELECT * FROM t ORDER BY cosine(v, ?) LIMIT -1        | 45 | a whole number from 1 to 10000",
            "SELECT * FROM t ORDER BY cosine(v, ?) LIMIT 1.5       | 45 | a whole number from 1 to 10000",
            "SELECT * FROM t ORDER BY cosine(v, ?) LIMIT 10001     | 45 | a whole number from 1 to 10000",
            "SELECT * FROM t ORDER BY cosine(v, ?) LIMIT 'x'       | 45 | a whole number from 1 to 10000",
            "SELECT * FROM t LIMIT 5                               | 17 | LIMIT is supported only after ORDER BY a distance function",
            "SELECT * FROM t WHERE pk = 1 ORDER BY sk LIMIT 5      | 42 | LIMIT is supported only after ORDER BY a distance function",
            "SELECT * FROM t ORDER BY size(a) LIMIT 5              | 26 | ORDER BY accepts key attributes, or one distance function",
            "SELECT * FROM t ORDER BY 'x' LIMIT 5                  | 26 | ORDER BY accepts key attributes, or one distance function",
            "SELECT * FROM t ORDER BY foo(v, ?) LIMIT 5            | 26 | Unknown function 'foo'",
            "SELECT * FROM t ORDER BY cosine(v, ?)                 | 26 | needs LIMIT k",
            "SELECT * FROM t ORDER BY cosine(v, w) LIMIT 2         | 26 | measures from an attribute to a value",
            "SELECT * FROM t ORDER BY cosine(v, ? + 1) LIMIT 2     | 26 | measures from an attribute to a value",
            "SELECT * FROM t ORDER BY cosine(v) LIMIT 2            | 26 | cosine takes 2 arguments but was given 1",
            "SELECT * FROM t WHERE EXISTS(SELECT * FROM u ORDER BY cosine(v, ?) LIMIT 1) | 55 | not supported inside EXISTS",
    })
    void badShapesAreValidationErrorsAtTheirConstruct(String statement, int column, String message) {
        assertThatThrownBy(() -> StatementParser.parse(statement, DISTANCES))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).as("line").isEqualTo(1);
                    assertThat(e.column()).as("column").isEqualTo(column);
                });
    }

    @Test
    void limitInWritesStaysASyntaxErrorThatNamesTheAllowedShape() {
        assertThatThrownBy(() -> StatementParser.parse("DELETE FROM t WHERE pk = 1 LIMIT 1", DISTANCES))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).contains("ORDER BY distance(path, value) LIMIT k");
                    assertThat(e.column()).isEqualTo(28);
                });
    }
}
