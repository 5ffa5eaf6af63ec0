package io.skiff.parser.partiql;

import static io.skiff.parser.partiql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectStatementTest {

    @Test
    void theTreeComparisonOfTheseTestsSeesDifferences() {
        assertThatThrownBy(() -> assertSameTree(where("a = 1"), eq(path("a"), n("2"))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertSameTree(where("a = 1"), eq(path("b"), n("1"))))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertSameTree(where("a = ?"), eq(path("a"), param(1))))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void selectStarFromAnUnquotedTable() {
        assertSameTree(parse("SELECT * FROM Users"),
                new Statement.Select(List.of(), table("Users"), Optional.empty(), List.of(), P));
        assertThat(((Statement.Select) parse("SELECT * FROM Users")).selectsAll()).isTrue();
    }

    @Test
    void documentedQueryOnThePartitionKey() {
        Statement statement = parse("SELECT OrderID, Total FROM \"Orders\" WHERE OrderID = 1");

        assertSameTree(statement, new Statement.Select(List.of(path("OrderID"), path("Total")), table("Orders"),
                Optional.of(eq(path("OrderID"), n("1"))), List.of(), P));
    }

    @Test
    void documentedInListAndOrderBy() {
        Statement statement = parse("SELECT OrderID, Total FROM \"Orders\" WHERE OrderID IN [1, 2, 3]"
                + " ORDER BY OrderID DESC");

        assertSameTree(statement, new Statement.Select(List.of(path("OrderID"), path("Total")), table("Orders"),
                Optional.of(new Expr.In(path("OrderID"), List.of(n("1"), n("2"), n("3")), P)),
                List.of(new OrderItem(path("OrderID"), true, P)), P));
    }

    @Test
    void anIndexIsNamedAfterTheTable() {
        var select = (Statement.Select) parse("SELECT * FROM \"Orders\".\"CustomerIndex\" WHERE CustomerID = ?");

        assertThat(select.table().table()).isEqualTo("Orders");
        assertThat(select.table().index()).contains("CustomerIndex");
        assertThat(select.parameterCount()).isEqualTo(1);
    }

    @Test
    void documentedNestedPathProjection() {
        var select = (Statement.Select) parse("SELECT Devices.FireStick.DateWatched[0] FROM WatchList"
                + " WHERE CustomerID= 'C1' AND MovieID= 'M1'");

        assertThat(select.projection()).extracting(Expr.PathRef::path)
                .containsExactly(Path.attribute("Devices").child("FireStick").child("DateWatched").index(0));
        assertSameTree(select.where().orElseThrow(),
                and(eq(path("CustomerID"), s("C1")), eq(path("MovieID"), s("M1"))));
    }

    @Test
    void quotedNamesKeepTheirCaseAndAnyCharacter() {
        var select = (Statement.Select) parse("SELECT \"odd name\".x, \"a.b\", \"say \"\"hi\"\"\", \"ÜBER\" FROM"
                + " \"my-table.v2\" WHERE \"Select\" = 1");

        assertThat(select.projection()).extracting(Expr.PathRef::path).containsExactly(
                Path.attribute("odd name").child("x"), Path.attribute("a.b"), Path.attribute("say \"hi\""),
                Path.attribute("ÜBER"));
        assertThat(select.table().table()).isEqualTo("my-table.v2");
        assertSameTree(select.where().orElseThrow(), eq(path(Path.attribute("Select")), n("1")));
    }

    @Test
    void keywordsAreCaseInsensitiveButNamesAreNot() {
        Statement lower = parse("select a from Users where A = 1 order by a asc");
        Statement upper = parse("SELECT a FROM Users WHERE A = 1 ORDER BY a ASC");
        Statement mixed = parse("SeLeCt a FrOm Users WhErE A = 1 oRdEr By a AsC");

        assertSameTree(lower, upper);
        assertSameTree(mixed, upper);
        assertThat(((Statement.Select) upper).table().table()).isEqualTo("Users");
        assertSameTree(((Statement.Select) upper).where().orElseThrow(), eq(path("A"), n("1")));
    }

    @Test
    void orderByDefaultsToAscending() {
        var select = (Statement.Select) parse("SELECT * FROM t WHERE pk = 1 ORDER BY sk, \"other\".x DESC");

        assertSameTree(select.orderBy(), List.of(new OrderItem(path("sk"), false, P),
                new OrderItem(path("other.x"), true, P)));
    }

    @Test
    void commentsAndLineBreaksAreIgnored() {
        Statement statement = parse("""
                -- all orders of one customer
                SELECT * /* every attribute */
                FROM "Orders"
                WHERE OrderID = 1 -- the key
                """);

        assertSameTree(statement, parse("SELECT * FROM Orders WHERE OrderID = 1"));
    }

    @Test
    void aTrailingSemicolonIsAccepted() {
        assertSameTree(parse("SELECT * FROM t;"), parse("SELECT * FROM t"));
    }

    @Test
    void documentedPredicatesAndFunctions() {
        assertSameTree(where("\"Address\" IS NOT MISSING"),
                new Expr.Is(path("Address"), Expr.Is.Kind.MISSING, true, P));
        assertSameTree(where("a IS NULL"), new Expr.Is(path("a"), Expr.Is.Kind.NULL, false, P));
        assertSameTree(where("attribute_type(\"Address\", 'S')"),
                call(PartiQLFunction.ATTRIBUTE_TYPE, path("Address"), s("S")));
        assertSameTree(where("begins_with(\"Address\", '7834 24th')"),
                call(PartiQLFunction.BEGINS_WITH, path("Address"), s("7834 24th")));
        assertSameTree(where("contains(\"Address\", 'Kirkland')"),
                call(PartiQLFunction.CONTAINS, path("Address"), s("Kirkland")));
        assertSameTree(where("size(\"Image\") BETWEEN 500 AND 1000"),
                new Expr.Between(call(PartiQLFunction.SIZE, path("Image")), n("500"), n("1000"), P));
    }

    @Test
    void everyComparisonOperator() {
        assertSameTree(where("a = 1 AND a <> 1 AND a != 1 AND a < 1 AND a <= 1 AND a > 1 AND a >= 1"), and(
                eq(path("a"), n("1")), cmp(path("a"), ComparisonOperator.NE, n("1")),
                cmp(path("a"), ComparisonOperator.NE, n("1")), cmp(path("a"), ComparisonOperator.LT, n("1")),
                cmp(path("a"), ComparisonOperator.LE, n("1")), cmp(path("a"), ComparisonOperator.GT, n("1")),
                cmp(path("a"), ComparisonOperator.GE, n("1"))));
    }

    @Test
    void notBetweenAndNotInNegateThePredicate() {
        assertSameTree(where("a NOT BETWEEN 1 AND 2"), not(new Expr.Between(path("a"), n("1"), n("2"), P)));
        assertSameTree(where("a NOT IN ('x', 'y')"), not(new Expr.In(path("a"), List.of(s("x"), s("y")), P)));
        assertSameTree(where("a IN ('x')"), where("a IN ['x']"));
    }

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        assertSameTree(where("a = 1 OR b = 2 AND NOT c = 3"),
                or(eq(path("a"), n("1")), and(eq(path("b"), n("2")), not(eq(path("c"), n("3"))))));
        assertSameTree(where("(a = 1 OR b = 2) AND c = 3"),
                and(or(eq(path("a"), n("1")), eq(path("b"), n("2"))), eq(path("c"), n("3"))));
    }

    @Test
    void betweenTakesItsOwnAnd() {
        assertSameTree(where("a BETWEEN 1 AND 2 AND b = 3"),
                and(new Expr.Between(path("a"), n("1"), n("2"), P), eq(path("b"), n("3"))));
    }

    @Test
    void parametersAreNumberedInTextOrder() {
        var select = (Statement.Select) parse("SELECT * FROM t WHERE a = ? AND b IN [?, ?] AND c BETWEEN ? AND 5");

        assertSameTree(select.where().orElseThrow(), and(eq(path("a"), param(0)),
                new Expr.In(path("b"), List.of(param(1), param(2)), P),
                new Expr.Between(path("c"), param(3), n("5"), P)));
        assertThat(select.parameterCount()).isEqualTo(4);
    }

    @Test
    void existsSubqueriesContinueTheParameterNumbering() {
        var select = (Statement.Select) parse("SELECT * FROM t WHERE a = ? AND EXISTS(SELECT * FROM u WHERE pk = ?)"
                + " AND b = ?");

        var where = (Expr.And) select.where().orElseThrow();
        var exists = (Expr.Exists) where.operands().get(1);
        assertSameTree(exists.query().where().orElseThrow(), eq(path("pk"), param(1)));
        assertSameTree(where.operands().get(2), eq(path("b"), param(2)));
        assertThat(select.parameterCount()).isEqualTo(3);
    }

    @Test
    void literalsInConditions() {
        assertSameTree(where("a = true OR a = FALSE OR a = null OR a = missing"), or(
                eq(path("a"), lit(AttributeValue.bool(true))), eq(path("a"), lit(AttributeValue.bool(false))),
                eq(path("a"), lit(AttributeValue.nul())), eq(path("a"), new Expr.Missing(P))));
        assertSameTree(where("true"), lit(AttributeValue.bool(true)));
    }
}
