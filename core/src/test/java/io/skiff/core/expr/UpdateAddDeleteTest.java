package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.UpdateFixtures.add;
import static io.skiff.core.expr.UpdateFixtures.apply;
import static io.skiff.core.expr.UpdateFixtures.delete;
import static io.skiff.core.value.AttributeValue.bs;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.ns;
import static io.skiff.core.value.AttributeValue.nul;
import static io.skiff.core.value.AttributeValue.s;
import static io.skiff.core.value.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Bytes;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateAddDeleteTest {

    private static final Item ITEM = Item.builder()
            .n("count", 3)
            .put("tags", ss("dog", "cat", "mouse"))
            .put("nums", ns("1", "2"))
            .put("blobs", bs(List.of(Bytes.of(new byte[] {1}))))
            .s("str", "hi")
            .put("doc", m(Map.of("n", n(1), "s", ss("a"))))
            .put("list", l(ns("5")))
            .build();

    @Test
    void addAddsToANumber() {
        assertThat(apply(ITEM, add("count", n(4))).get("count")).isEqualTo(n(7));
        assertThat(apply(ITEM, add("count", n("-3.5"))).get("count")).isEqualTo(n("-0.5"));
    }

    @Test
    void addCreatesAMissingNumberOrSet() {
        assertThat(apply(ITEM, add("fresh", n(8))).get("fresh")).isEqualTo(n(8));
        assertThat(apply(Item.empty(), add("fresh", ss("x")))).isEqualTo(Item.builder().put("fresh", ss("x")).build());
    }

    @Test
    void addUnitesSetsOfTheSameType() {
        assertThat(apply(ITEM, add("tags", ss("cat", "pig"))).get("tags"))
                .isEqualTo(ss("dog", "cat", "mouse", "pig"));
        assertThat(apply(ITEM, add("nums", ns("2.0", "3"))).get("nums")).isEqualTo(ns("1", "2", "3"));
        assertThat(apply(ITEM, add("blobs", bs(List.of(Bytes.of(new byte[] {2}))))).get("blobs"))
                .isEqualTo(bs(List.of(Bytes.of(new byte[] {1}), Bytes.of(new byte[] {2}))));
    }

    @Test
    void addWorksOnNestedPaths() {
        Item updated = apply(ITEM, add("doc.n", n(1)), add("doc.s", ss("b")), add("list[0]", ns("6")));

        assertThat(updated.get("doc")).isEqualTo(m(Map.of("n", n(2), "s", ss("a", "b"))));
        assertThat(updated.get("list")).isEqualTo(l(ns("5", "6")));
    }

    @Test
    void addRejectsValuesThatAreNeitherNumbersNorSets() {
        assertValidationError(() -> add("count", s("x")), "ADD", "operand type: S", "count");
        assertValidationError(() -> add("count", l(n(1))), "ADD", "operand type: L");
        assertValidationError(() -> add("count", nul()), "ADD", "operand type: NULL");
    }

    @Test
    void addRejectsATypeMismatchWithTheStoredValue() {
        assertValidationError(() -> apply(ITEM, add("str", n(1))), "incorrect data type", "str", "type S");
        assertValidationError(() -> apply(ITEM, add("count", ss("x"))), "incorrect data type", "count", "type N");
        assertValidationError(() -> apply(ITEM, add("tags", ns("1"))), "incorrect data type", "tags", "type SS");
    }

    @Test
    void addRejectsASumOutOfRange() {
        Item big = Item.builder().n("big", "9.9E+125").build();

        assertValidationError(() -> apply(big, add("big", n("1E+125"))), "big", "overflow");
    }

    @Test
    void deleteRemovesSetElements() {
        assertThat(apply(ITEM, delete("tags", ss("cat", "mouse"))).get("tags")).isEqualTo(ss("dog"));
        assertThat(apply(ITEM, delete("nums", ns("1.0"))).get("nums")).isEqualTo(ns("2"));
        assertThat(apply(ITEM, delete("tags", ss("pig"))).get("tags")).isEqualTo(ss("dog", "cat", "mouse"));
        assertThat(apply(ITEM, delete("doc.s", ss("z"))).get("doc")).isEqualTo(ITEM.get("doc"));
    }

    @Test
    void deleteOfTheLastElementsRemovesTheAttribute() {
        Item updated = apply(ITEM, delete("tags", ss("dog", "cat", "mouse", "extra")), delete("doc.s", ss("a")));

        assertThat(updated.has("tags")).isFalse();
        assertThat(updated.get("doc")).isEqualTo(m(Map.of("n", n(1))));
    }

    @Test
    void deleteFromAMissingAttributeIsANoOp() {
        assertThat(apply(ITEM, delete("missing", ss("x")))).isEqualTo(ITEM);
    }

    @Test
    void deleteRejectsNonSetValuesAndTypeMismatches() {
        assertValidationError(() -> delete("tags", s("dog")), "DELETE", "operand type: S", "tags");
        assertValidationError(() -> delete("count", n(1)), "DELETE", "operand type: N");
        assertValidationError(() -> apply(ITEM, delete("tags", ns("1"))), "incorrect data type", "tags");
        assertValidationError(() -> apply(ITEM, delete("str", ss("h"))), "incorrect data type", "str");
    }
}
