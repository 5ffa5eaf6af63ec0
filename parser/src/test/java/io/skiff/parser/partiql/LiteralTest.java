package io.skiff.parser.partiql;

import static io.skiff.parser.partiql.Ast.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralTest {

    private static AttributeValue value(String literal) {
        return ((Expr.Literal) setValue(literal)).value();
    }

    @Test
    void stringsUseDoubledQuotesAndKeepEverythingElse() {
        assertThat(value("'it''s'")).isEqualTo(AttributeValue.s("it's"));
        assertThat(value("''")).isEqualTo(AttributeValue.s(""));
        assertThat(value("'a \"quoted\" -- not a comment /* nor this */'"))
                .isEqualTo(AttributeValue.s("a \"quoted\" -- not a comment /* nor this */"));
        assertThat(value("'line one\nline two'")).isEqualTo(AttributeValue.s("line one\nline two"));
        assertThat(value("'ünïcödé 😀'")).isEqualTo(AttributeValue.s("ünïcödé 😀"));
    }

    @ParameterizedTest
    @CsvSource({
            "42,        42",
            "-42,       -42",
            "+7,        7",
            "1.50,      1.5",
            ".5,        0.5",
            "5.,        5",
            "1e0,       1",
            "6.02E23,   602000000000000000000000",
            "1.5e-3,    0.0015",
            "-2E+2,     -200",
    })
    void numbersInEveryNotation(String literal, String expected) {
        assertThat(value(literal)).isEqualTo(new NumberValue(new BigDecimal(expected)));
    }

    @Test
    void thirtyEightDigitsAreKeptExactly() {
        String digits = "12345678901234567890123456789012345678";
        var number = (NumberValue) value(digits);

        assertThat(number.value().toPlainString()).isEqualTo(digits);
        assertThat(((NumberValue) value("-0." + digits)).value()).isEqualByComparingTo("-0." + digits);
        assertThat(((NumberValue) value(digits + "E+80")).value().precision()).isEqualTo(38);
    }

    @Test
    void booleansAndNullAreCaseInsensitive() {
        assertThat(value("TrUe")).isEqualTo(AttributeValue.bool(true));
        assertThat(value("false")).isEqualTo(AttributeValue.bool(false));
        assertThat(value("Null")).isEqualTo(AttributeValue.nul());
    }

    @Test
    void constantStructsListsAndSetsFoldIntoOneValue() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("z", AttributeValue.n(1));
        inner.put("a", AttributeValue.l());
        assertThat(value("{'m': {'z': 1, 'a': []}, 'e': {}, 's': <<'b', 'a'>>, 'n': <<3, 1.5>>}")).isEqualTo(
                AttributeValue.m(Map.of("m", AttributeValue.m(inner), "e", AttributeValue.m(Map.of()),
                        "s", AttributeValue.ss("b", "a"), "n", AttributeValue.ns("3", "1.5"))));
        assertThat(value("[1, [2, [3]], null, true]")).isEqualTo(AttributeValue.l(AttributeValue.n(1),
                AttributeValue.l(AttributeValue.n(2), AttributeValue.l(AttributeValue.n(3))),
                AttributeValue.nul(), AttributeValue.bool(true)));
    }

    @Test
    void structsKeepTheirAttributeOrder() {
        var map = (io.skiff.core.value.MapValue) value("{'z': 1, 'a': 2, 'm': 3}");

        assertThat(map.values().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void collectionsWithParametersOrPathsStayNodes() {
        assertSameTree(setValue("{'a': ?, 'b': [1, x]}"), new Expr.Struct(List.of(field("a", param(0)),
                field("b", new Expr.ListOf(List.of(n("1"), path("x")), P))), P));
        assertSameTree(setValue("<<'a', ?>>"), new Expr.SetOf(List.of(s("a"), param(0)), P));
        assertSameTree(setValue("[<<?>>]"), new Expr.ListOf(List.of(new Expr.SetOf(List.of(param(0)), P)), P));
    }
}
