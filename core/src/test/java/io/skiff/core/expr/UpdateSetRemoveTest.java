package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.UpdateFixtures.apply;
import static io.skiff.core.expr.UpdateFixtures.p;
import static io.skiff.core.expr.UpdateFixtures.remove;
import static io.skiff.core.expr.UpdateFixtures.set;
import static io.skiff.core.value.AttributeValue.l;
import static io.skiff.core.value.AttributeValue.m;
import static io.skiff.core.value.AttributeValue.n;
import static io.skiff.core.value.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateSetRemoveTest {

    private static final Item ITEM = Item.builder()
            .s("pk", "k")
            .n("count", 1)
            .put("doc", m(Map.of("x", n(3), "c", m(Map.of("y", s("old"))))))
            .put("list", l(n(2), n(3), n(4), n(5), n(6), n(7)))
            .s("str", "text")
            .build();

    @Test
    void setCreatesAndReplacesTopLevelAttributes() {
        Item updated = apply(ITEM, set("count", n(2)), set("fresh", s("new")));

        assertThat(updated.get("count")).isEqualTo(n(2));
        assertThat(updated.get("fresh")).isEqualTo(s("new"));
        assertThat(updated.get("pk")).isEqualTo(s("k"));
    }

    @Test
    void setOnTheEmptyItemCreatesIt() {
        assertThat(apply(Item.empty(), set("a", s("x")))).isEqualTo(Item.builder().s("a", "x").build());
    }

    @Test
    void setWritesNestedMembersKeepingSiblings() {
        Item updated = apply(ITEM, set("doc.c.y", s("new")), set("doc.z", n(9)));

        assertThat(updated.get("doc")).isEqualTo(
                m(Map.of("x", n(3), "c", m(Map.of("y", s("new"))), "z", n(9))));
    }

    @Test
    void setReplacesAListElement() {
        assertThat(apply(ITEM, set("list[1]", s("b"))).get("list"))
                .isEqualTo(l(n(2), s("b"), n(4), n(5), n(6), n(7)));
    }

    @Test
    void setPastTheEndAppendsInIndexOrder() {
        Item item = Item.builder().put("a", l(s("one"))).build();

        Item updated = apply(item, set("a[84]", s("a1")), set("a[37]", s("a2")), set("a[17]", s("a3")));

        assertThat(updated.get("a")).isEqualTo(l(s("one"), s("a3"), s("a2"), s("a1")));
    }

    @Test
    void setNeedsTheEnclosingValueToExistWithTheRightType() {
        assertValidationError(() -> apply(ITEM, set("missing.x", n(1))),
                "document path provided in the update expression is invalid for update", "missing.x");
        assertValidationError(() -> apply(ITEM, set("str.x", n(1))), "invalid for update", "str is of type S");
        assertValidationError(() -> apply(ITEM, set("doc[0]", n(1))), "invalid for update", "not a list");
        assertValidationError(() -> apply(ITEM, set("list.x", n(1))), "invalid for update", "not a map");
        assertValidationError(() -> apply(ITEM, set("list[9].x", n(1))), "invalid for update", "list[9]");
        assertValidationError(() -> apply(Item.empty(), set("a.b", n(1))), "invalid for update", "a.b");
    }

    @Test
    void removeDeletesAttributesAndMembers() {
        Item updated = apply(ITEM, remove("count"), remove("doc.c.y"));

        assertThat(updated.has("count")).isFalse();
        assertThat(updated.get("doc")).isEqualTo(m(Map.of("x", n(3), "c", m(Map.of()))));
    }

    @Test
    void removeOfSomethingMissingIsANoOp() {
        assertThat(apply(ITEM, remove("missing"), remove("doc.missing"), remove("list[17]"))).isEqualTo(ITEM);
        assertThat(apply(Item.empty(), remove("missing"))).isEqualTo(Item.empty());
    }

    @Test
    void removeNeedsTheEnclosingValueToExistWithTheRightType() {
        assertValidationError(() -> apply(ITEM, remove("missing.x")), "invalid for update", "missing.x");
        assertValidationError(() -> apply(ITEM, remove("str[0]")), "invalid for update", "str[0]");
    }

    @Test
    void removeOfAListElementShiftsTheLaterOnes() {
        assertThat(apply(ITEM, remove("list[0]")).get("list")).isEqualTo(l(n(3), n(4), n(5), n(6), n(7)));
        Item single = Item.builder().put("a", l(n(1))).build();
        assertThat(apply(single, remove("a[0]")).get("a")).isEqualTo(l());
    }

    @Test
    void listIndexesReferToPositionsBeforeTheUpdate() {
        AttributeValue expected = l(n(2), n(4), n(17), n(6), n(7));

        assertThat(apply(ITEM, remove("list[1]"), set("list[3]", n(17))).get("list")).isEqualTo(expected);
        assertThat(apply(ITEM, set("list[3]", n(17)), remove("list[1]")).get("list")).isEqualTo(expected);
        assertThat(apply(ITEM, remove("list[1]"), remove("list[2]")).get("list"))
                .isEqualTo(l(n(2), n(5), n(6), n(7)));
    }

    @Test
    void nestedEditsInsideListElementsUseOriginalPositions() {
        Item item = Item.builder().put("a", l(m(Map.of("v", n(0))), m(Map.of("v", n(1))))).build();

        Item updated = apply(item, remove("a[0]"), set("a[1].v", n(10)));

        assertThat(updated.get("a")).isEqualTo(l(m(Map.of("v", n(10)))));
    }

    @Test
    void rightHandSidesReadTheItemBeforeTheUpdate() {
        Item item = Item.builder().s("a", "A").s("b", "B").build();

        Item swapped = apply(item, set("a", UpdateValue.path(p("b"))), set("b", UpdateValue.path(p("a"))));
        Item moved = apply(item, remove("a"), set("c", UpdateValue.path(p("a"))));

        assertThat(swapped).isEqualTo(Item.builder().s("a", "B").s("b", "A").build());
        assertThat(moved).isEqualTo(Item.builder().s("b", "B").s("c", "A").build());
    }

    @Test
    void setFromAMissingAttributeIsAnError() {
        assertValidationError(() -> apply(ITEM, set("x", UpdateValue.path(p("doc.nope")))),
                "refers to an attribute that does not exist", "doc.nope");
        assertValidationError(() -> apply(ITEM, set("x", n(1)), set("y", UpdateValue.path(p("x")))),
                "does not exist", "x");
    }

    @Test
    void removingEverythingLeavesTheEmptyItem() {
        Item item = Item.builder().s("only", "x").build();
        assertThat(apply(item, remove("only"))).isEqualTo(Item.empty());
    }
}
