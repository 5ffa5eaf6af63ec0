package io.skiff.core.value;

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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemSizeTest {

    @Test
    void stringIsItsUtf8Length() {
        assertThat(ItemSize.of(s(""))).isZero();
        assertThat(ItemSize.of(s("abc"))).isEqualTo(3);
        assertThat(ItemSize.of(s("é"))).isEqualTo(2);
        assertThat(ItemSize.of(s("€"))).isEqualTo(3);
        assertThat(ItemSize.of(s("\uD83D\uDE00"))).isEqualTo(4);
    }

    @Test
    void loneSurrogateCountsThreeBytes() {
        assertThat(ItemSize.of(s("\uD83D"))).isEqualTo(3);
        assertThat(ItemSize.of(s("\uDE00x"))).isEqualTo(4);
    }

    @ParameterizedTest(name = "N {0} takes {1} bytes")
    @CsvSource({
        "0, 2",
        "7, 2",
        "12, 2",
        "123, 3",
        "1.23, 3",
        "-12300, 3",
        "0.000123, 3",
        "1234, 3",
        "12345, 4",
        "1E+100, 2",
        "12345678901234567890123456789012345678, 20",
    })
    void numberTakesOneBytePerTwoDigitsPlusOne(String text, long expected) {
        assertThat(ItemSize.of(n(text))).isEqualTo(expected);
        assertThat(ItemSize.of((AttributeValue) n(text))).isEqualTo(expected);
    }

    @Test
    void binaryIsItsByteLength() {
        assertThat(ItemSize.of(b(new byte[0]))).isZero();
        assertThat(ItemSize.of(b(new byte[] {1, 2, 3, 4, 5}))).isEqualTo(5);
    }

    @Test
    void boolAndNullTakeOneByte() {
        assertThat(ItemSize.of(bool(true))).isEqualTo(1);
        assertThat(ItemSize.of(bool(false))).isEqualTo(1);
        assertThat(ItemSize.of(nul())).isEqualTo(1);
    }

    @Test
    void setsAreTheSumOfTheirElements() {
        assertThat(ItemSize.of(ss("a", "bc", "é"))).isEqualTo(1 + 2 + 2);
        assertThat(ItemSize.of(ns("1", "123", "12345"))).isEqualTo(2 + 3 + 4);
        assertThat(ItemSize.of(bs(List.of(Bytes.of(new byte[3]), Bytes.of(new byte[7]))))).isEqualTo(10);
    }

    @Test
    void emptyListAndMapTakeTheOverheadOnly() {
        assertThat(ItemSize.of(ListValue.EMPTY)).isEqualTo(3);
        assertThat(ItemSize.of(MapValue.EMPTY)).isEqualTo(3);
    }

    @Test
    void listAddsOneBytePerElement() {
        // 3 overhead + ("ab" 2 + 1) + (NULL 1 + 1)
        assertThat(ItemSize.of(l(s("ab"), nul()))).isEqualTo(8);
    }

    @Test
    void mapCountsNestedNamesAndOneBytePerEntry() {
        // 3 overhead + ("name" 4 + "ab" 2 + 1) + ("x" 1 + BOOL 1 + 1)
        assertThat(ItemSize.of(m(ordered("name", s("ab"), "x", bool(true))))).isEqualTo(13);
    }

    @Test
    void nestedContainersAddUp() {
        // inner map: 3 + ("k" 1 + N 7 -> 2 + 1) = 7; list: 3 + (7 + 1) = 11
        assertThat(ItemSize.of(l(m(Map.of("k", n(7)))))).isEqualTo(11);
    }

    @Test
    void itemIsTheSumOfNamesAndValuesWithoutOverhead() {
        Item item = Item.builder().s("pk", "USER#1").n("age", 42).put("ok", bool(true)).build();

        // ("pk" 2 + 6) + ("age" 3 + 2) + ("ok" 2 + 1)
        assertThat(ItemSize.of(item)).isEqualTo(16);
        assertThat(ItemSize.of(Item.empty())).isZero();
    }

    @Test
    void attributeNamesCountInUtf8() {
        assertThat(ItemSize.of(Item.of(Map.of("größe", nul())))).isEqualTo(7 + 1);
    }

    @Test
    void sizeDoesNotDependOnAttributeOrder() {
        Item one = Item.of(ordered("a", s("x"), "b", l(n(1), n(2))));
        Item other = Item.of(ordered("b", l(n(1), n(2)), "a", s("x")));

        assertThat(ItemSize.of(one)).isEqualTo(ItemSize.of(other));
    }

    private static Map<String, AttributeValue> ordered(String name1, AttributeValue value1,
                                                       String name2, AttributeValue value2) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        map.put(name1, value1);
        map.put(name2, value2);
        return map;
    }
}
