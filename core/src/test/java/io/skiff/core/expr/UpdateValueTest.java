package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.UpdateFixtures.p;
import static io.skiff.core.expr.UpdateValue.ifNotExists;
import static io.skiff.core.expr.UpdateValue.listAppend;
import static io.skiff.core.expr.UpdateValue.minus;
import static io.skiff.core.expr.UpdateValue.path;
import static io.skiff.core.expr.UpdateValue.plus;
import static io.skiff.core.expr.UpdateValue.value;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Item;
import org.junit.jupiter.api.Test;

class UpdateValueTest {

    private static final Item ITEM = Item.builder()
            .n("two", 2)
            .n("seven", 7)
            .s("str", "x")
            .put("list", l(n(1), s("a")))
            .build();

    @Test
    void literalsAndPathsEvaluateToTheirValues() {
        assertThat(value(s("v")).evaluate(Item.empty())).isEqualTo(s("v"));
        assertThat(path(p("list[1]")).evaluate(ITEM)).isEqualTo(s("a"));
    }

    @Test
    void ifNotExistsPrefersThePathsValue() {
        assertThat(ifNotExists(p("two"), value(n(0))).evaluate(ITEM)).isEqualTo(n(2));
        assertThat(ifNotExists(p("missing"), value(n(0))).evaluate(ITEM)).isEqualTo(n(0));
        assertThat(ifNotExists(p("missing"), ifNotExists(p("seven"), value(n(0)))).evaluate(ITEM)).isEqualTo(n(7));
    }

    @Test
    void arithmeticIsExact() {
        assertThat(minus(path(p("seven")), path(p("two"))).evaluate(ITEM)).isEqualTo(n(5));
        assertThat(plus(value(n("0.1")), value(n("0.2"))).evaluate(ITEM)).isEqualTo(n("0.3"));
        assertThat(plus(ifNotExists(p("missing"), value(n(0))), value(n(1))).evaluate(ITEM)).isEqualTo(n(1));
        assertThat(plus(value(n("12345678901234567890123456789012345678")), value(n(1))).evaluate(ITEM))
                .isEqualTo(n("12345678901234567890123456789012345679"));
    }

    @Test
    void arithmeticRejectsNonNumbers() {
        assertValidationError(() -> plus(path(p("str")), value(n(1))).evaluate(ITEM),
                "incorrect data type", "str + 1", "type S");
        assertValidationError(() -> minus(value(n(1)), path(p("list"))).evaluate(ITEM), "incorrect data type", "list");
    }

    @Test
    void arithmeticRejectsResultsThatAreNotStorableNumbers() {
        assertValidationError(() -> plus(value(n("9.9E+125")), value(n("9.9E+125"))).evaluate(ITEM),
                "Cannot compute", "overflow");
        assertValidationError(() -> plus(value(n("1E+20")), value(n("1E-20"))).evaluate(ITEM),
                "Cannot compute", "significant digits");
    }

    @Test
    void arithmeticOnAMissingAttributeIsAnError() {
        assertValidationError(() -> plus(path(p("missing")), value(n(1))).evaluate(ITEM), "does not exist", "missing");
    }

    @Test
    void listAppendConcatenatesTwoLists() {
        assertThat(listAppend(path(p("list")), value(l(s("b")))).evaluate(ITEM)).isEqualTo(l(n(1), s("a"), s("b")));
        assertThat(listAppend(value(l()), path(p("list"))).evaluate(ITEM)).isEqualTo(l(n(1), s("a")));
    }

    @Test
    void listAppendRejectsNonLists() {
        assertValidationError(() -> listAppend(path(p("str")), value(l())).evaluate(ITEM),
                "incorrect data type", "list_append(str, [])", "type S");
        assertValidationError(() -> listAppend(path(p("missing")), value(l())).evaluate(ITEM), "does not exist", "missing");
    }

    @Test
    void rendersExpressionText() {
        assertThat(minus(plus(path(p("a")), value(n(1))), value(n(2)))).hasToString("(a + 1) - 2");
        assertThat(listAppend(ifNotExists(p("l"), value(l())), value(l(s("x")))))
                .hasToString("list_append(if_not_exists(l, []), ['x'])");
    }
}
