package io.skiff.core.expr;

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

import io.skiff.core.value.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperandTest {

    private static final Item ITEM = Item.builder()
            .s("ascii", "hello")
            .s("emoji", "a\uD83D\uDE00é")
            .put("bin", b(new byte[] {1, 2, 3}))
            .put("ss", ss("x", "y"))
            .put("ns", ns("1", "2", "3", "4"))
            .put("list", l(n(1), l()))
            .put("map", m(Map.of("a", n(1), "b", n(2), "c", nul())))
            .n("num", 42)
            .put("flag", bool(true))
            .put("null", nul())
            .build();

    private static Operand size(String path) {
        return Operand.size(Path.parse(path));
    }

    @Test
    void sizeCountsCharactersBytesAndElements() {
        assertThat(size("ascii").evaluate(ITEM)).contains(n(5));
        assertThat(size("emoji").evaluate(ITEM)).contains(n(3));
        assertThat(size("bin").evaluate(ITEM)).contains(n(3));
        assertThat(size("ss").evaluate(ITEM)).contains(n(2));
        assertThat(size("ns").evaluate(ITEM)).contains(n(4));
        assertThat(size("list").evaluate(ITEM)).contains(n(2));
        assertThat(size("list[1]").evaluate(ITEM)).contains(n(0));
        assertThat(size("map").evaluate(ITEM)).contains(n(3));
    }

    @Test
    void sizeIsEmptyForMissingOrUnsizedValues() {
        assertThat(size("num").evaluate(ITEM)).isEmpty();
        assertThat(size("flag").evaluate(ITEM)).isEmpty();
        assertThat(size("null").evaluate(ITEM)).isEmpty();
        assertThat(size("missing").evaluate(ITEM)).isEmpty();
    }

    @Test
    void sizeComparesAsANumber() {
        Condition longEnough = Condition.ge(size("ascii"), Operand.value(n(5)));
        Condition comparedToString = Condition.eq(size("ascii"), Operand.value(s("5")));

        assertThat(longEnough.test(ITEM)).isTrue();
        assertThat(comparedToString.test(ITEM)).isFalse();
    }

    @Test
    void pathsAndLiteralsEvaluateToTheirValues() {
        assertThat(Operand.path(Path.parse("map.b")).evaluate(ITEM)).contains(n(2));
        assertThat(Operand.path(Path.parse("map.z")).evaluate(ITEM)).isEmpty();
        assertThat(Operand.value(s("v")).evaluate(Item.empty())).contains(s("v"));
    }

    @Test
    void rendersOperandText() {
        assertThat(size("a.b")).hasToString("size(a.b)");
        assertThat(Operand.path(Path.attribute("x y"))).hasToString("\"x y\"");
        assertThat(Operand.value(m(Map.of("k", ns("1"))))).hasToString("{'k': <<1>>}");
        assertThat(Operand.value(s("x".repeat(200))).toString()).hasSize(80).endsWith("...");
    }
}
