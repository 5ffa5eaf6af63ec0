package io.skiff.core.expr;

import static io.skiff.core.expr.Condition.between;
import static io.skiff.core.expr.Condition.eq;
import static io.skiff.core.expr.Condition.ge;
import static io.skiff.core.expr.Condition.gt;
import static io.skiff.core.expr.Condition.in;
import static io.skiff.core.expr.Condition.le;
import static io.skiff.core.expr.Condition.lt;
import static io.skiff.core.expr.Condition.ne;
import static io.skiff.core.value.AttributeValue.b;
import static io.skiff.core.value.AttributeValue.bool;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.ns;
import static io.skiff.core.value.AttributeValue.nul;
import static io.skiff.core.value.AttributeValue.s;
import static io.skiff.core.value.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ComparisonConditionTest {

    private static final Item ITEM = Item.builder()
            .n("num", 5)
            .s("str", "cat")
            .put("bin", b(new byte[] {1, 2}))
            .put("flag", bool(true))
            .put("nothing", nul())
            .put("set", ss("a", "b"))
            .put("nums", ns("1", "2.50"))
            .put("list", l(s("x"), n(1)))
            .put("map", m(Map.of("k", s("v"))))
            .n("low", 1)
            .n("high", 9)
            .build();

    private static Operand path(String text) {
        return Operand.path(Path.parse(text));
    }

    private static Operand value(AttributeValue value) {
        return Operand.value(value);
    }

    @Test
    void equalityComparesEveryTypeByValue() {
        assertThat(eq(path("num"), value(n("5.00"))).test(ITEM)).isTrue();
        assertThat(eq(path("str"), value(s("cat"))).test(ITEM)).isTrue();
        assertThat(eq(path("bin"), value(b(new byte[] {1, 2}))).test(ITEM)).isTrue();
        assertThat(eq(path("flag"), value(bool(true))).test(ITEM)).isTrue();
        assertThat(eq(path("nothing"), value(nul())).test(ITEM)).isTrue();
        assertThat(eq(path("set"), value(ss("b", "a"))).test(ITEM)).isTrue();
        assertThat(eq(path("nums"), value(ns("2.5", "1.0"))).test(ITEM)).isTrue();
        assertThat(eq(path("list"), value(l(s("x"), n(1)))).test(ITEM)).isTrue();
        assertThat(eq(path("map"), value(m(Map.of("k", s("v"))))).test(ITEM)).isTrue();
        assertThat(eq(path("num"), path("num")).test(ITEM)).isTrue();
    }

    @Test
    void equalityIsFalseForDifferentValuesOrTypes() {
        assertThat(eq(path("num"), value(n(6))).test(ITEM)).isFalse();
        assertThat(eq(path("num"), value(s("5"))).test(ITEM)).isFalse();
        assertThat(eq(path("list"), value(l(n(1), s("x")))).test(ITEM)).isFalse();
        assertThat(eq(path("set"), value(ss("a"))).test(ITEM)).isFalse();
        assertThat(ne(path("num"), value(s("5"))).test(ITEM)).isTrue();
        assertThat(ne(path("num"), value(n(5))).test(ITEM)).isFalse();
    }

    @Test
    void missingOperandMakesEverythingFalseExceptNotEqual() {
        Operand missing = path("missing");
        for (BiFunction<Operand, Operand, Condition> op : List.<BiFunction<Operand, Operand, Condition>>of(
                Condition::eq, Condition::lt, Condition::le, Condition::gt, Condition::ge)) {
            assertThat(op.apply(missing, value(n(5))).test(ITEM)).isFalse();
            assertThat(op.apply(value(n(5)), missing).test(ITEM)).isFalse();
            assertThat(op.apply(missing, path("also.missing")).test(ITEM)).isFalse();
        }
        assertThat(ne(missing, value(n(5))).test(ITEM)).isTrue();
        assertThat(ne(missing, path("also.missing")).test(ITEM)).isTrue();
        assertThat(between(missing, value(n(1)), value(n(9))).test(ITEM)).isFalse();
        assertThat(in(missing, List.of(value(n(5)))).test(ITEM)).isFalse();
    }

    @Test
    void comparesAgainstTheEmptyItem() {
        assertThat(eq(path("num"), value(n(5))).test(Item.empty())).isFalse();
        assertThat(ne(path("num"), value(n(5))).test(Item.empty())).isTrue();
    }

    @Test
    void ordersNumbersNumerically() {
        assertThat(lt(path("num"), value(n(10))).test(ITEM)).isTrue();
        assertThat(le(path("num"), value(n("5.0"))).test(ITEM)).isTrue();
        assertThat(gt(path("num"), value(n("-1E+100"))).test(ITEM)).isTrue();
        assertThat(ge(path("num"), value(n("5.000000001"))).test(ITEM)).isFalse();
        assertThat(gt(path("num"), value(n(5))).test(ITEM)).isFalse();
    }

    @Test
    void ordersStringsByCodePointLikeUtf8Bytes() {
        assertThat(lt(path("str"), value(s("dog"))).test(ITEM)).isTrue();
        assertThat(lt(path("str"), value(s("cats"))).test(ITEM)).isTrue();
        assertThat(lt(path("str"), value(s("Cat"))).test(ITEM)).isFalse();
        // U+1F600 is a surrogate pair in UTF-16, which String.compareTo would put before U+FF5E.
        Item emoji = Item.builder().s("e", "\uD83D\uDE00").build();
        assertThat(gt(path("e"), value(s("\uFF5E"))).test(emoji)).isTrue();
    }

    @Test
    void ordersBinariesAsUnsignedBytes() {
        Item item = Item.builder().put("b", b(new byte[] {(byte) 0x80})).build();
        assertThat(gt(path("b"), value(b(new byte[] {0x7f}))).test(item)).isTrue();
        assertThat(lt(path("b"), value(b(new byte[] {(byte) 0x80, 0}))).test(item)).isTrue();
    }

    @Test
    void orderingDifferentOrUnorderedStoredTypesIsFalse() {
        assertThat(lt(path("num"), value(s("9"))).test(ITEM)).isFalse();
        assertThat(ge(path("num"), value(s("9"))).test(ITEM)).isFalse();
        assertThat(lt(path("list"), value(n(1))).test(ITEM)).isFalse();
        assertThat(lt(path("flag"), path("flag")).test(ITEM)).isFalse();
        assertThat(le(path("map"), path("map")).test(ITEM)).isFalse();
    }

    @Test
    void rejectsLiteralsThatCanNeverBeOrdered() {
        assertValidationError(() -> lt(path("num"), value(l(n(1)))), "<", "L");
        assertValidationError(() -> ge(value(bool(true)), path("num")), ">=", "BOOL");
        assertValidationError(() -> between(path("num"), value(nul()), value(n(1))), "BETWEEN", "NULL");
        assertThat(eq(path("num"), value(l(n(1)))).test(ITEM)).isFalse();
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(between(path("num"), value(n(5)), value(n(9))).test(ITEM)).isTrue();
        assertThat(between(path("num"), value(n(1)), value(n(5))).test(ITEM)).isTrue();
        assertThat(between(path("num"), value(n(6)), value(n(9))).test(ITEM)).isFalse();
        assertThat(between(path("str"), value(s("a")), value(s("d"))).test(ITEM)).isTrue();
        assertThat(between(path("num"), path("low"), path("high")).test(ITEM)).isTrue();
    }

    @Test
    void betweenOfDifferentTypesIsFalse() {
        assertThat(between(path("num"), value(s("0")), value(s("9"))).test(ITEM)).isFalse();
        assertThat(between(path("str"), path("low"), path("high")).test(ITEM)).isFalse();
    }

    @Test
    void betweenBoundsFromTheItemInTheWrongOrderAreJustFalse() {
        assertThat(between(path("num"), path("high"), path("low")).test(ITEM)).isFalse();
    }

    @Test
    void rejectsLiteralBetweenBoundsInTheWrongOrderOrOfDifferentTypes() {
        assertValidationError(() -> between(path("num"), value(n(9)), value(n(1))),
                "upper bound", "num BETWEEN 9 AND 1");
        assertValidationError(() -> between(path("num"), value(n(1)), value(s("9"))), "same type", "num");
        assertThat(between(path("num"), value(n(5)), value(n(5))).test(ITEM)).isTrue();
    }

    @Test
    void inMatchesAnyCandidateByValue() {
        assertThat(in(path("num"), List.of(value(s("5")), value(n("5.0")))).test(ITEM)).isTrue();
        assertThat(in(path("set"), List.of(value(ss("b", "a")))).test(ITEM)).isTrue();
        assertThat(in(path("num"), List.of(value(n(1)), path("high"))).test(ITEM)).isFalse();
        assertThat(in(path("num"), List.of(path("missing"), path("num"))).test(ITEM)).isTrue();
    }

    @Test
    void inTakesOneToAHundredCandidates() {
        List<Operand> hundred = IntStream.range(0, 100).mapToObj(i -> value(n(i))).toList();
        assertThat(in(path("num"), hundred).test(ITEM)).isTrue();

        List<Operand> tooMany = IntStream.range(0, 101).mapToObj(i -> value(n(i))).toList();
        assertValidationError(() -> in(path("num"), tooMany), "at most 100", "num");
        assertValidationError(() -> in(path("num"), Collections.emptyList()), "at least one", "num");
    }

    @Test
    void rendersExpressionText() {
        assertThat(ne(path("a.b[1]"), value(s("it's")))).hasToString("a.b[1] <> 'it''s'");
        assertThat(between(Operand.size(Path.parse("s")), value(n(1)), value(n(2))))
                .hasToString("size(s) BETWEEN 1 AND 2");
        assertThat(in(path("a"), List.of(value(ss("x")), value(l(n(1), bool(false))))))
                .hasToString("a IN (<<'x'>>, [1, false])");
    }

    static void assertValidationError(Runnable action, String... messageParts) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(SkiffException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR))
                .hasMessageContainingAll(messageParts);
    }
}
