package io.skiff.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random small documents and expressions over a few shared names, so that paths often hit,
 * often miss and often meet values of the wrong shape.
 */
class ExpressionPropertiesTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Property
    void updatesEitherApplyDeterministicallyOrFailWithAValidationError(
            @ForAll("items") Item item, @ForAll("actionLists") List<UpdateAction> actions) {
        Item before = Item.of(item.attributes());

        Throwable failure = catchThrowable(() -> {
            Update update = new Update(actions);
            assertThat(update.apply(item)).isEqualTo(update.apply(item));
        });

        assertValidationErrorIfAny(failure);
        assertThat(item).isEqualTo(before);
    }

    @Property
    void setThenResolveGivesTheValue(@ForAll("items") Item item, @ForAll("values") AttributeValue value) {
        Path path = Path.attribute("a");

        Item updated = Update.of(UpdateAction.set(path, value)).apply(item);

        assertThat(path.resolve(updated)).contains(value);
        assertThat(Update.of(UpdateAction.remove(path)).apply(updated).has("a")).isFalse();
    }

    @Property
    void conditionsNeverFailOnceBuilt(@ForAll("items") Item item, @ForAll("conditions") Supplier<Condition> build) {
        Throwable failure = catchThrowable(() -> {
            Condition condition = build.get();
            assertThat(condition.test(item)).isEqualTo(condition.test(item));
            assertThat(Condition.not(condition).test(item)).isNotEqualTo(condition.test(item));
        });

        assertValidationErrorIfAny(failure);
    }

    private static void assertValidationErrorIfAny(Throwable failure) {
        if (failure != null) {
            assertThat(failure).isInstanceOfSatisfying(SkiffException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR));
        }
    }

    @Provide
    Arbitrary<Item> items() {
        return Arbitraries.maps(Arbitraries.of(NAMES), values()).ofMaxSize(3).map(Item::of);
    }

    @Provide
    Arbitrary<AttributeValue> values() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.integers().between(-3, 3).map(i -> AttributeValue.n(i)),
                () -> Arbitraries.of("x", "y", "xy").map(AttributeValue::s),
                () -> Arbitraries.of("x", "y").set().ofMinSize(1).map(AttributeValue::ss),
                () -> Arbitraries.of("1", "2").set().ofMinSize(1).map(set -> AttributeValue.ns(set.toArray(String[]::new))),
                () -> values().list().ofMaxSize(3).map(AttributeValue::l),
                () -> Arbitraries.maps(Arbitraries.of(NAMES), values()).ofMaxSize(2).map(AttributeValue::m));
    }

    @Provide
    Arbitrary<Path> paths() {
        Arbitrary<PathElement> elements = Arbitraries.oneOf(
                Arbitraries.of(NAMES).map(PathElement.Name::new),
                Arbitraries.integers().between(0, 3).map(PathElement.Index::new));
        return Combinators.combine(Arbitraries.of(NAMES), elements.list().ofMaxSize(2))
                .as((first, rest) -> {
                    List<PathElement> all = new java.util.ArrayList<>();
                    all.add(new PathElement.Name(first));
                    all.addAll(rest);
                    return Path.of(all);
                });
    }

    @Provide
    Arbitrary<List<UpdateAction>> actionLists() {
        return actions().list().ofMinSize(1).ofMaxSize(3);
    }

    private Arbitrary<UpdateAction> actions() {
        Arbitrary<UpdateValue> rightHandSides = Arbitraries.oneOf(
                values().map(UpdateValue::value),
                paths().map(UpdateValue::path),
                Combinators.combine(paths(), values()).as((p, v) -> UpdateValue.ifNotExists(p, UpdateValue.value(v))),
                Combinators.combine(paths(), values()).as((p, v) -> UpdateValue.plus(UpdateValue.path(p), UpdateValue.value(v))),
                Combinators.combine(paths(), values()).as((p, v) -> UpdateValue.listAppend(UpdateValue.path(p), UpdateValue.value(v))));
        // ADD and DELETE only take numbers and sets; other literals are rejected when built,
        // which the update property also covers through the catch.
        return Arbitraries.oneOf(
                Combinators.combine(paths(), rightHandSides).as(UpdateAction::set),
                paths().map(UpdateAction::remove),
                Combinators.combine(paths(), values()).as((p, v) -> safely(() -> UpdateAction.add(p, v), p)),
                Combinators.combine(paths(), values()).as((p, v) -> safely(() -> UpdateAction.delete(p, v), p)));
    }

    private static UpdateAction safely(Supplier<UpdateAction> build, Path path) {
        try {
            return build.get();
        } catch (SkiffException e) {
            return UpdateAction.remove(path);
        }
    }

    @Provide
    Arbitrary<Supplier<Condition>> conditions() {
        Arbitrary<Operand> operands = Arbitraries.oneOf(
                paths().map(Operand::path), paths().map(Operand::size), values().map(Operand::value));
        return Arbitraries.oneOf(
                Combinators.combine(operands, Arbitraries.of(ComparisonOperator.class), operands)
                        .as((l, op, r) -> () -> Condition.compare(l, op, r)),
                Combinators.combine(operands, operands, operands).as((a, lo, hi) -> () -> Condition.between(a, lo, hi)),
                Combinators.combine(operands, operands.list().ofMinSize(1).ofMaxSize(3))
                        .as((a, list) -> () -> Condition.in(a, list)),
                Combinators.combine(paths(), operands).as((p, o) -> () -> Condition.beginsWith(p, o)),
                Combinators.combine(paths(), operands).as((p, o) -> () -> Condition.contains(p, o)),
                paths().map(p -> () -> Condition.attributeExists(p)),
                Combinators.combine(paths(), Arbitraries.of("S", "N", "M", "L", "SS", "X"))
                        .as((p, t) -> () -> Condition.attributeType(p, Operand.value(AttributeValue.s(t)))));
    }
}
