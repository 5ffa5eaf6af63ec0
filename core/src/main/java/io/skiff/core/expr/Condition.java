package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.BinarySetValue;
import io.skiff.core.value.BinaryValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberSetValue;
import io.skiff.core.value.NumberValue;
import io.skiff.core.value.StringSetValue;
import io.skiff.core.value.StringValue;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A condition on an item, as in the reference system's condition and filter expressions: an
 * immutable tree that other layers build, walk and translate, evaluated with {@link #test(Item)}.
 *
 * <p>Evaluation is two-valued: a comparison involving a missing attribute is simply false
 * ({@code <>} is true), never unknown. Literal operands that an operator could never accept are
 * rejected when the node is built, with {@code VALIDATION_ERROR}; values read from the item are
 * not, they just make the test false.
 */
public sealed interface Condition
        permits Condition.Comparison, Condition.Between, Condition.In, Condition.And, Condition.Or,
                Condition.Not, Condition.AttributeExists, Condition.AttributeNotExists,
                Condition.AttributeTypeIs, Condition.BeginsWith, Condition.Contains {

    /** Most values an {@code IN} list may hold. */
    int MAX_IN_VALUES = 100;

    /**
     * Whether the item satisfies this condition.
     *
     * @param item the stored item, or {@link Item#empty()} when there is none
     */
    boolean test(Item item);

    /** {@code left = right}; see {@link Comparison}. */
    static Comparison eq(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.EQ, right);
    }

    /** {@code left <> right}; see {@link Comparison}. */
    static Comparison ne(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.NE, right);
    }

    /** {@code left < right}; see {@link Comparison}. */
    static Comparison lt(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.LT, right);
    }

    /** {@code left <= right}; see {@link Comparison}. */
    static Comparison le(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.LE, right);
    }

    /** {@code left > right}; see {@link Comparison}. */
    static Comparison gt(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.GT, right);
    }

    /** {@code left >= right}; see {@link Comparison}. */
    static Comparison ge(Operand left, Operand right) {
        return new Comparison(left, ComparisonOperator.GE, right);
    }

    /** {@code left operator right}; see {@link Comparison}. */
    static Comparison compare(Operand left, ComparisonOperator operator, Operand right) {
        return new Comparison(left, operator, right);
    }

    /** {@code operand BETWEEN low AND high}; see {@link Between}. */
    static Between between(Operand operand, Operand low, Operand high) {
        return new Between(operand, low, high);
    }

    /** {@code operand IN (candidates)}; see {@link In}. */
    static In in(Operand operand, List<Operand> candidates) {
        return new In(operand, candidates);
    }

    /** True when every operand is. */
    static And and(Condition... operands) {
        return new And(Arrays.asList(operands));
    }

    /** True when any operand is. */
    static Or or(Condition... operands) {
        return new Or(Arrays.asList(operands));
    }

    /** True when the operand is false. */
    static Not not(Condition operand) {
        return new Not(operand);
    }

    /** {@code attribute_exists(path)}. */
    static AttributeExists attributeExists(Path path) {
        return new AttributeExists(path);
    }

    /** {@code attribute_not_exists(path)}. */
    static AttributeNotExists attributeNotExists(Path path) {
        return new AttributeNotExists(path);
    }

    /**
     * {@code attribute_type(path, :t)}: {@code typeName} must be a literal {@code S} naming one of
     * the ten types ({@code S, N, B, BOOL, NULL, SS, NS, BS, L, M}), else {@code VALIDATION_ERROR}.
     */
    static AttributeTypeIs attributeType(Path path, Operand typeName) {
        Objects.requireNonNull(typeName, "typeName");
        if (!(typeName instanceof Operand.Literal literal && literal.value() instanceof StringValue name)) {
            throw SkiffException.validation("attribute_type(" + path + ", " + typeName
                    + "): the type must be a string literal such as 'S' or 'NS'");
        }
        try {
            return new AttributeTypeIs(path, AttributeType.fromTag(name.value()));
        } catch (SkiffException e) {
            throw SkiffException.validation("attribute_type(" + path + ", " + typeName + "): "
                    + e.getMessage());
        }
    }

    /** {@code attribute_type(path, type)} with the type already known. */
    static AttributeTypeIs attributeType(Path path, AttributeType type) {
        return new AttributeTypeIs(path, type);
    }

    /** {@code begins_with(path, prefix)}; see {@link BeginsWith}. */
    static BeginsWith beginsWith(Path path, Operand prefix) {
        return new BeginsWith(path, prefix);
    }

    /** {@code contains(path, operand)}; see {@link Contains}. */
    static Contains contains(Path path, Operand operand) {
        return new Contains(path, operand);
    }

    /**
     * {@code left op right}. {@code =} and {@code <>} compare any two values by value (numbers
     * numerically, sets regardless of order); the ordering operators only order two values of
     * the same type among {@code N}, {@code S} and {@code B} and are false otherwise. A missing
     * operand makes every operator false except {@code <>}, which it makes true.
     */
    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Condition {

        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
            if (operator.isOrdering()) {
                ValueOrder.requireOrderedIfLiteral(operator.symbol(), left);
                ValueOrder.requireOrderedIfLiteral(operator.symbol(), right);
            }
        }

        @Override
        public boolean test(Item item) {
            Optional<AttributeValue> l = left.evaluate(item);
            Optional<AttributeValue> r = right.evaluate(item);
            if (l.isEmpty() || r.isEmpty()) {
                return operator == ComparisonOperator.NE;
            }
            if (!operator.isOrdering()) {
                return operator.accepts(l.get().equals(r.get()) ? 0 : 1);
            }
            OptionalInt order = ValueOrder.compare(l.get(), r.get());
            return order.isPresent() && operator.accepts(order.getAsInt());
        }

        @Override
        public String toString() {
            return left + " " + operator.symbol() + " " + right;
        }
    }

    /**
     * {@code operand BETWEEN low AND high}, bounds included, in the order of the ordering
     * operators. When both bounds are literals they must have the same ordered type and
     * {@code low <= high}, else {@code VALIDATION_ERROR}.
     */
    record Between(Operand operand, Operand low, Operand high) implements Condition {

        public Between {
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            ValueOrder.requireOrderedIfLiteral("BETWEEN", operand);
            ValueOrder.requireOrderedIfLiteral("BETWEEN", low);
            ValueOrder.requireOrderedIfLiteral("BETWEEN", high);
            if (low instanceof Operand.Literal lo && high instanceof Operand.Literal hi) {
                OptionalInt order = ValueOrder.compare(lo.value(), hi.value());
                if (order.isEmpty()) {
                    throw SkiffException.validation("The BETWEEN bounds must have the same type; "
                            + operand + " BETWEEN " + low + " AND " + high);
                }
                if (order.getAsInt() > 0) {
                    throw SkiffException.validation("The BETWEEN operator requires upper bound to be greater"
                            + " than or equal to lower bound; " + operand + " BETWEEN " + low + " AND " + high);
                }
            }
        }

        @Override
        public boolean test(Item item) {
            Optional<AttributeValue> value = operand.evaluate(item);
            Optional<AttributeValue> lo = low.evaluate(item);
            Optional<AttributeValue> hi = high.evaluate(item);
            if (value.isEmpty() || lo.isEmpty() || hi.isEmpty()) {
                return false;
            }
            OptionalInt aboveLow = ValueOrder.compare(value.get(), lo.get());
            OptionalInt belowHigh = ValueOrder.compare(value.get(), hi.get());
            return aboveLow.isPresent() && aboveLow.getAsInt() >= 0
                    && belowHigh.isPresent() && belowHigh.getAsInt() <= 0;
        }

        @Override
        public String toString() {
            return operand + " BETWEEN " + low + " AND " + high;
        }
    }

    /**
     * {@code operand IN (c1, c2, ...)}: whether the operand equals any candidate, by the
     * equality of {@code =}. Takes 1 to {@value #MAX_IN_VALUES} candidates.
     */
    record In(Operand operand, List<Operand> candidates) implements Condition {

        public In {
            Objects.requireNonNull(operand, "operand");
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw SkiffException.validation("IN needs at least one value to compare " + operand + " with");
            }
            if (candidates.size() > MAX_IN_VALUES) {
                throw SkiffException.validation("IN accepts at most " + MAX_IN_VALUES + " values; "
                        + operand + " IN (...) has " + candidates.size());
            }
        }

        @Override
        public boolean test(Item item) {
            Optional<AttributeValue> value = operand.evaluate(item);
            return value.isPresent()
                    && candidates.stream().anyMatch(c -> c.evaluate(item).equals(value));
        }

        @Override
        public String toString() {
            return operand + " IN (" + join(candidates, ", ") + ")";
        }
    }

    /** True when every operand is (at least one operand is required). */
    record And(List<Condition> operands) implements Condition {

        public And {
            operands = requireOperands(operands, "AND");
        }

        @Override
        public boolean test(Item item) {
            return operands.stream().allMatch(c -> c.test(item));
        }

        @Override
        public String toString() {
            return "(" + join(operands, " AND ") + ")";
        }
    }

    /** True when any operand is (at least one operand is required). */
    record Or(List<Condition> operands) implements Condition {

        public Or {
            operands = requireOperands(operands, "OR");
        }

        @Override
        public boolean test(Item item) {
            return operands.stream().anyMatch(c -> c.test(item));
        }

        @Override
        public String toString() {
            return "(" + join(operands, " OR ") + ")";
        }
    }

    /** True when the operand is false. */
    record Not(Condition operand) implements Condition {

        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Item item) {
            return !operand.test(item);
        }

        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }

    /** {@code attribute_exists(path)}: the path resolves to a value (any value, even NULL). */
    record AttributeExists(Path path) implements Condition {

        public AttributeExists {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public boolean test(Item item) {
            return path.resolve(item).isPresent();
        }

        @Override
        public String toString() {
            return "attribute_exists(" + path + ")";
        }
    }

    /** {@code attribute_not_exists(path)}: the path does not resolve. */
    record AttributeNotExists(Path path) implements Condition {

        public AttributeNotExists {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public boolean test(Item item) {
            return path.resolve(item).isEmpty();
        }

        @Override
        public String toString() {
            return "attribute_not_exists(" + path + ")";
        }
    }

    /** {@code attribute_type(path, type)}: the path resolves to a value of that type. */
    record AttributeTypeIs(Path path, AttributeType type) implements Condition {

        public AttributeTypeIs {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
        }

        @Override
        public boolean test(Item item) {
            return path.resolve(item).filter(v -> v.type() == type).isPresent();
        }

        @Override
        public String toString() {
            return "attribute_type(" + path + ", '" + type + "')";
        }
    }

    /**
     * {@code begins_with(path, prefix)}: an {@code S} starting with an {@code S} prefix, or a
     * {@code B} starting with a {@code B} prefix. A literal prefix of another type is rejected.
     */
    record BeginsWith(Path path, Operand prefix) implements Condition {

        public BeginsWith {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(prefix, "prefix");
            if (prefix instanceof Operand.Literal literal
                    && literal.value().type() != AttributeType.S && literal.value().type() != AttributeType.B) {
                throw ExprErrors.incorrectOperandType("begins_with", prefix, literal.value().type());
            }
        }

        @Override
        public boolean test(Item item) {
            Optional<AttributeValue> value = path.resolve(item);
            Optional<AttributeValue> start = prefix.evaluate(item);
            if (value.isEmpty() || start.isEmpty()) {
                return false;
            }
            if (value.get() instanceof StringValue s && start.get() instanceof StringValue p) {
                return s.value().startsWith(p.value());
            }
            return value.get() instanceof BinaryValue b && start.get() instanceof BinaryValue p
                    && b.value().startsWith(p.value());
        }

        @Override
        public String toString() {
            return "begins_with(" + path + ", " + prefix + ")";
        }
    }

    /**
     * {@code contains(path, operand)}: a substring of an {@code S}, a byte substring of a
     * {@code B}, an element of a set (of the set's element type), or an element of an {@code L}
     * (by the equality of {@code =}). False for any other combination.
     */
    record Contains(Path path, Operand operand) implements Condition {

        public Contains {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public boolean test(Item item) {
            Optional<AttributeValue> value = path.resolve(item);
            Optional<AttributeValue> part = operand.evaluate(item);
            return value.isPresent() && part.isPresent() && holds(value.get(), part.get());
        }

        private static boolean holds(AttributeValue whole, AttributeValue part) {
            if (whole instanceof StringValue s) {
                return part instanceof StringValue p && s.value().contains(p.value());
            }
            if (whole instanceof BinaryValue b) {
                return part instanceof BinaryValue p && b.value().contains(p.value());
            }
            if (whole instanceof StringSetValue ss) {
                return part instanceof StringValue p && ss.values().contains(p.value());
            }
            if (whole instanceof NumberSetValue ns) {
                return part instanceof NumberValue p && ns.values().contains(p);
            }
            if (whole instanceof BinarySetValue bs) {
                return part instanceof BinaryValue p && bs.values().contains(p.value());
            }
            return whole instanceof ListValue l && l.values().contains(part);
        }

        @Override
        public String toString() {
            return "contains(" + path + ", " + operand + ")";
        }
    }

    private static List<Condition> requireOperands(List<Condition> operands, String operator) {
        List<Condition> copy = List.copyOf(operands);
        if (copy.isEmpty()) {
            throw SkiffException.validation(operator + " needs at least one condition");
        }
        return copy;
    }

    private static String join(List<?> parts, String separator) {
        return parts.stream().map(Object::toString).collect(Collectors.joining(separator));
    }
}
