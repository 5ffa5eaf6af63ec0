package io.skiff.parser.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.expr.ArithmeticOperator;
import io.skiff.core.expr.ComparisonOperator;
import io.skiff.core.expr.Path;
import io.skiff.core.expr.PathElement;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Printing a tree and parsing the text gives the same tree back (positions aside), for random
 * trees of every statement kind and expression: the printer and the parser agree on the
 * language, including quoting, escapes, precedence and number formats.
 */
class RoundTripPropertiesTest {

    private static final Position P = new Position(1, 1);

    @Property(tries = 400)
    void parsingPrintedStatementsGivesTheSameTree(@ForAll("statements") Statement statement) {
        String text = StatementPrinter.print(statement);

        Statement parsed = StatementParser.parse(text);

        assertThat(parsed).as(text).usingRecursiveComparison()
                .ignoringFieldsOfTypes(Position.class)
                .withEqualsForType((a, b) -> true, Expr.Parameter.class)
                .isEqualTo(statement);
        assertThat(StatementPrinter.print(parsed)).isEqualTo(text);
        List<Integer> indexes = new ArrayList<>();
        parsed.expressions().forEach(e -> collectParameters(e, indexes));
        assertThat(indexes).as("parameters numbered in text order").isEqualTo(
                java.util.stream.IntStream.range(0, indexes.size()).boxed().toList());
        assertThat(parsed.parameterCount()).isEqualTo(indexes.size());
    }

    private static void collectParameters(Expr expr, List<Integer> indexes) {
        if (expr instanceof Expr.Parameter parameter) {
            indexes.add(parameter.index());
        } else if (expr instanceof Expr.Exists exists) {
            exists.query().expressions().forEach(e -> collectParameters(e, indexes));
        }
        expr.children().forEach(child -> collectParameters(child, indexes));
    }

    // ------------------------------------------------------------------ statements

    @Provide
    Arbitrary<Statement> statements() {
        return Arbitraries.oneOf(select(), insert(), update(), delete(),
                Combinators.combine(select(), Arbitraries.of(true, false))
                        .as((select, negated) -> new Statement.ExistsCheck(select, negated, P)));
    }

    private Arbitrary<Statement.Select> select() {
        Arbitrary<List<Expr.PathRef>> projection = pathRefs().list().ofMaxSize(3);
        Arbitrary<List<OrderItem>> orderBy = Combinators.combine(pathRefs(), Arbitraries.of(true, false))
                .as((path, descending) -> new OrderItem(path, descending, P)).list().ofMaxSize(2);
        return Combinators.combine(projection, table(), condition(2).optional(), orderBy)
                .as((items, table, where, order) -> new Statement.Select(items, table, where, order, P));
    }

    private Arbitrary<Statement> insert() {
        Arbitrary<Expr> constant = map(1).map(value -> new Expr.Literal(value, P));
        Arbitrary<Expr> withParameters = Combinators.combine(names().list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
                        insertable(1).list().ofSize(3))
                .as((names, values) -> {
                    List<Expr.Field> fields = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        fields.add(new Expr.Field(names.get(i), i == 0 ? new Expr.Parameter(0, P) : values.get(i), P));
                    }
                    return new Expr.Struct(fields, P);
                });
        return Combinators.combine(table(), Arbitraries.oneOf(constant, withParameters))
                .as((table, item) -> new Statement.Insert(table, item, P));
    }

    private Arbitrary<Statement> update() {
        // Distinct top-level targets never overlap, which the parser would rightly refuse.
        Arbitrary<List<Statement.Update.Action>> actions = names().list().ofMinSize(1).ofMaxSize(4).uniqueElements()
                .flatMap(names -> {
                    List<Arbitrary<Statement.Update.Action>> each = new ArrayList<>();
                    for (String name : names) {
                        Expr.PathRef target = new Expr.PathRef(Path.attribute(name), P);
                        each.add(Arbitraries.oneOf(
                                setValue().map(value -> new Statement.Update.Set(target, value, P)),
                                Arbitraries.just(new Statement.Update.Remove(target, P))));
                    }
                    return Combinators.combine(each).as(list -> list);
                });
        return Combinators.combine(table(), actions, condition(2), Arbitraries.of(ReturnValues.class))
                .as((table, list, where, returning) -> new Statement.Update(table, list, where, returning, P));
    }

    private Arbitrary<Statement> delete() {
        return Combinators.combine(table(), condition(2), Arbitraries.of(ReturnValues.NONE, ReturnValues.ALL_OLD))
                .as((table, where, returning) -> new Statement.Delete(table, where, returning, P));
    }

    private Arbitrary<TableRef> table() {
        return Combinators.combine(names(), names().optional()).as((table, index) -> new TableRef(table, index, P));
    }

    // ------------------------------------------------------------------ expressions

    private Arbitrary<Expr> condition(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                Combinators.combine(value(1), Arbitraries.of(ComparisonOperator.class), value(1))
                        .as((l, op, r) -> new Expr.Comparison(l, op, r, P)),
                Combinators.combine(pathRefs(), Arbitraries.of(ComparisonOperator.class))
                        .as((l, op) -> new Expr.Comparison(l, op, new Expr.Missing(P), P)),
                Combinators.combine(value(1), value(0), value(0)).as((o, lo, hi) -> new Expr.Between(o, lo, hi, P)),
                Combinators.combine(value(1), value(0).list().ofMinSize(1).ofMaxSize(3))
                        .as((o, list) -> new Expr.In(o, list, P)),
                Combinators.combine(value(1), Arbitraries.of(Expr.Is.Kind.class), Arbitraries.of(true, false))
                        .as((o, kind, negated) -> new Expr.Is(o, kind, negated, P)),
                Combinators.combine(pathRefs(), value(0)).as((p, v) -> call(PartiQLFunction.BEGINS_WITH, p, v)),
                Combinators.combine(pathRefs(), value(0)).as((p, v) -> call(PartiQLFunction.CONTAINS, p, v)),
                Combinators.combine(pathRefs(), Arbitraries.of("S", "N", "SS", "M"))
                        .as((p, t) -> call(PartiQLFunction.ATTRIBUTE_TYPE, p, new Expr.Literal(AttributeValue.s(t), P))),
                Arbitraries.of(true, false).map(b -> new Expr.Literal(AttributeValue.bool(b), P)));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(1, condition(depth - 1).list().ofMinSize(2).ofMaxSize(3)
                        .map(list -> (Expr) new Expr.And(list, P))),
                net.jqwik.api.Tuple.of(1, condition(depth - 1).list().ofMinSize(2).ofMaxSize(3)
                        .map(list -> (Expr) new Expr.Or(list, P))),
                net.jqwik.api.Tuple.of(1, condition(depth - 1).map(c -> (Expr) new Expr.Not(c, P))),
                net.jqwik.api.Tuple.of(1, selectWithoutExists().map(s -> (Expr) new Expr.Exists(s, P))));
    }

    private Arbitrary<Statement.Select> selectWithoutExists() {
        return Combinators.combine(table(), condition(0))
                .as((table, where) -> new Statement.Select(List.of(), table, Optional.of(where), List.of(), P));
    }

    /** A value: a literal, a parameter, a path, size(path), arithmetic, or a collection with a parameter. */
    private Arbitrary<Expr> value(int depth) {
        Arbitrary<Expr> leaf = Arbitraries.oneOf(
                literal(1).map(v -> new Expr.Literal(v, P)),
                Arbitraries.just(new Expr.Parameter(0, P)),
                pathRefs().map(p -> p),
                pathRefs().map(p -> call(PartiQLFunction.SIZE, p)));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, leaf),
                net.jqwik.api.Tuple.of(1, Combinators.combine(value(depth - 1), Arbitraries.of(ArithmeticOperator.class),
                        value(depth - 1)).as((l, op, r) -> new Expr.Arithmetic(l, op, r, P))),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(2)
                        .map(list -> withParameter(list, l -> new Expr.ListOf(l, P)))),
                net.jqwik.api.Tuple.of(1, stringSet().map(set -> {
                    List<Expr> elements = new ArrayList<>();
                    set.forEach(s -> elements.add(new Expr.Literal(AttributeValue.s(s), P)));
                    elements.add(new Expr.Parameter(0, P));
                    return (Expr) new Expr.SetOf(elements, P);
                })));
    }

    private Arbitrary<Expr> setValue() {
        return Arbitraries.oneOf(value(2),
                Combinators.combine(pathRefs(), list(1)).as((p, l) ->
                        call(PartiQLFunction.LIST_APPEND, p, new Expr.Literal(l, P))),
                Combinators.combine(pathRefs(), stringSet()).as((p, s) ->
                        call(PartiQLFunction.SET_ADD, p, new Expr.Literal(AttributeValue.ss(s), P))),
                Combinators.combine(pathRefs(), stringSet()).as((p, s) ->
                        call(PartiQLFunction.SET_DELETE, p, new Expr.Literal(AttributeValue.ss(s), P))));
    }

    /** What an INSERT item may hold: constants and parameters. */
    private Arbitrary<Expr> insertable(int depth) {
        return Arbitraries.oneOf(literal(depth).map(v -> new Expr.Literal(v, P)),
                Arbitraries.just(new Expr.Parameter(0, P)));
    }

    private static Expr withParameter(List<Expr> elements, java.util.function.Function<List<Expr>, Expr> build) {
        List<Expr> list = new ArrayList<>(elements);
        list.add(new Expr.Parameter(0, P));
        return build.apply(list);
    }

    private static Expr.Call call(PartiQLFunction function, Expr... arguments) {
        return new Expr.Call(function, List.of(arguments), P);
    }

    // ------------------------------------------------------------------ values and names

    private Arbitrary<AttributeValue> literal(int depth) {
        Arbitrary<AttributeValue> scalar = Arbitraries.oneOf(
                strings().map(AttributeValue::s),
                numbers(),
                Arbitraries.of(true, false).map(AttributeValue::bool),
                Arbitraries.just(AttributeValue.nul()),
                stringSet().map(AttributeValue::ss),
                numbers().list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                        .map(list -> (AttributeValue) io.skiff.core.value.NumberSetValue.of(list)));
        return depth == 0 ? scalar : Arbitraries.oneOf(scalar, list(depth), map(depth));
    }

    private Arbitrary<AttributeValue> list(int depth) {
        return literal(depth - 1).list().ofMaxSize(3).map(AttributeValue::l);
    }

    private Arbitrary<AttributeValue> map(int depth) {
        return Arbitraries.maps(names(), literal(depth - 1)).ofMaxSize(3)
                .map(members -> AttributeValue.m(new LinkedHashMap<>(members)));
    }

    private Arbitrary<NumberValue> numbers() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(new BigInteger("-99999999999999999999999999999999999999"),
                        new BigInteger("99999999999999999999999999999999999999"));
        return Combinators.combine(unscaled, Arbitraries.integers().between(-30, 30))
                .as((digits, scale) -> new NumberValue(new BigDecimal(digits, scale)));
    }

    private Arbitrary<List<String>> stringSet() {
        return strings().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    private Arbitrary<String> strings() {
        return Arbitraries.strings().withChars("ab 'x\"-*/\nü😀").ofMaxLength(6);
    }

    /** Names, plain or needing quotes: reserved words, dots, spaces, quotes, non-ASCII. */
    private Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5),
                Arbitraries.of("Value", "select", "order", "X_1", "$x", "a.b", "odd name", "say \"hi\"", "größe",
                        "it's"));
    }

    private Arbitrary<Expr.PathRef> pathRefs() {
        Arbitrary<PathElement> step = Arbitraries.oneOf(names().map(PathElement.Name::new),
                Arbitraries.integers().between(0, 20).map(PathElement.Index::new));
        return Combinators.combine(names(), step.list().ofMaxSize(3)).as((first, steps) -> {
            List<PathElement> elements = new ArrayList<>();
            elements.add(new PathElement.Name(first));
            elements.addAll(steps);
            return new Expr.PathRef(Path.of(elements), P);
        });
    }
}
