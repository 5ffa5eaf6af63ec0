package io.skiff.parser.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Path;
import io.skiff.core.value.AttributeValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds expected trees in tests (positions are ignored by {@link #assertSameTree}) and compares them. */
final class Ast {

    static final Position P = new Position(1, 1);

    private Ast() {
    }

    /** Asserts that two trees are equal apart from their positions. */
    static void assertSameTree(Object actual, Object expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFieldsOfTypes(Position.class).isEqualTo(expected);
    }

    static Statement parse(String text) {
        return StatementParser.parse(text);
    }

    /** The WHERE condition of {@code SELECT * FROM t WHERE <condition>}. */
    static Expr where(String condition) {
        return ((Statement.Select) parse("SELECT * FROM t WHERE " + condition)).where().orElseThrow();
    }

    /** The value of {@code UPDATE t SET x = <value> WHERE pk = 1}. */
    static Expr setValue(String value) {
        var update = (Statement.Update) parse("UPDATE t SET x = " + value + " WHERE pk = 1");
        return ((Statement.Update.Set) update.actions().get(0)).value();
    }

    static TableRef table(String name) {
        return new TableRef(name, Optional.empty(), P);
    }

    static Expr.PathRef path(String text) {
        return new Expr.PathRef(Path.parse(text), P);
    }

    static Expr.PathRef path(Path path) {
        return new Expr.PathRef(path, P);
    }

    static Expr.Literal lit(AttributeValue value) {
        return new Expr.Literal(value, P);
    }

    static Expr.Literal s(String value) {
        return lit(AttributeValue.s(value));
    }

    static Expr.Literal n(String text) {
        return lit(AttributeValue.n(text));
    }

    static Expr.Parameter param(int index) {
        return new Expr.Parameter(index, P);
    }

    static Expr.Comparison cmp(Expr left, ComparisonOperator operator, Expr right) {
        return new Expr.Comparison(left, operator, right, P);
    }

    static Expr.Comparison eq(Expr left, Expr right) {
        return cmp(left, ComparisonOperator.EQ, right);
    }

    static Expr.And and(Expr... operands) {
        return new Expr.And(Arrays.asList(operands), P);
    }

    static Expr.Or or(Expr... operands) {
        return new Expr.Or(Arrays.asList(operands), P);
    }

    static Expr.Not not(Expr operand) {
        return new Expr.Not(operand, P);
    }

    static Expr.Call call(PartiQLFunction function, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments), P);
    }

    static Expr.Arithmetic plus(Expr left, Expr right) {
        return new Expr.Arithmetic(left, ArithmeticOperator.PLUS, right, P);
    }

    static Expr.Arithmetic minus(Expr left, Expr right) {
        return new Expr.Arithmetic(left, ArithmeticOperator.MINUS, right, P);
    }

    static Expr.Field field(String name, Expr value) {
        return new Expr.Field(name, value, P);
    }
}
