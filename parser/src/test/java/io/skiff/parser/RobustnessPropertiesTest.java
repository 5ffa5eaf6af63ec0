package io.skiff.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.parser.expressions.ExpressionParser;
import io.skiff.parser.partiql.StatementParser;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text comes in, the parsers either succeed or fail with a positioned
 * {@code SYNTAX_ERROR} or {@code VALIDATION_ERROR}: never another exception (a cast, an index
 * out of bounds, a number format), never a position outside the text.
 */
class RobustnessPropertiesTest {

    private static final List<String> STATEMENTS = List.of(
            "SELECT a, b.c[1] FROM \"T\".\"I\" WHERE a = ? AND b BETWEEN 1 AND 2 ORDER BY a DESC",
            "INSERT INTO t VALUE {'pk': 'x', 'n': 1.5e3, 'l': [1, <<'a', 'b'>>], 'm': {'k': ?}}",
            "UPDATE t SET a = a + 1, l = list_append(l, [1]) REMOVE b[0] WHERE pk = 'x' RETURNING ALL NEW *",
            "DELETE FROM t WHERE pk = 'x' AND attribute_type(a, 'S') RETURNING ALL OLD *",
            "EXISTS(SELECT * FROM t WHERE pk = 1 AND a IS NOT MISSING OR NOT begins_with(b, 'p'))");
    private static final List<String> PIECES = List.of("SELECT", "FROM", "WHERE", "SET", "REMOVE", "VALUE", "(", ")",
            "[", "]", "{", "}", "<<", ">>", "'", "\"", ",", ".", "?", "=", "<>", "AND", "OR", "NOT", "IN", "IS",
            "MISSING", "NULL", "1e999", "-", "+", "*", "--", "/*", "99999999999999999999", "size(", "x", "\n", ";");
    private static final List<String> EXPRESSIONS = List.of(
            "a = :v AND (attribute_exists(#n) OR begins_with(b.c[2], :v)) AND size(d) BETWEEN :v AND :v",
            "SET a = if_not_exists(a, :v) + :v, #n = list_append(#n, :v) REMOVE c[1] ADD d :v DELETE e :v",
            "a, b.c[0], #n.x");

    @Property(tries = 1000)
    void statementsNeverFailWithAnythingButAPositionedSkiffError(@ForAll("mutatedStatements") String text) {
        assertFailsCleanly(text, StatementParser::parse);
    }

    @Property(tries = 600)
    void expressionsNeverFailWithAnythingButAPositionedSkiffError(@ForAll("mutatedExpressions") String text) {
        Map<String, AttributeValue> values = Map.of(":v", AttributeValue.n(1));
        assertFailsCleanly(text, t -> new ExpressionParser(Map.of("#n", "n"), values).condition(t));
        assertFailsCleanly(text, t -> new ExpressionParser(Map.of("#n", "n"), values).update(t));
        assertFailsCleanly(text, t -> new ExpressionParser(Map.of("#n", "n"), values).projection(t));
    }

    private static void assertFailsCleanly(String text, Consumer<String> parse) {
        try {
            parse.accept(text);
        } catch (SkiffException e) {
            assertThat(e.code()).as(e.getMessage()).isIn(ErrorCode.SYNTAX_ERROR, ErrorCode.VALIDATION_ERROR);
            if (!text.isBlank()) {
                assertThat(e.line()).as(e.getMessage()).isBetween(1, (int) text.lines().count() + 1);
                assertThat(e.column()).as(e.getMessage()).isPositive();
            }
        }
    }

    @Provide
    Arbitrary<String> mutatedStatements() {
        return mutated(Arbitraries.of(STATEMENTS));
    }

    @Provide
    Arbitrary<String> mutatedExpressions() {
        return mutated(Arbitraries.of(EXPRESSIONS));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> seeds) {
        Arbitrary<String> soup = Arbitraries.of(PIECES).list().ofMaxSize(12).map(list -> String.join(" ", list));
        Arbitrary<String> mutation = Combinators.combine(seeds, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 30), Arbitraries.of(PIECES), Arbitraries.integers().between(0, 2))
                .as((seed, at, length, piece, kind) -> {
                    int start = at % (seed.length() + 1);
                    int end = Math.min(seed.length(), start + length);
                    return switch (kind) {
                        case 0 -> seed.substring(0, start) + seed.substring(end);
                        case 1 -> seed.substring(0, start) + piece + seed.substring(start);
                        default -> seed.substring(0, start) + piece + seed.substring(end);
                    };
                });
        Arbitrary<String> doubleMutation = mutation.flatMap(once -> Combinators.combine(
                Arbitraries.integers().between(0, 1000), Arbitraries.of(PIECES))
                .as((at, piece) -> once.substring(0, at % (once.length() + 1)) + piece
                        + once.substring(at % (once.length() + 1))));
        return Arbitraries.oneOf(soup, mutation, doubleMutation, Arbitraries.strings().ofMaxLength(40));
    }
}
