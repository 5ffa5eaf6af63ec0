package io.skiff.core.expr;

import io.skiff.core.error.SkiffException;
import io.skiff.core.value.AttributeType;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.NumberValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One action of an {@link Update}: {@code SET}, {@code REMOVE}, {@code ADD} or {@code DELETE} on
 * a document path. Nested paths are allowed for every action; the value enclosing the path must
 * then exist and be a map (for a name) or a list (for an index).
 */
public sealed interface UpdateAction
        permits UpdateAction.Set, UpdateAction.Remove, UpdateAction.Add, UpdateAction.Delete {

    /** The path this action writes. */
    Path path();

    /** {@code SET path = value}. */
    static Set set(Path path, UpdateValue value) {
        return new Set(path, value);
    }

    /** {@code SET path = value} with a constant value. */
    static Set set(Path path, AttributeValue value) {
        return new Set(path, UpdateValue.value(value));
    }

    /** {@code REMOVE path}. */
    static Remove remove(Path path) {
        return new Remove(path);
    }

    /** {@code ADD path value}; {@code value} must be an {@code N} or a set. */
    static Add add(Path path, AttributeValue value) {
        return new Add(path, value);
    }

    /** {@code DELETE path value}; {@code value} must be a set. */
    static Delete delete(Path path, AttributeValue value) {
        return new Delete(path, value);
    }

    /**
     * {@code SET path = value}: replaces or creates the value. On a list index at or past the
     * end of the list the value is appended.
     */
    record Set(Path path, UpdateValue value) implements UpdateAction {

        public Set {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "SET " + path + " = " + value;
        }
    }

    /** {@code REMOVE path}: removes the value; removing a list element shifts the later ones. */
    record Remove(Path path) implements UpdateAction {

        public Remove {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return "REMOVE " + path;
        }
    }

    /**
     * {@code ADD path value}: with an {@code N}, adds it to the number at the path; with a set,
     * adds its elements to the set at the path. A missing value is created as {@code value}.
     * Any other type of {@code value} is rejected when the action is built.
     */
    record Add(Path path, AttributeValue value) implements UpdateAction {

        public Add {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            if (value.type() != AttributeType.N && !value.type().isSet()) {
                throw ExprErrors.incorrectOperandType("ADD", ValueText.render(value) + " for " + path,
                        value.type());
            }
        }

        /** The value after adding to {@code current}. */
        AttributeValue addTo(Optional<AttributeValue> current) {
            if (current.isEmpty()) {
                return value;
            }
            AttributeValue old = current.get();
            if (old instanceof NumberValue number && value instanceof NumberValue addend) {
                return ArithmeticOperator.PLUS.apply(number, addend, this);
            }
            if (SetAlgebra.sameSetType(old, value)) {
                return SetAlgebra.union(old, value);
            }
            throw mismatch(this, old);
        }

        @Override
        public String toString() {
            return "ADD " + path + " " + ValueText.render(value);
        }
    }

    /**
     * {@code DELETE path set}: removes the set's elements from the set at the path; a set left
     * empty is removed. A missing value stays missing. {@code value} must be a set.
     */
    record Delete(Path path, AttributeValue value) implements UpdateAction {

        public Delete {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
            if (!value.type().isSet()) {
                throw ExprErrors.incorrectOperandType("DELETE", ValueText.render(value) + " for " + path,
                        value.type());
            }
        }

        /** The value after deleting from {@code current}; empty when nothing is left. */
        Optional<AttributeValue> deleteFrom(Optional<AttributeValue> current) {
            if (current.isEmpty()) {
                return current;
            }
            if (!SetAlgebra.sameSetType(current.get(), value)) {
                throw mismatch(this, current.get());
            }
            return SetAlgebra.difference(current.get(), value);
        }

        @Override
        public String toString() {
            return "DELETE " + path + " " + ValueText.render(value);
        }
    }

    private static SkiffException mismatch(UpdateAction action, AttributeValue current) {
        return ExprErrors.incorrectDataType(action + " cannot apply to " + action.path()
                + ", which is of type " + current.type());
    }
}
