package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.Condition.attributeExists;
import static io.skiff.core.expr.Condition.attributeNotExists;
import static io.skiff.core.expr.Condition.attributeType;
import static io.skiff.core.expr.Condition.beginsWith;
import static io.skiff.core.expr.Condition.contains;
import static io.skiff.core.value.AttributeValue.b;
import static io.skiff.core.value.AttributeValue.bool;
import static io.skiff.core.value.AttributeValue.bs;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.ns;
import static io.skiff.core.value.AttributeValue.nul;
import static io.skiff.core.value.AttributeValue.s;
import static io.skiff.core.value.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FunctionConditionTest {

    private static final Map<AttributeType, AttributeValue> ONE_OF_EACH_TYPE = Map.of(
            AttributeType.S, s("hello"),
            AttributeType.N, n(2),
            AttributeType.B, b(new byte[] {1, 2, 3, 4}),
            AttributeType.BOOL, bool(false),
            AttributeType.NULL, nul(),
            AttributeType.SS, ss("red", "green"),
            AttributeType.NS, ns("1", "2.5"),
            AttributeType.BS, bs(List.of(Bytes.of(new byte[] {9}))),
            AttributeType.L, l(s("x"), n(1), l(n(2)), m(Map.of("k", s("v")))),
            AttributeType.M, m(Map.of("inner", m(Map.of("deep", n(1))), "n", nul())));

    private static final Item ITEM = itemOfEachType();

    private static Item itemOfEachType() {
        Item.Builder builder = Item.builder();
        ONE_OF_EACH_TYPE.forEach((type, value) -> builder.put(type.name(), value));
        return builder.build();
    }

    private static Path path(String text) {
        return Path.parse(text);
    }

    private static Operand value(AttributeValue value) {
        return Operand.value(value);
    }

    @Test
    void attributeExistsForAnyValueIncludingNull() {
        assertThat(attributeExists(path("NULL")).test(ITEM)).isTrue();
        assertThat(attributeExists(path("M.inner.deep")).test(ITEM)).isTrue();
        assertThat(attributeExists(path("M.n")).test(ITEM)).isTrue();
        assertThat(attributeExists(path("M.missing")).test(ITEM)).isFalse();
        assertThat(attributeExists(path("S.x")).test(ITEM)).isFalse();
        assertThat(attributeExists(path("S")).test(Item.empty())).isFalse();
    }

    @Test
    void attributeNotExistsIsTheOpposite() {
        assertThat(attributeNotExists(path("missing")).test(ITEM)).isTrue();
        assertThat(attributeNotExists(path("L[9]")).test(ITEM)).isTrue();
        assertThat(attributeNotExists(path("L[0]")).test(ITEM)).isFalse();
        assertThat(attributeNotExists(path("anything")).test(Item.empty())).isTrue();
    }

    @Test
    void attributeTypeMatchesEachOfTheTenTypes() {
        for (AttributeType type : AttributeType.values()) {
            for (AttributeType other : AttributeType.values()) {
                Condition condition = attributeType(path(type.name()), value(s(other.name())));
                assertThat(condition.test(ITEM)).as("%s is %s", type, other).isEqualTo(type == other);
            }
        }
        assertThat(attributeType(path("missing"), AttributeType.S).test(ITEM)).isFalse();
    }

    @Test
    void attributeTypeRejectsAnythingButALiteralTypeName() {
        assertValidationError(() -> attributeType(path("S"), value(s("DOG"))), "DOG", "attribute_type(S");
        assertValidationError(() -> attributeType(path("S"), value(s("s"))), "'s'");
        assertValidationError(() -> attributeType(path("S"), value(n(1))), "string literal", "S");
        assertValidationError(() -> attributeType(path("S"), Operand.path(path("S"))), "string literal");
    }

    @Test
    void beginsWithMatchesStringAndBinaryPrefixes() {
        assertThat(beginsWith(path("S"), value(s("hel"))).test(ITEM)).isTrue();
        assertThat(beginsWith(path("S"), value(s(""))).test(ITEM)).isTrue();
        assertThat(beginsWith(path("S"), value(s("hello!"))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("S"), value(s("Hel"))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("B"), value(b(new byte[] {1, 2}))).test(ITEM)).isTrue();
        assertThat(beginsWith(path("B"), value(b(new byte[] {2}))).test(ITEM)).isFalse();
    }

    @Test
    void beginsWithOtherTypesIsFalse() {
        assertThat(beginsWith(path("S"), value(b("hel".getBytes()))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("SS"), value(s("red"))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("missing"), value(s("a"))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("S"), Operand.path(path("N"))).test(ITEM)).isFalse();
        assertThat(beginsWith(path("S"), Operand.path(path("missing"))).test(ITEM)).isFalse();
    }

    @Test
    void beginsWithRejectsALiteralPrefixThatIsNeitherStringNorBinary() {
        assertValidationError(() -> beginsWith(path("S"), value(n(1))), "begins_with", "N");
    }

    @Test
    void containsFindsSubstrings() {
        assertThat(contains(path("S"), value(s("ell"))).test(ITEM)).isTrue();
        assertThat(contains(path("S"), value(s("elo"))).test(ITEM)).isFalse();
        assertThat(contains(path("B"), value(b(new byte[] {2, 3}))).test(ITEM)).isTrue();
        assertThat(contains(path("B"), value(b(new byte[] {3, 2}))).test(ITEM)).isFalse();
    }

    @Test
    void containsFindsSetElementsOfTheSetsType() {
        assertThat(contains(path("SS"), value(s("red"))).test(ITEM)).isTrue();
        assertThat(contains(path("SS"), value(s("re"))).test(ITEM)).isFalse();
        assertThat(contains(path("NS"), value(n("2.50"))).test(ITEM)).isTrue();
        assertThat(contains(path("NS"), value(s("1"))).test(ITEM)).isFalse();
        assertThat(contains(path("BS"), value(b(new byte[] {9}))).test(ITEM)).isTrue();
        assertThat(contains(path("BS"), value(n(9))).test(ITEM)).isFalse();
    }

    @Test
    void containsFindsListElementsOfAnyType() {
        assertThat(contains(path("L"), value(s("x"))).test(ITEM)).isTrue();
        assertThat(contains(path("L"), value(n("1.0"))).test(ITEM)).isTrue();
        assertThat(contains(path("L"), value(l(n(2)))).test(ITEM)).isTrue();
        assertThat(contains(path("L"), value(m(Map.of("k", s("v"))))).test(ITEM)).isTrue();
        assertThat(contains(path("L"), value(n(2))).test(ITEM)).isFalse();
    }

    @Test
    void containsOnOtherTypesOrMissingValuesIsFalse() {
        assertThat(contains(path("S"), value(n(1))).test(ITEM)).isFalse();
        assertThat(contains(path("N"), value(n(2))).test(ITEM)).isFalse();
        assertThat(contains(path("M"), value(s("inner"))).test(ITEM)).isFalse();
        assertThat(contains(path("missing"), value(s("x"))).test(ITEM)).isFalse();
        assertThat(contains(path("SS"), Operand.path(path("missing"))).test(ITEM)).isFalse();
    }

    @Test
    void functionsTakeTheirSecondOperandFromTheItem() {
        Item item = Item.builder().s("full", "prefix-rest").s("start", "prefix").build();
        assertThat(beginsWith(path("full"), Operand.path(path("start"))).test(item)).isTrue();
        assertThat(contains(path("full"), Operand.path(path("start"))).test(item)).isTrue();
    }

    @Test
    void rendersFunctionText() {
        assertThat(attributeType(path("a.b"), value(s("NS")))).hasToString("attribute_type(a.b, 'NS')");
        assertThat(beginsWith(path("a"), value(b(new byte[] {1})))).hasToString("begins_with(a, b64'AQ==')");
        assertThat(contains(path("a"), value(s("x")))).hasToString("contains(a, 'x')");
        assertThat(attributeExists(path("a[0]"))).hasToString("attribute_exists(a[0])");
        assertThat(attributeNotExists(path("a"))).hasToString("attribute_not_exists(a)");
    }
}
