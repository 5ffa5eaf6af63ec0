package io.skiff.core.expr;

import static io.skiff.core.expr.ComparisonConditionTest.assertValidationError;
import static io.skiff.core.expr.Condition.and;
import static io.skiff.core.expr.Condition.attributeExists;
import static io.skiff.core.expr.Condition.attributeNotExists;
import static io.skiff.core.expr.Condition.eq;
import static io.skiff.core.expr.Condition.not;
import static io.skiff.core.expr.Condition.or;
import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogicalConditionTest {

    private static final Item ITEM = Item.builder().n("a", 1).build();
    private static final Condition TRUE = attributeExists(Path.parse("a"));
    private static final Condition FALSE = attributeExists(Path.parse("missing"));

    @Test
    void andNeedsEveryOperand() {
        assertThat(and(TRUE, TRUE, TRUE).test(ITEM)).isTrue();
        assertThat(and(TRUE, FALSE, TRUE).test(ITEM)).isFalse();
        assertThat(and(TRUE).test(ITEM)).isTrue();
    }

    @Test
    void orNeedsAnyOperand() {
        assertThat(or(FALSE, TRUE).test(ITEM)).isTrue();
        assertThat(or(FALSE, FALSE).test(ITEM)).isFalse();
    }

    @Test
    void notNegates() {
        assertThat(not(TRUE).test(ITEM)).isFalse();
        assertThat(not(FALSE).test(ITEM)).isTrue();
    }

    @Test
    void missingAttributesAreOrdinaryFalseNotUnknown() {
        Condition missingEqualsOne = eq(Operand.path(Path.parse("missing")), Operand.value(AttributeValue.n(1)));

        assertThat(not(missingEqualsOne).test(ITEM)).isTrue();
        assertThat(or(missingEqualsOne, not(missingEqualsOne)).test(ITEM)).isTrue();
    }

    @Test
    void rejectsEmptyOperandLists() {
        assertValidationError(Condition::and, "AND");
        assertValidationError(Condition::or, "OR");
    }

    @Test
    void treesCanBeWalkedAsRecords() {
        Condition tree = or(and(TRUE, not(FALSE)), attributeNotExists(Path.parse("x")));

        assertThat(tree).isInstanceOfSatisfying(Condition.Or.class, orNode -> {
            assertThat(orNode.operands()).hasSize(2);
            assertThat(orNode.operands().get(0)).isEqualTo(new Condition.And(List.of(TRUE, new Condition.Not(FALSE))));
        });
        assertThat(tree).hasToString(
                "((attribute_exists(a) AND (NOT attribute_exists(missing))) OR attribute_not_exists(x))");
    }
}
