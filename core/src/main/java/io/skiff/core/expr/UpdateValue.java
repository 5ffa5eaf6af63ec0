package io.skiff.core.expr;

import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.ListValue;
import io.skiff.core.value.NumberValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The right-hand side of a {@code SET} action. It is always evaluated against the item as it was
 * before the update, so {@code SET a = b, b = a} swaps two attributes.
 */
public sealed interface UpdateValue
        permits UpdateValue.Literal, UpdateValue.Ref, UpdateValue.IfNotExists, UpdateValue.ListAppend,
                UpdateValue.Arithmetic {

    /** A constant. */
    static Literal value(AttributeValue value) {
        return new Literal(value);
    }

    /** The value at a path of the item before the update. */
    static Ref path(Path path) {
        return new Ref(path);
    }

    /** {@code if_not_exists(path, fallback)}. */
    static IfNotExists ifNotExists(Path path, UpdateValue fallback) {
        return new IfNotExists(path, fallback);
    }

    /** {@code list_append(first, second)}. */
    static ListAppend listAppend(UpdateValue first, UpdateValue second) {
        return new ListAppend(first, second);
    }

    /** {@code left + right}. */
    static Arithmetic plus(UpdateValue left, UpdateValue right) {
        return new Arithmetic(left, ArithmeticOperator.PLUS, right);
    }

    /** {@code left - right}. */
    static Arithmetic minus(UpdateValue left, UpdateValue right) {
        return new Arithmetic(left, ArithmeticOperator.MINUS, right);
    }

    /** {@code left operator right}. */
    static Arithmetic arithmetic(UpdateValue left, ArithmeticOperator operator, UpdateValue right) {
        return new Arithmetic(left, operator, right);
    }

    /**
     * The value for the item as it was before the update.
     *
     * @throws io.skiff.core.error.SkiffException {@code VALIDATION_ERROR} when a referenced
     *     attribute is missing or an operand has the wrong type
     */
    AttributeValue evaluate(Item before);

    /** A constant. */
    record Literal(AttributeValue value) implements UpdateValue {

        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public AttributeValue evaluate(Item before) {
            return value;
        }

        @Override
        public String toString() {
            return ValueText.render(value);
        }
    }

    /** The value at a path; a missing value is a {@code VALIDATION_ERROR}, as in the reference system. */
    record Ref(Path path) implements UpdateValue {

        public Ref {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public AttributeValue evaluate(Item before) {
            return path.resolve(before).orElseThrow(() -> ExprErrors.missingAttribute(path));
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** {@code if_not_exists(path, fallback)}: the value at the path if there is one, else the fallback. */
    record IfNotExists(Path path, UpdateValue fallback) implements UpdateValue {

        public IfNotExists {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fallback, "fallback");
        }

        @Override
        public AttributeValue evaluate(Item before) {
            return path.resolve(before).orElseGet(() -> fallback.evaluate(before));
        }

        @Override
        public String toString() {
            return "if_not_exists(" + path + ", " + fallback + ")";
        }
    }

    /** {@code list_append(first, second)}: the elements of two lists, first then second. */
    record ListAppend(UpdateValue first, UpdateValue second) implements UpdateValue {

        public ListAppend {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public AttributeValue evaluate(Item before) {
            List<AttributeValue> joined = new ArrayList<>(list(first, before));
            joined.addAll(list(second, before));
            return ListValue.of(joined);
        }

        private List<AttributeValue> list(UpdateValue operand, Item before) {
            AttributeValue value = operand.evaluate(before);
            if (!(value instanceof ListValue list)) {
                throw ExprErrors.incorrectDataType(this + " needs two lists but " + operand
                        + " is of type " + value.type());
            }
            return list.values();
        }

        @Override
        public String toString() {
            return "list_append(" + first + ", " + second + ")";
        }
    }

    /** {@code left + right} or {@code left - right} on two numbers, computed exactly. */
    record Arithmetic(UpdateValue left, ArithmeticOperator operator, UpdateValue right) implements UpdateValue {

        public Arithmetic {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public AttributeValue evaluate(Item before) {
            return operator.apply(number(left, before), number(right, before), this);
        }

        private NumberValue number(UpdateValue operand, Item before) {
            AttributeValue value = operand.evaluate(before);
            if (!(value instanceof NumberValue number)) {
                throw ExprErrors.incorrectDataType(this + " needs two numbers but " + operand
                        + " is of type " + value.type());
            }
            return number;
        }

        @Override
        public String toString() {
            return operandText(left) + " " + operator.symbol() + " " + operandText(right);
        }

        private static String operandText(UpdateValue operand) {
            return operand instanceof Arithmetic ? "(" + operand + ")" : operand.toString();
        }
    }
}
