package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.UpdateFixtures.add;
import static io.skiff.core.expr.UpdateFixtures.delete;
import static io.skiff.core.expr.UpdateFixtures.p;
import static io.skiff.core.expr.UpdateFixtures.remove;
import static io.skiff.core.expr.UpdateFixtures.set;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static io.skiff.core.value.AttributeValue.ss;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.Item;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateTest {

    @Test
    void rejectsAnUpdateWithoutActions() {
        assertValidationError(Update::of, "at least one action");
        assertValidationError(() -> new Update(List.of()), "at least one action");
    }

    @ParameterizedTest
    @CsvSource({
            "a, a", "a, a.b", "a.b, a", "a.b, a.b.c.d", "a[1], a", "a[1], a[1]",
            "a[1][1], a[1]", "a.b[2].c, a.b[2]", "a.b.c.d.e, a.b",
    })
    void rejectsOverlappingPathsBeforeLookingAtAnyItem(String one, String two) {
        assertValidationError(() -> Update.of(set(one, n(1)), remove(two)),
                "Two document paths overlap", "path one: " + one, "path two: " + two);
    }

    @Test
    void overlapIsCheckedAcrossAllKindsOfAction() {
        assertValidationError(() -> Update.of(add("a", n(1)), delete("a", ss("x"))), "overlap");
        assertValidationError(() -> Update.of(set("a", n(1)), set("a", n(2))), "overlap");
    }

    @ParameterizedTest
    @CsvSource({"a.b, a[1]", "a[1], a.b", "a.b.c, a.b[2]"})
    void rejectsPathsThatUseOneValueAsBothMapAndList(String one, String two) {
        assertValidationError(() -> Update.of(set(one, n(1)), set(two, n(2))), "Two document paths conflict");
    }

    @Test
    void acceptsSiblingPaths() {
        Item item = Item.builder()
                .put("a", m(Map.of("x", n(3), "y", n(4), "c", m(Map.of("y", n(3))))))
                .put("b", m(Map.of("x", n(1), "y", n(2))))
                .build();

        Item updated = Update.of(set("a.b", n(10)), set("a.c.d", s("dog")), set("b.x", n(17)),
                remove("a.x"), remove("b.y")).apply(item);

        assertThat(updated).isEqualTo(Item.builder()
                .put("a", m(Map.of("y", n(4), "b", n(10), "c", m(Map.of("y", n(3), "d", s("dog"))))))
                .put("b", m(Map.of("x", n(17))))
                .build());
    }

    @Test
    void topLevelNamesAreTheWrittenAttributesInActionOrder() {
        Update update = Update.of(set("b.x", n(1)), remove("a"), add("c", n(1)), delete("b.y", ss("z")),
                set("d", UpdateValue.path(p("e"))));

        assertThat(update.topLevelNames()).containsExactly("b", "a", "c", "d");
    }

    @Test
    void applyLeavesItsInputAloneAndIsRepeatable() {
        Item item = Item.builder().put("list", l(n(1), n(2))).n("count", 1).build();
        Item copy = Item.of(item.attributes());
        Update update = Update.of(remove("list[0]"), add("count", n(1)), set("new", s("x")));

        Item first = update.apply(item);
        Item second = update.apply(item);

        assertThat(item).isEqualTo(copy);
        assertThat(first).isEqualTo(second);
        assertThat(first).isEqualTo(Item.builder().put("list", l(n(2))).n("count", 2).s("new", "x").build());
    }

    @Test
    void aFailingActionChangesNothing() {
        Item item = Item.builder().n("a", 1).s("b", "x").build();
        Update update = Update.of(set("a", n(2)), add("b", n(1)));

        assertValidationError(() -> update.apply(item), "incorrect data type");
        assertThat(item.get("a")).isEqualTo(n(1));
    }

    @Test
    void rendersActionText() {
        Update update = Update.of(set("a", UpdateValue.plus(UpdateValue.path(p("a")), UpdateValue.value(n(1)))),
                remove("b[0]"), add("c", ss("x")), delete("d", ss("y")));

        assertThat(update).hasToString("SET a = a + 1, REMOVE b[0], ADD c <<'x'>>, DELETE d <<'y'>>");
    }
}
